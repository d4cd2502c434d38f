/**
 * The events' background work: reminders a day and an hour before an event, sent by the job queue
 * to each person with a confirmed place. Each reminder is claimed by marking it sent, under a row
 * lock that other instances skip, so that it goes once (a process stopped while sending loses it
 * rather than sending it twice); a refused one is unmarked and tried again on the next run.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Logger } from '../../platform/logging/logger.js';

export const EVENTS_JOBS = {
  sendReminders: { name: 'events.send-reminders', cron: '*/5 * * * *' },
  /** The messages owed to registrants that could not be sent at once. */
  deliverMails: { name: 'events.deliver-mails', cron: '* * * * *' },
} as const;

const HOUR = 60 * 60 * 1000;

/**
 * How far ahead each reminder goes out: the day's between 24 hours and one hour before the start
 * (an event found late gets the hour's alone), the hour's in the last hour. A person who took
 * their place after that moment was just told by their confirmation and is not reminded.
 */
const REMINDERS = {
  day: { column: sql.raw('reminded_day_at'), from: 24 * HOUR, until: HOUR },
  hour: { column: sql.raw('reminded_hour_at'), from: HOUR, until: 0 },
} as const;

export function createEventsJobs(deps: {
  db: Db;
  clock: () => Date;
  log: Logger;
  remind(userId: string, slug: string, before: 'day' | 'hour'): Promise<void>;
}) {
  /** Claims one reminder that is due, sends it and marks it sent; null when none is left. */
  async function sendOne(
    before: 'day' | 'hour',
    failed: string[],
  ): Promise<'sent' | 'failed' | null> {
    const { column, from, until } = REMINDERS[before];
    const now = deps.clock().getTime();
    // Claimed by marking it sent (no transaction is held while the mail server answers); a
    // refused one is unmarked, for the next run.
    const due = (
      await deps.db.execute<{ id: string; user_id: string; slug: string }>(sql`
        UPDATE event_registrations r SET ${column} = ${new Date(now)}
          FROM events e
         WHERE e.id = r.event_id
           AND r.id = (SELECT r.id
                         FROM event_registrations r JOIN events e ON e.id = r.event_id
                        WHERE r.status = 'confirmed' AND r.${column} IS NULL
                          AND e.status = 'published' AND e.date_precision = 'time'
                          AND e.starts_at > ${new Date(now + until)}
                          AND e.starts_at <= ${new Date(now + from)}
                          AND r.confirmed_at <= e.starts_at - make_interval(secs => ${from / 1000})
                          AND r.id::text <> ALL(string_to_array(${failed.join(',')}, ','))
                        ORDER BY e.starts_at, r.id
                        LIMIT 1
                          FOR UPDATE OF r SKIP LOCKED)
        RETURNING r.id::text, r.user_id::text, e.slug`)
    ).rows[0];
    if (!due) return null;
    try {
      await deps.remind(due.user_id, due.slug, before);
      return 'sent';
    } catch (error) {
      deps.log.warn({ err: error, registration: due.id }, 'event reminder not sent; next run');
      failed.push(due.id);
      await deps.db.execute(sql`
        UPDATE event_registrations SET ${column} = NULL WHERE id = ${due.id}`);
      return 'failed';
    }
  }

  return {
    /** Sends the reminders that are due. Returns how many were sent. */
    async sendReminders(): Promise<number> {
      let sent = 0;
      for (const before of ['day', 'hour'] as const) {
        const failed: string[] = [];
        for (let outcome = await sendOne(before, failed); outcome;) {
          if (outcome === 'sent') sent += 1;
          outcome = await sendOne(before, failed);
        }
      }
      return sent;
    },
  };
}

export type EventsJobs = ReturnType<typeof createEventsJobs>;
