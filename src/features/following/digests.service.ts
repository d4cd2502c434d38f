/**
 * Digests: for each cadence (hourly, daily, weekly) the last complete period's e-mail to every
 * person with news of a kind they want at that cadence. A person's digest of a period is claimed
 * in digest_runs before it is sent and marked sent after, in batches, so that a run stopped
 * half-way (a crash, the mail server gone) resumes with those not yet sent and sends nobody's
 * twice; a claim left by a crashed process is taken again after the lease, with the same
 * Message-ID. Each entry is read again as the person at sending time (reading.ts).
 */
import { sql } from 'drizzle-orm';
import { NEWS_CATEGORIES, type ContentKind, type NewsCategory } from '../../channels/kind.js';
import type { Db } from '../../platform/db/database.js';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { signValue, verifyValue } from '../../platform/mail/signed-links.js';
import type { Reader } from '../members/index.js';
import { composeDigest } from './digest.mail.js';
import type { FollowingRepository } from './following.repository.js';
import { readAs, type ShownNotification } from './reading.js';
import { parseTopic, topicLabel } from './topics.js';

export const CADENCES = ['hourly', 'daily', 'weekly', 'never'] as const;
export type Cadence = (typeof CADENCES)[number];
/** A kind of news nobody chose a cadence for arrives daily. */
export const DEFAULT_CADENCE: Cadence = 'daily';

/** People served per batch, and how long a claim holds before another run may take it. */
const BATCH = 200;
const LEASE_MS = 15 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** The last complete period of a cadence before `now` (UTC; weeks start on Monday). */
export function lastPeriod(
  cadence: Exclude<Cadence, 'never'>,
  now: Date,
): { start: Date; end: Date } {
  const end = new Date(now);
  end.setUTCMinutes(0, 0, 0);
  if (cadence === 'hourly') return { start: new Date(end.getTime() - HOUR), end };
  end.setUTCHours(0);
  if (cadence === 'weekly') end.setUTCDate(end.getUTCDate() - ((end.getUTCDay() + 6) % 7));
  const days = cadence === 'weekly' ? 7 : 1;
  return { start: new Date(end.getTime() - days * 24 * HOUR), end };
}

export interface DigestsDeps {
  db: Db;
  repository: FollowingRepository;
  reader: (userId: string) => Promise<Reader | null>;
  kinds: () => readonly ContentKind[];
  mailer: Mailer;
  catalogue: Catalogue;
  log: Logger;
  publicUrl: string;
  secret: string;
  clock: () => Date;
}

/** What one run did. */
export interface DigestRun {
  sent: number;
  /** Nothing left the person may read, or their address is suppressed. */
  skipped: number;
}

