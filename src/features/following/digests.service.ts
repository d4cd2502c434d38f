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
import { transportFailure, type Mailer } from '../../platform/mail/mailer.js';
import { signValue, verifyValue } from '../../platform/mail/signed-links.js';
import type { Reader } from '../members/index.js';
import { composeDigest } from './digest.mail.js';
import type { FollowingRepository } from './following.repository.js';
import { readAs, type PublicReadings, type ShownNotification } from './reading.js';
import { parseTopic, topicLabel } from './topics.js';

export const CADENCES = ['hourly', 'daily', 'weekly', 'never'] as const;
export type Cadence = (typeof CADENCES)[number];
export { DEFAULT_CADENCE } from './following.repository.js';

/** People served per batch, and how long a claim holds before another run may take it. */
const BATCH = 200;
const LEASE_MS = 15 * 60 * 1000;
/** People served at once (each a few queries and one message). */
const LANES = 4;
/** Entries a digest names at most, newest first; the rest are on the notification page. */
export const DIGEST_ENTRIES = 20;
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
  /** Not sent for a reason of their own (logged); their news waits for the next period. */
  failed: number;
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

  /**
   * People owed a digest of this period, not claimed by a live run: at most a batch, after the
   * person `after` (in id order, so that each batch reads on from the last one's end).
   */
  async function due(cadence: Cadence, start: Date, end: Date, now: Date, after: string) {
    const stale = new Date(now.getTime() - LEASE_MS);
    const rows = await db.execute<{ user_id: string; ids: string[]; categories: string[] }>(sql`
      SELECT n.user_id, array_agg(n.id) AS ids, array_agg(DISTINCT n.category) AS categories
        FROM notifications n
       WHERE n.cadence = ${cadence} AND n.digested_at IS NULL AND n.mailable = 1
         AND n.category = ANY(${sql.param([...NEWS_CATEGORIES])}::text[])
         AND n.user_id > ${after}::uuid AND n.created_at < ${end}
         AND NOT EXISTS (SELECT 1 FROM digest_runs r
                          WHERE r.user_id = n.user_id AND r.cadence = ${cadence}
                            AND r.period_start = ${start}
                            AND (r.status <> 'sending' OR r.claimed_at > ${stale}))
       GROUP BY n.user_id
       ORDER BY n.user_id
       LIMIT ${BATCH}`);
    return rows.rows;
  }

  /**
   * Claims people's digests of the period in one statement; those another run holds or sent are
   * not among the ids returned.
   */
  async function claim(userIds: readonly string[], cadence: Cadence, start: Date, now: Date) {
    const stale = new Date(now.getTime() - LEASE_MS);
    const rows = await db.execute<{ user_id: string }>(sql`
      INSERT INTO digest_runs (user_id, cadence, period_start, status, claimed_at)
      SELECT id, ${cadence}, ${start}, 'sending', ${now} FROM unnest(${sql.param(userIds)}::uuid[]) id
      ON CONFLICT (user_id, cadence, period_start) DO UPDATE SET claimed_at = excluded.claimed_at
       WHERE digest_runs.status = 'sending' AND digest_runs.claimed_at <= ${stale}
      RETURNING user_id`);
    return new Set(rows.rows.map((row) => row.user_id));
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
    all: readonly ShownNotification[],
    categories: readonly string[],
  ) {
    let shown = all;
    const t = deps.catalogue.translator(reader.locale);
    const text = (key: string, values?: Record<string, string>) => t.t(key, values ?? {});
    const total = shown.length;
    shown = shown.slice(0, DIGEST_ENTRIES);
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
      subject: t.t(`following.digest.subject.${cadence}`, { count: total }),
      greeting: t.t('mail.greeting', { name: reader.name }),
      intro:
        total > shown.length
          ? `${t.t('following.digest.intro', { count: total })} ${t.t('following.digest.newest', { count: shown.length })}`
          : t.t('following.digest.intro', { count: total }),
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

  /** One person's digest of the period: claimed, read as them, sent, recorded. */
  async function serve(
    person: { user_id: string; ids: string[]; categories: string[] },
    cadence: Cadence,
    start: Date,
    shared: PublicReadings,
  ): Promise<'sent' | 'empty' | 'failed'> {
    const now = deps.clock();
    const failed = async (error: unknown) => {
      // This person's alone: logged, and their news waits for the next period's digest.
      deps.log.error({ err: error, userId: person.user_id, cadence }, 'digest not sent');
      await db.execute(sql`
        UPDATE digest_runs SET status = 'failed', sent_at = ${now}
         WHERE user_id = ${person.user_id} AND cadence = ${cadence}
           AND period_start = ${start} AND status = 'sending'`);
      return 'failed' as const;
    };
    let shown: ShownNotification[] = [];
    let mail = null;
    try {
      const reader = await deps.reader(person.user_id);
      if (reader) {
        // The newest rows are enough: a digest names the 20 newest the person may read.
        const rows = await deps.repository.byIds(person.user_id, person.ids, DIGEST_ENTRIES * 3);
        shown = await readAs(deps, reader, reader.locale, rows, shared);
        if (shown.length > 0)
          mail = await message(reader, cadence, start, shown, person.categories);
      }
    } catch (error) {
      return failed(error);
    }
    let result: 'sent' | 'empty' = 'empty';
    if (mail) {
      try {
        result = (await deps.mailer.send(mail)) === 'sent' ? 'sent' : 'empty';
      } catch (error) {
        // The server or the connection failed: the run stops and is tried again.
        if (transportFailure(error)) throw error;
        return failed(error);
      }
    }
    await finish(person.user_id, cadence, start, result, person.ids, shown.length, now);
    return result;
  }

  return {
    /** Sends the last complete period's digests of a cadence; resumable (see above). */
    async run(cadence: Exclude<Cadence, 'never'>): Promise<DigestRun> {
      const outcome: DigestRun = { sent: 0, skipped: 0, failed: 0 };
      const { start, end } = lastPeriod(cadence, deps.clock());
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const people = await due(cadence, start, end, deps.clock(), after);
        if (people.length === 0) return outcome;
        after = people.at(-1)?.user_id ?? after;
        const claimed = await claim(
          people.map((person) => person.user_id),
          cadence,
          start,
          deps.clock(),
        );
        const mine = people.filter((person) => claimed.has(person.user_id));
        // A visitor's readings are shared within a batch (seconds), never longer.
        const shared: PublicReadings = new Map();
        // A few people at a time; the first failure stops every lane after its current person.
        let failure: unknown = null;
        const lane = async (index: number) => {
          for (let at = index; at < mine.length && failure === null; at += LANES) {
            const person = mine[at];
            if (!person) continue;
            try {
              const result = await serve(person, cadence, start, shared);
              outcome[result === 'empty' ? 'skipped' : result] += 1;
            } catch (error) {
              failure ??= error;
            }
          }
        };
        await Promise.all(Array.from({ length: LANES }, (_, index) => lane(index)));
        if (failure !== null) {
          // Not sent: this run's claims still open are let go, so the next run sends them.
          await db.execute(sql`
            DELETE FROM digest_runs
             WHERE user_id = ANY(${sql.param(mine.map((person) => person.user_id))}::uuid[])
               AND cadence = ${cadence} AND period_start = ${start} AND status = 'sending'`);
          throw failure;
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
