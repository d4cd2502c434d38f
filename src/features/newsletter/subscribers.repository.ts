/**
 * The SQL of subscribing: an address asks (pending, with the hash of its confirmation token and
 * its consent), confirms, or stops; a signed-in person opts in with their account's address.
 * Mail to an address is counted per hour here, so that the form cannot flood anyone's inbox.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';

export interface Subscriber {
  id: string;
  email: string;
  userId: string | null;
  locale: string;
  themes: string[];
  status: SubscriberStatus;
}

/** What a person gave when subscribing: their language, themes and consent. */
export interface SubscriptionRequest {
  email: string;
  locale: string;
  themes: readonly string[];
  consentVersion: string;
}

type Row = {
  id: string;
  email: string;
  user_id: string | null;
  locale: string;
  themes: string[];
  status: SubscriberStatus;
};

const subscriberOf = (row: Row): Subscriber => ({
  id: row.id,
  email: row.email,
  userId: row.user_id,
  locale: row.locale,
  themes: row.themes,
  status: row.status,
});

const HOUR_MS = 60 * 60 * 1000;

export function createSubscribersRepository(db: Db) {
  const one = async (where: ReturnType<typeof sql>): Promise<Subscriber | null> => {
    const rows = await db.execute<Row>(sql`
      SELECT id, email, user_id, locale, themes, status FROM newsletter_subscribers WHERE ${where}`);
    const row = rows.rows[0];
    return row ? subscriberOf(row) : null;
  };
  const array = (values: readonly string[]) =>
    sql`ARRAY[${sql.join(
      values.map((value) => sql`${value}`),
      sql`, `,
    )}]::text[]`;

  return {
    byEmail: (email: string) => one(sql`email = ${email.toLowerCase()}`),
    byId: (id: string) => one(sql`id = ${id}`),
    byUser: (userId: string) => one(sql`user_id = ${userId}`),

    /**
     * Counts one more message to the subscriber's address in the current hour; false (nothing
     * counted) when `max` were sent in it already.
     */
    async countMail(id: string, now: Date, max: number): Promise<boolean> {
      const hourAgo = new Date(now.getTime() - HOUR_MS);
      const rows = await db.execute(sql`
        UPDATE newsletter_subscribers
           SET mails_in_window = CASE WHEN mail_window_at IS NULL OR mail_window_at <= ${hourAgo}
                                      THEN 1 ELSE mails_in_window + 1 END,
               mail_window_at = CASE WHEN mail_window_at IS NULL OR mail_window_at <= ${hourAgo}
                                     THEN ${now} ELSE mail_window_at END
         WHERE id = ${id}
           AND (mail_window_at IS NULL OR mail_window_at <= ${hourAgo} OR mails_in_window < ${max})
        RETURNING id`);
      return rows.rows.length > 0;
    },

    /** A new pending subscriber (none with the address yet); its id, or null when one appeared. */
    async insertPending(request: SubscriptionRequest, now: Date): Promise<string | null> {
      const rows = await db.execute<{ id: string }>(sql`
        INSERT INTO newsletter_subscribers
               (email, locale, themes, status, consent_version, consented_at, consent_locale)
        VALUES (${request.email.toLowerCase()}, ${request.locale}, ${array(request.themes)},
                'pending', ${request.consentVersion}, ${now}, ${request.locale})
        ON CONFLICT (email) DO NOTHING RETURNING id`);
      return rows.rows[0]?.id ?? null;
    },

    /**
     * Asks again for a subscriber not confirmed (pending or gone): the new language, themes and
     * consent, and the hash of the new link's token, sent now.
     */
    async renewPending(
      id: string,
      request: SubscriptionRequest,
      tokenHash: string,
      now: Date,
    ): Promise<void> {
      await db.execute(sql`
        UPDATE newsletter_subscribers
           SET status = 'pending', locale = ${request.locale}, themes = ${array(request.themes)},
               consent_version = ${request.consentVersion}, consented_at = ${now},
               consent_locale = ${request.locale}, confirm_token_hash = ${tokenHash},
               confirm_sent_at = ${now}, confirmed_at = NULL, unsubscribed_at = NULL,
               updated_at = ${now}
         WHERE id = ${id} AND status <> 'confirmed'`);
    },

    /** True when the token's link is one of a pending subscriber, sent within `since`. */
    async confirmable(tokenHash: string, since: Date): Promise<boolean> {
      const rows = await db.execute(sql`
        SELECT 1 FROM newsletter_subscribers
         WHERE confirm_token_hash = ${tokenHash} AND status = 'pending'
           AND confirm_sent_at > ${since}`);
      return rows.rows.length > 0;
    },

    /** Confirms the subscriber whose link holds the token; false when none (used, old, unknown). */
    async confirm(tokenHash: string, since: Date, now: Date): Promise<boolean> {
      const rows = await db.execute(sql`
        UPDATE newsletter_subscribers
           SET status = 'confirmed', confirm_token_hash = NULL, confirmed_at = ${now},
               updated_at = ${now}
         WHERE confirm_token_hash = ${tokenHash} AND status = 'pending'
           AND confirm_sent_at > ${since}
        RETURNING id`);
      return rows.rows.length > 0;
    },

    /**
     * A signed-in person's opt-in with their account's address (proven at sign-up): confirmed
     * at once, in their language, with the themes chosen; an earlier subscription of the address
     * becomes theirs.
     */
    async optIn(
      user: { id: string; email: string; locale: string },
      themes: readonly string[],
      consentVersion: string,
      now: Date,
    ): Promise<void> {
      await db.execute(sql`
        DELETE FROM newsletter_subscribers
         WHERE user_id = ${user.id} AND email <> ${user.email.toLowerCase()}`);
      await db.execute(sql`
        INSERT INTO newsletter_subscribers
               (email, user_id, locale, themes, status, consent_version, consented_at,
                consent_locale, confirmed_at)
        VALUES (${user.email.toLowerCase()}, ${user.id}, ${user.locale}, ${array(themes)},
                'confirmed', ${consentVersion}, ${now}, ${user.locale}, ${now})
        ON CONFLICT (email) DO UPDATE
           SET user_id = EXCLUDED.user_id, locale = EXCLUDED.locale, themes = EXCLUDED.themes,
               status = 'confirmed', consent_version = EXCLUDED.consent_version,
               consented_at = EXCLUDED.consented_at, consent_locale = EXCLUDED.consent_locale,
               confirmed_at = EXCLUDED.confirmed_at, confirm_token_hash = NULL,
               unsubscribed_at = NULL, updated_at = ${now}`);
    },

    /** Stops the subscription; false when it had stopped already or never was. */
    async unsubscribe(id: string, now: Date): Promise<boolean> {
      const rows = await db.execute(sql`
        UPDATE newsletter_subscribers
           SET status = 'unsubscribed', unsubscribed_at = ${now}, confirm_token_hash = NULL,
               updated_at = ${now}
         WHERE id = ${id} AND status <> 'unsubscribed'
        RETURNING id`);
      return rows.rows.length > 0;
    },

    /** Forgets addresses never confirmed, asked before `before`: nobody agreed to be kept. */
    async purgeUnconfirmed(before: Date): Promise<number> {
      const rows = await db.execute(sql`
        DELETE FROM newsletter_subscribers
         WHERE status = 'pending' AND user_id IS NULL AND updated_at < ${before}
        RETURNING id`);
      return rows.rows.length;
    },

    /** A person's subscription (by account or address), as "download my data" shows it. */
    async ofPerson(person: { id: string; email: string }) {
      const rows = await db.execute(sql`
        SELECT s.email, s.locale, s.themes, s.status, s.consent_version, s.consented_at,
               s.consent_locale, s.confirmed_at, s.unsubscribed_at, s.created_at,
               coalesce((SELECT json_agg(json_build_object('newsletter', r.newsletter_id,
                                  'status', r.status, 'sentAt', r.sent_at) ORDER BY r.sent_at)
                           FROM newsletter_recipients r WHERE r.subscriber_id = s.id),
                        '[]'::json) AS received
          FROM newsletter_subscribers s
         WHERE s.user_id = ${person.id} OR s.email = ${person.email.toLowerCase()}`);
      return rows.rows;
    },
  };
}

export type SubscribersRepository = ReturnType<typeof createSubscribersRepository>;
