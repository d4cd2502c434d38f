/**
 * A person's own events: their live registrations, their private calendar feed (a secret token of
 * which only a hash is kept), and what the events feature keeps about them, for "download my data".
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { hashToken, newLinkToken } from '../../platform/secrets.js';
import type { EventStatus } from './events.types.js';

/** One of the person's registrations, as their page lists it. */
export interface MyEvent {
  slug: string;
  title: string;
  /** The language of the title shown (the reader's, else the original). */
  lang: string;
  eventStatus: EventStatus;
  status: 'confirmed' | 'waiting';
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** Whether they may still cancel it themselves. */
  canCancel: boolean;
}

export function createMyEventsRepository(db: Db, clock: () => Date) {
  return {
    /** The person's live registrations, the soonest first; ended ones after, the latest first. */
    async mine(userId: string, locale: string): Promise<MyEvent[]> {
      const now = clock();
      const rows = await db.execute<{
        slug: string;
        title: string;
        lang: string;
        event_status: EventStatus;
        status: 'confirmed' | 'waiting';
        starts_at: Date;
        ends_at: Date;
        time_zone: string;
        cancel_until: Date;
      }>(sql`
        SELECT e.slug, t.title, t.locale AS lang, e.status AS event_status, r.status,
               e.starts_at, e.ends_at, e.time_zone,
               coalesce(e.cancellation_closes_at, e.starts_at) AS cancel_until
          FROM event_registrations r
          JOIN events e ON e.id = r.event_id
          JOIN LATERAL (SELECT title, locale FROM event_translations
                         WHERE event_id = e.id
                         ORDER BY (locale = ${locale}) DESC, (locale = e.original_locale) DESC
                         LIMIT 1) t ON true
         WHERE r.user_id = ${userId} AND r.status <> 'cancelled' AND e.status <> 'draft'
         ORDER BY (e.ends_at < ${now}), CASE WHEN e.ends_at >= ${now} THEN e.starts_at END,
                  e.starts_at DESC`);
      return rows.rows.map((row) => ({
        slug: row.slug,
        title: row.title,
        lang: row.lang,
        eventStatus: row.event_status,
        status: row.status,
        startsAt: new Date(row.starts_at),
        endsAt: new Date(row.ends_at),
        timeZone: row.time_zone,
        canCancel: row.event_status === 'published' && new Date(row.cancel_until) > now,
      }));
    },

    /** The slugs of the events in the person's feed: live registrations, dated to the minute. */
    async feedSlugs(userId: string): Promise<string[]> {
      const rows = await db.execute<{ slug: string }>(sql`
        SELECT e.slug FROM event_registrations r JOIN events e ON e.id = r.event_id
         WHERE r.user_id = ${userId} AND r.status <> 'cancelled' AND e.status <> 'draft'
           AND e.date_precision = 'time'
         ORDER BY e.starts_at`);
      return rows.rows.map((row) => row.slug);
    },

    /** Whether the person has a feed address. */
    async hasFeed(userId: string): Promise<boolean> {
      const rows = await db.execute(sql`
        SELECT 1 FROM event_calendar_tokens WHERE user_id = ${userId}`);
      return rows.rows.length > 0;
    },

    /** A new feed address's token for the person; any earlier one stops working. */
    async newFeed(userId: string): Promise<string> {
      const token = newLinkToken();
      await db.execute(sql`
        INSERT INTO event_calendar_tokens (user_id, token_hash) VALUES (${userId}, ${hashToken(token)})
        ON CONFLICT (user_id) DO UPDATE
          SET token_hash = excluded.token_hash, created_at = now()`);
      return token;
    },

    /** Turns the person's feed off. */
    async revokeFeed(userId: string): Promise<void> {
      await db.execute(sql`DELETE FROM event_calendar_tokens WHERE user_id = ${userId}`);
    },

    /** The person whose feed this token opens, or null. */
    async feedOwner(token: string): Promise<string | null> {
      const rows = await db.execute<{ user_id: string }>(sql`
        SELECT user_id::text FROM event_calendar_tokens WHERE token_hash = ${hashToken(token)}`);
      return rows.rows[0]?.user_id ?? null;
    },

    /** Everything the events feature keeps about the person, for "download my data". */
    async personalData(userId: string): Promise<Record<string, unknown>> {
      const registrations = await db.execute(sql`
        SELECT e.slug AS event, r.status, r.answers, r.attended, r.created_at AS "registeredAt",
               r.confirmed_at AS "confirmedAt", r.cancelled_at AS "cancelledAt"
          FROM event_registrations r JOIN events e ON e.id = r.event_id
         WHERE r.user_id = ${userId} ORDER BY r.created_at`);
      const feed = await db.execute(sql`
        SELECT created_at AS "createdAt" FROM event_calendar_tokens WHERE user_id = ${userId}`);
      return {
        eventRegistrations: registrations.rows,
        eventCalendarFeed: feed.rows[0] ?? null,
      };
    },
  };
}

export type MyEventsRepository = ReturnType<typeof createMyEventsRepository>;