export function createDigests(deps: DigestsDeps) {
  const { db } = deps;
  const host = new URL(deps.publicUrl).hostname;

  const signature = (userId: string, categories: string) =>
    signValue(deps.secret, 'digest-unsubscribe', `${userId}:${categories}`);
  const unsubscribeUrl = (userId: string, categories: readonly string[], locale: string) => {
    const list = categories.join('+');
    return `${deps.publicUrl}/${locale}/account/notifications/stop/${userId}/${list}/${signature(userId, list)}`;
  };

  /** People owed a digest of this period, not claimed by a live run: at most a batch. */
  async function due(cadence: Cadence, start: Date, end: Date, now: Date) {
    const stale = new Date(now.getTime() - LEASE_MS);
    const rows = await db.execute<{ user_id: string; ids: string[]; categories: string[] }>(sql`
      SELECT n.user_id, array_agg(n.id) AS ids, array_agg(DISTINCT n.category) AS categories
        FROM notifications n
        LEFT JOIN notification_preferences p
               ON p.user_id = n.user_id AND p.category = n.category
       WHERE n.digested_at IS NULL AND n.mailable = 1 AND n.created_at < ${end}
         AND coalesce(p.cadence, ${DEFAULT_CADENCE}) = ${cadence}
         AND NOT EXISTS (SELECT 1 FROM digest_runs r
                          WHERE r.user_id = n.user_id AND r.cadence = ${cadence}
                            AND r.period_start = ${start}
                            AND (r.status <> 'sending' OR r.claimed_at > ${stale}))
       GROUP BY n.user_id
       ORDER BY n.user_id
       LIMIT ${BATCH}`);
    return rows.rows;
  }

  /** Claims a person's digest of the period; false when another run holds it or sent it. */
  async function claim(userId: string, cadence: Cadence, start: Date, now: Date) {
    const stale = new Date(now.getTime() - LEASE_MS);
    const rows = await db.execute(sql`
      INSERT INTO digest_runs (user_id, cadence, period_start, status, claimed_at)
      VALUES (${userId}, ${cadence}, ${start}, 'sending', ${now})
      ON CONFLICT (user_id, cadence, period_start) DO UPDATE SET claimed_at = excluded.claimed_at
       WHERE digest_runs.status = 'sending' AND digest_runs.claimed_at <= ${stale}
      RETURNING user_id`);
    return rows.rows.length > 0;
  }

  /** Records the outcome and marks the notifications told, in one transaction. */
  async function finish(
    userId: string,
    cadence: Cadence,
    start: Date,
    status: 'sent' | 'empty',
    ids: readonly string[],
    entries: number,
    now: Date,
  ) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        UPDATE notifications SET digested_at = ${now}
         WHERE id = ANY(${sql.param(ids)}::uuid[]) AND digested_at IS NULL`);
      await tx.execute(sql`
        UPDATE digest_runs SET status = ${status}, sent_at = ${now}, entries = ${entries}
         WHERE user_id = ${userId} AND cadence = ${cadence} AND period_start = ${start}`);
    });
  }

  /** Builds one person's digest from the entries they may read now; null when none. */
  async function message(
    reader: Reader,
    cadence: Cadence,
    start: Date,
    shown: readonly ShownNotification[],
    categories: readonly string[],
  ) {
    const t = deps.catalogue.translator(reader.locale);
    const text = (key: string, values?: Record<string, string>) => t.t(key, values ?? {});
    const topics = [...new Set(shown.map((entry) => entry.topic ?? ''))];
    const names = await deps.repository.names(topics);
    const groups = topics.map((topic) => {
      const parsed = parseTopic(topic);
      return {
        heading: parsed ? topicLabel(parsed, text, names) : t.t('following.digest.otherGroup'),
        entries: shown.filter((entry) => (entry.topic ?? '') === topic),
      };
    });
    const perKind = categories.map((category) => ({
      label: t.t('following.digest.stopKind', { kind: t.t(`following.category.${category}`) }),
      url: unsubscribeUrl(reader.id, [category], reader.locale),
    }));
    return composeDigest({
      to: reader.email,
      locale: reader.locale,
      subject: t.t(`following.digest.subject.${cadence}`, { count: shown.length }),
      greeting: t.t('mail.greeting', { name: reader.name }),
      intro: t.t('following.digest.intro', { count: shown.length }),
      groups,
      more: {
        label: t.t('following.digest.more'),
        url: `${deps.publicUrl}/${reader.locale}/account/notifications`,
      },
      footer: t.t('following.digest.footer', {
        url: `${deps.publicUrl}/${reader.locale}/account/notifications/settings`,
      }),
      unsubscribe: { url: unsubscribeUrl(reader.id, categories, reader.locale), perKind },
      messageId: `<digest.${cadence}.${start.getTime()}.${reader.id}@${host}>`,
    });
  }

  return {
    /** Sends the last complete period's digests of a cadence; resumable (see above). */
    async run(cadence: Exclude<Cadence, 'never'>): Promise<DigestRun> {
      const outcome: DigestRun = { sent: 0, skipped: 0 };
      const { start, end } = lastPeriod(cadence, deps.clock());
      for (;;) {
        const people = await due(cadence, start, end, deps.clock());
        if (people.length === 0) return outcome;
        for (const person of people) {
          const now = deps.clock();
          if (!(await claim(person.user_id, cadence, start, now))) continue;
          const reader = await deps.reader(person.user_id);
          const rows = reader ? await deps.repository.byIds(person.user_id, person.ids) : [];
          const shown = reader ? await readAs(deps, reader, reader.locale, rows) : [];
          const mail =
            reader && shown.length > 0
              ? await message(reader, cadence, start, shown, person.categories)
              : null;
          let result: 'sent' | 'empty' = 'empty';
          if (mail) {
            try {
              result = (await deps.mailer.send(mail)) === 'sent' ? 'sent' : 'empty';
            } catch (error) {
              // Not sent: the claim is let go so that the next run sends it; this run stops.
              await db.execute(sql`
                DELETE FROM digest_runs WHERE user_id = ${person.user_id}
                   AND cadence = ${cadence} AND period_start = ${start} AND status = 'sending'`);
              throw error;
            }
          }
          await finish(person.user_id, cadence, start, result, person.ids, shown.length, now);
          if (result === 'sent') outcome.sent += 1;
          else outcome.skipped += 1;
        }
      }
    },

    unsubscribeUrl,

    /** The categories a signed stop link names, when its signature holds; else null. */
    stopLink(userId: string, list: string, given: string): NewsCategory[] | null {
      const categories = list.split('+');
      const known = categories.every((category) =>
        (NEWS_CATEGORIES as readonly string[]).includes(category),
      );
      if (!known || !verifyValue(deps.secret, 'digest-unsubscribe', `${userId}:${list}`, given))
        return null;
      return categories as NewsCategory[];
    },
  };
}

export type Digests = ReturnType<typeof createDigests>;
