/**
 * The SQL of sending: an issue that comes due has its recipients frozen (one row each, from the
 * confirmed subscribers its segment names), then senders claim rows in small batches with a lease
 * (FOR UPDATE SKIP LOCKED: two instances never take the same row) and settle each as sent,
 * bounced or suppressed. A row settled is never claimed again; a row whose sender died is taken
 * again once its lease ends.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { ROLES, effectiveRole, type Membership, type Viewer } from '../access/index.js';

/** A frozen recipient as a sender takes it. */
export interface Delivery {
  id: string;
  subscriberId: string;
  email: string;
  locale: string;
  userId: string | null;
  /** How many times the row was claimed, this time included. */
  attempts: number;
}

/** What became of a row; 'failed': refused for a reason of its own, MAX_ATTEMPTS times. */
export type Settled = 'sent' | 'bounced' | 'suppressed' | 'failed';

/** Tries of one message refused for a reason of its own (a busy mailbox) before giving up. */
export const MAX_ATTEMPTS = 3;

/** A candidate recipient as the segment sees them: their account's standing, if any. */
export interface Candidate {
  subscriberId: string;
  locale: string;
  themes: string[];
  viewer: Viewer;
}

type ViewerRow = { user_id: string | null; role: string | null; memberships: Membership[] | null };

/** A person as a reader of what is sent to them now; a visitor without an account. */
export function viewerOf(row: ViewerRow): Viewer {
  if (!row.user_id || !row.role) return { kind: 'anonymous' };
  const granted = ROLES.find((role) => role === row.role) ?? 'registered';
  return { kind: 'user', id: row.user_id, role: effectiveRole(granted, row.memberships ?? []) };
}

/** The account (verified) and memberships of a subscriber, joined to a query over `s`. */
const READER = sql`
  LEFT JOIN users u ON u.id = s.user_id AND u.email_verified
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('organisationId', m.organisation_id, 'role', m.role,
                                      'active', o.status = 'active')) AS memberships
      FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id
     WHERE m.user_id = u.id) ms ON true`;

export function createDeliveriesRepository(db: Db) {
  return {
    /** Scheduled issues whose time has come. */
    async due(now: Date): Promise<string[]> {
      const rows = await db.execute<{ id: string }>(sql`
        SELECT id FROM newsletters WHERE status = 'scheduled' AND scheduled_at <= ${now}
         ORDER BY scheduled_at, id`);
      return rows.rows.map((row) => row.id);
    },

    /**
     * Freezes an issue's recipients and starts it, in one transaction holding the issue's row (a
     * second instance skips it); `choose` keeps the candidates its segment names. False when
     * the issue was no longer due (taken back, or started elsewhere).
     */
    async freeze(
      id: string,
      now: Date,
      choose: (candidates: Candidate[]) => Candidate[],
    ): Promise<boolean> {
      return db.transaction(async (tx) => {
        const locked = await tx.execute(sql`
          SELECT id FROM newsletters
           WHERE id = ${id} AND status = 'scheduled' AND scheduled_at <= ${now}
             FOR UPDATE SKIP LOCKED`);
        if (locked.rows.length === 0) return false;
        const rows = await tx.execute<
          ViewerRow & { id: string; locale: string; themes: string[] }
        >(sql`
          SELECT s.id, s.locale, s.themes, u.id AS user_id, u.role, ms.memberships
            FROM newsletter_subscribers s ${READER}
           WHERE s.status = 'confirmed'`);
        const chosen = choose(
          rows.rows.map((row) => ({
            subscriberId: row.id,
            locale: row.locale,
            themes: row.themes,
            viewer: viewerOf(row),
          })),
        );
        for (let start = 0; start < chosen.length; start += 500) {
          const slice = chosen.slice(start, start + 500);
          await tx.execute(sql`
            INSERT INTO newsletter_recipients (newsletter_id, subscriber_id)
            SELECT ${id}, unnest(ARRAY[${sql.join(
              slice.map((candidate) => sql`${candidate.subscriberId}`),
              sql`, `,
            )}]::uuid[])
            ON CONFLICT DO NOTHING`);
        }
        await tx.execute(sql`
          UPDATE newsletters SET status = 'sending', started_at = ${now}, updated_at = ${now}
           WHERE id = ${id}`);
        return true;
      });
    },

    /**
     * Takes up to `limit` rows of an issue still to send, free or whose lease ended, and holds
     * them until `leaseUntil`. Rows of subscribers who stopped meanwhile are settled unsent.
     */
    async claim(
      newsletterId: string,
      limit: number,
      now: Date,
      leaseUntil: Date,
    ): Promise<Delivery[]> {
      await db.execute(sql`
        UPDATE newsletter_recipients r SET status = 'suppressed', sent_at = ${now}
          FROM newsletter_subscribers s
         WHERE r.subscriber_id = s.id AND r.newsletter_id = ${newsletterId}
           AND r.status = 'pending' AND s.status <> 'confirmed'`);
      const rows = await db.execute<{
        id: string;
        subscriber_id: string;
        email: string;
        locale: string;
        user_id: string | null;
        attempts: number;
      }>(sql`
        WITH taken AS (
          SELECT id FROM newsletter_recipients
           WHERE newsletter_id = ${newsletterId} AND status = 'pending'
             AND (claimed_until IS NULL OR claimed_until < ${now})
           ORDER BY id LIMIT ${limit}
             FOR UPDATE SKIP LOCKED)
        UPDATE newsletter_recipients r
           SET claimed_until = ${leaseUntil}, attempts = r.attempts + 1
          FROM taken, newsletter_subscribers s
         WHERE r.id = taken.id AND s.id = r.subscriber_id
        RETURNING r.id, r.subscriber_id, s.email, s.locale, s.user_id, r.attempts`);
      return rows.rows.map((row) => ({
        id: row.id,
        subscriberId: row.subscriber_id,
        email: row.email,
        locale: row.locale,
        userId: row.user_id,
        attempts: row.attempts,
      }));
    },

    /** What became of one row: never claimed again. */
    async settle(id: string, status: Settled, now: Date): Promise<void> {
      await db.execute(sql`
        UPDATE newsletter_recipients SET status = ${status}, sent_at = ${now}, claimed_until = NULL
         WHERE id = ${id} AND status = 'pending'`);
    },

    /** Leaves one row for a later try (its lease runs on to `until`). */
    async postpone(id: string, until: Date): Promise<void> {
      await db.execute(sql`
        UPDATE newsletter_recipients SET claimed_until = ${until}
         WHERE id = ${id} AND status = 'pending'`);
    },

    /** Lets rows go unsent, for the next run (the mail server failed). */
    async release(ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await db.execute(sql`
        UPDATE newsletter_recipients SET claimed_until = NULL
         WHERE status = 'pending' AND id IN (${sql.join(
           ids.map((id) => sql`${id}`),
           sql`, `,
         )})`);
    },

    /** The reader a person's account makes of them now (a visitor when they have none). */
    async readerOf(userId: string): Promise<Viewer> {
      const rows = await db.execute<ViewerRow>(sql`
        SELECT u.id AS user_id, u.role, ms.memberships
          FROM (SELECT ${userId}::uuid AS user_id) s ${READER}`);
      return viewerOf(rows.rows[0] ?? { user_id: null, role: null, memberships: null });
    },
  };
}

export type DeliveriesRepository = ReturnType<typeof createDeliveriesRepository>;
