/**
 * The messages owed to registrants (table event_mails): queued in the transaction of the change
 * they tell of, then each claimed for a while (a lease other instances respect), sent, and marked
 * sent. A message the mail server refuses is tried again later, each time after a longer wait,
 * up to MAX_ATTEMPTS; one whose sender stopped is tried again when its lease runs out.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';

/** The messages a registrant may be owed. */
export type QueuedMail =
  'confirmed' | 'waiting' | 'movedUp' | 'changed' | 'cancelled' | 'postponed' | 'withdrawn';

/** A message owed, as the sender needs it. */
export interface OwedMail {
  id: string;
  userId: string;
  slug: string;
  kind: QueuedMail;
  hadPlace: boolean;
}

export const MAX_ATTEMPTS = 8;
/** How long a claimed message is left to its sender before another may try it. */
const LEASE_MS = 10 * 60_000;

type Tx = Pick<Db, 'execute'>;

/** Queues a message to one person, in the caller's transaction (sent in the order queued). */
export async function queueMail(
  tx: Tx,
  mail: { eventId: string; userId: string; kind: QueuedMail; hadPlace?: boolean },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO event_mails (event_id, user_id, kind, had_place, created_at)
    VALUES (${mail.eventId}, ${mail.userId}, ${mail.kind}, ${mail.hadPlace ?? false},
            clock_timestamp())`);
}

/** Queues a message to every live registrant (confirmed or waiting), in the caller's transaction. */
export async function queueForRegistrants(
  tx: Tx,
  eventId: string,
  kind: QueuedMail,
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO event_mails (event_id, user_id, kind)
    SELECT event_id, user_id, ${kind} FROM event_registrations
     WHERE event_id = ${eventId} AND status <> 'cancelled'
     ORDER BY created_at, id`);
}

export function createEventMailsRepository(db: Db, clock: () => Date) {
  return {
    /**
     * Claims the next message due (of one event, when given; none of `skip`), hands it to `send`,
     * and marks it sent, or tried again later when `send` throws. Null when nothing is due.
     */
    async sendNext(
      eventId: string | null,
      skip: readonly string[],
      send: (mail: OwedMail) => Promise<void>,
    ): Promise<'sent' | 'failed' | null> {
      const now = clock();
      // The claim is a lease: no transaction is held while the mail server answers (that would
      // hold a connection from the pool each); a process that stops while sending leaves the
      // lease to run out, and the message is tried again.
      const row = (
        await db.execute<{
          id: string;
          user_id: string;
          slug: string;
          kind: QueuedMail;
          had_place: boolean;
          attempts: number;
        }>(sql`
          UPDATE event_mails m
             SET next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}, attempts = attempts + 1
            FROM events e
           WHERE e.id = m.event_id
             AND m.id = (SELECT id FROM event_mails
                          WHERE sent_at IS NULL AND next_attempt_at <= ${now}
                            AND attempts < ${MAX_ATTEMPTS}
                            AND (${eventId}::uuid IS NULL OR event_id = ${eventId}::uuid)
                            AND id::text <> ALL(string_to_array(${skip.join(',')}, ','))
                          ORDER BY created_at, id
                          LIMIT 1
                            FOR UPDATE SKIP LOCKED)
          RETURNING m.id::text, m.user_id::text, e.slug, m.kind, m.had_place, m.attempts`)
      ).rows[0];
      if (!row) return null;
      try {
        await send({
          id: row.id,
          userId: row.user_id,
          slug: row.slug,
          kind: row.kind,
          hadPlace: row.had_place,
        });
      } catch (error) {
        // 1, 2, 4… minutes after each refusal, at most six hours.
        const wait = Math.min(2 ** (row.attempts - 1), 360) * 60_000;
        await db.execute(sql`
          UPDATE event_mails SET next_attempt_at = ${new Date(clock().getTime() + wait)},
                 last_error = ${error instanceof Error ? error.message.slice(0, 500) : 'failed'}
           WHERE id = ${row.id}`);
        return 'failed';
      }
      await db.execute(sql`UPDATE event_mails SET sent_at = ${clock()} WHERE id = ${row.id}`);
      return 'sent';
    },
  };
}

export type EventMailsRepository = ReturnType<typeof createEventMailsRepository>;
