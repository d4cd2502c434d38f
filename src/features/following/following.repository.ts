/**
 * The SQL of following: follows, notifications (written for every follower of an entry's topics
 * in one statement), their reading, and each person's view of it (topics followed, unread count).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { FollowedEntry } from '../../channels/kind.js';
import type { Notice } from '../feature.js';

/** A kind of news nobody chose a cadence for arrives daily. */
export const DEFAULT_CADENCE = 'daily';

/** How long a notification is kept. */
export const KEEP_DAYS = 90;

/** One notification as stored: a reference to read again, or a notice's message. */
export interface NotificationRow {
  id: string;
  category: string;
  entryKind: string | null;
  entryKey: string | null;
  topic: string | null;
  message: string | null;
  values: Record<string, string> | null;
  path: string | null;
  createdAt: Date;
  readAt: Date | null;
}

const notificationOf = (row: Record<string, unknown>): NotificationRow => ({
  id: String(row.id),
  category: String(row.category),
  entryKind: (row.entry_kind as string | null) ?? null,
  entryKey: (row.entry_key as string | null) ?? null,
  topic: (row.topic as string | null) ?? null,
  message: (row.message as string | null) ?? null,
  values: (row.values as Record<string, string> | null) ?? null,
  path: (row.path as string | null) ?? null,
  createdAt: new Date(String(row.created_at)),
  readAt: row.read_at ? new Date(String(row.read_at)) : null,
});

/** What a page needs to know of a signed-in person: topics followed, unread notifications. */
export interface FollowingState {
  topics: string[];
  unread: number;
}

/**
 * A person's FollowingState as one SQL (JSON) expression: read with the session, so that a
 * signed-in page costs no query of its own for it (AccessNeeds.viewerFactsSql).
 */
export function followingStateSql(userId: SQL): SQL {
  return sql`json_build_object(
    'topics', coalesce((SELECT array_agg(topic) FROM follows WHERE user_id = ${userId}), '{}'::text[]),
    'unread', (SELECT count(*)::int FROM notifications WHERE user_id = ${userId} AND read_at IS NULL))`;
}

/** A FollowingState read with the session, when it is one. */
export function isFollowingState(value: unknown): value is FollowingState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<Record<keyof FollowingState, unknown>>;
  return (
    Array.isArray(state.topics) &&
    state.topics.every((topic) => typeof topic === 'string') &&
    typeof state.unread === 'number'
  );
}

export function createFollowingRepository(db: Db) {
  return {
    async follow(userId: string, topic: string): Promise<void> {
      await db.execute(sql`
        INSERT INTO follows (user_id, topic) VALUES (${userId}, ${topic})
        ON CONFLICT (user_id, topic) DO NOTHING`);
    },

    async unfollow(userId: string, topic: string): Promise<void> {
      await db.execute(sql`DELETE FROM follows WHERE user_id = ${userId} AND topic = ${topic}`);
    },

    /** What a person follows, oldest first. */
    async topicsOf(userId: string): Promise<{ topic: string; since: Date }[]> {
      const rows = await db.execute<{ topic: string; created_at: string }>(sql`
        SELECT topic, created_at FROM follows WHERE user_id = ${userId} ORDER BY created_at, topic`);
      return rows.rows.map((row) => ({ topic: row.topic, since: new Date(row.created_at) }));
    },

    /** What a page needs to know of a signed-in person: topics followed, unread notifications. */
    async stateOf(userId: string): Promise<FollowingState> {
      const rows = await db.execute<{ state: FollowingState }>(
        sql`SELECT ${followingStateSql(sql`${userId}::uuid`)} AS state`,
      );
      return rows.rows[0]?.state ?? { topics: [], unread: 0 };
    },

    /** The names of organisations and cities among these topics ("organisation:graz" → "Graz"). */
    async names(topics: readonly string[]): Promise<Map<string, string>> {
      const slugs = topics
        .filter((topic) => topic.startsWith('organisation:') || topic.startsWith('city:'))
        .map((topic) => topic.slice(topic.indexOf(':') + 1));
      if (slugs.length === 0) return new Map();
      const rows = await db.execute<{ slug: string; name: string }>(sql`
        SELECT slug, name FROM organisations
         WHERE slug = ANY(${sql.param(slugs)}::text[]) AND status = 'active'`);
      const names = new Map<string, string>();
      for (const row of rows.rows) {
        names.set(`organisation:${row.slug}`, row.name);
        names.set(`city:${row.slug}`, row.name);
      }
      return names;
    },

    /** The database's clock, by which entries are dated. */
    async databaseNow(): Promise<Date> {
      // Rounded up to the millisecond a Date holds: rounded down, an entry dated in the same
      // millisecond just before now would fall after the run's end and wait for the next run.
      const rows = await db.execute<{ now: string }>(
        sql`SELECT date_trunc('milliseconds', now() + interval '999 microseconds') AS now`,
      );
      return new Date(rows.rows[0]?.now ?? Date.now());
    },

    /** How far a kind's news has been matched with followers; null before the first time. */
    async cursor(kind: string): Promise<Date | null> {
      const rows = await db.execute<{ seen_until: string }>(sql`
        SELECT seen_until FROM follow_cursors WHERE kind = ${kind}`);
      const row = rows.rows[0];
      return row ? new Date(row.seen_until) : null;
    },

    async moveCursor(kind: string, until: Date): Promise<void> {
      await db.execute(sql`
        INSERT INTO follow_cursors (kind, seen_until) VALUES (${kind}, ${until})
        ON CONFLICT (kind) DO UPDATE SET seen_until = excluded.seen_until`);
    },

    /**
     * Writes a notification of each entry for every person following one of its topics (one per
     * person and entry; an entry new again is unread again). `mailable` false: another message
     * tells them already. The number of notifications written.
     */
    async notifyFollowers(
      kind: string,
      category: string,
      entries: readonly FollowedEntry[],
      followers: 'follows' | readonly { userId: string; key: string; topic: string }[],
    ): Promise<number> {
      if (entries.length === 0) return 0;
      const json = JSON.stringify(
        entries.map((entry) => ({
          key: entry.key,
          date: entry.date.toISOString(),
          topics: entry.topics,
        })),
      );
      const matched =
        followers === 'follows'
          ? sql`SELECT DISTINCT ON (f.user_id, e.key) f.user_id, e.key, f.topic, e.date, 1 AS mailable
                  FROM jsonb_to_recordset(${json}::jsonb) AS e(key text, date timestamptz, topics text[])
                  JOIN follows f ON f.topic = ANY(e.topics)
                 ORDER BY f.user_id, e.key, f.created_at`
          : sql`SELECT DISTINCT ON (w.user_id, e.key) w.user_id, e.key, w.topic, e.date, 0 AS mailable
                  FROM jsonb_to_recordset(${json}::jsonb) AS e(key text, date timestamptz, topics text[])
                  JOIN jsonb_to_recordset(${JSON.stringify(
                    followers.map((row) => ({
                      user_id: row.userId,
                      key: row.key,
                      topic: row.topic,
                    })),
                  )}::jsonb) AS w(user_id uuid, key text, topic text) ON w.key = e.key
                 ORDER BY w.user_id, e.key`;
      const result = await db.execute(sql`
        INSERT INTO notifications
               (user_id, category, entry_kind, entry_key, topic, created_at, mailable, cadence,
                digested_at)
        SELECT m.user_id, ${category}, ${kind}, m.key, m.topic, m.date, m.mailable,
               coalesce(p.cadence, ${DEFAULT_CADENCE}),
               CASE WHEN p.cadence = 'never' THEN now() END
          FROM (${matched}) AS m
          JOIN users u ON u.id = m.user_id
          LEFT JOIN notification_preferences p
                 ON p.user_id = m.user_id AND p.category = ${category}
        ON CONFLICT (user_id, entry_kind, entry_key) DO UPDATE
           SET created_at = excluded.created_at, read_at = NULL,
               digested_at = excluded.digested_at, cadence = excluded.cadence,
               category = excluded.category, topic = excluded.topic,
               message = NULL, values = NULL, path = NULL,
               -- news of an entry a notice was about is news again, mailed as such
               mailable = CASE WHEN notifications.message IS NOT NULL THEN excluded.mailable
                               ELSE least(notifications.mailable, excluded.mailable) END
         WHERE notifications.created_at < excluded.created_at
            OR notifications.mailable > excluded.mailable`);
      return result.rowCount ?? 0;
    },

    /** Records a notice for a person (never mailed by digests: its own feature mailed it). */
    async notice(userId: string, notice: Notice, at: Date): Promise<void> {
      await db.execute(sql`
        INSERT INTO notifications
               (user_id, category, entry_kind, entry_key, message, values, path, created_at,
                mailable, digested_at)
        VALUES (${userId}, 'concerns', ${notice.entry?.kind ?? null}, ${notice.entry?.key ?? null},
                ${notice.message}, ${JSON.stringify(notice.values)}::jsonb, ${notice.path}, ${at},
                0, ${at})
        ON CONFLICT (user_id, entry_kind, entry_key) DO UPDATE
           SET category = 'concerns', message = excluded.message, values = excluded.values,
               path = excluded.path, created_at = excluded.created_at, read_at = NULL,
               mailable = 0,
               digested_at = coalesce(notifications.digested_at, excluded.digested_at)`);
    },

    /** A person's notifications, newest first. */
    async list(
      userId: string,
      options: { unreadOnly: boolean; offset: number; limit: number },
    ): Promise<NotificationRow[]> {
      const rows = await db.execute(sql`
        SELECT id, category, entry_kind, entry_key, topic, message, values, path, created_at,
               read_at
          FROM notifications
         WHERE user_id = ${userId} ${options.unreadOnly ? sql`AND read_at IS NULL` : sql``}
         ORDER BY created_at DESC, id
         LIMIT ${options.limit} OFFSET ${options.offset}`);
      return rows.rows.map(notificationOf);
    },

    /** Some of a person's notifications, by id. */
    async byIds(userId: string, ids: readonly string[], limit = 500): Promise<NotificationRow[]> {
      const rows = await db.execute(sql`
        SELECT id, category, entry_kind, entry_key, topic, message, values, path, created_at,
               read_at
          FROM notifications
         WHERE user_id = ${userId} AND id = ANY(${sql.param(ids)}::uuid[])
         ORDER BY created_at DESC, id
         LIMIT ${limit}`);
      return rows.rows.map(notificationOf);
    },

    /** The cadence a person chose per kind of news (kinds not chosen are absent). */
    async preferences(userId: string): Promise<Map<string, string>> {
      const rows = await db.execute<{ category: string; cadence: string }>(sql`
        SELECT category, cadence FROM notification_preferences WHERE user_id = ${userId}`);
      return new Map(rows.rows.map((row) => [row.category, row.cadence]));
    },

    /** Sets a cadence, and the one of the notifications of that kind not yet mailed. */
    async setPreference(userId: string, category: string, cadence: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.execute(sql`
          INSERT INTO notification_preferences (user_id, category, cadence)
          VALUES (${userId}, ${category}, ${cadence})
          ON CONFLICT (user_id, category) DO UPDATE SET cadence = excluded.cadence`);
        // "Never" leaves what is waiting unmailed for good: choosing a cadence later sends
        // only what comes after.
        await tx.execute(sql`
          UPDATE notifications
             SET cadence = ${cadence},
                 digested_at = CASE WHEN ${cadence} = 'never' THEN now() END
           WHERE user_id = ${userId} AND category = ${category} AND digested_at IS NULL`);
      });
    },

    async count(userId: string, unreadOnly: boolean): Promise<number> {
      const rows = await db.execute<{ count: number }>(sql`
        SELECT count(*)::int AS count FROM notifications
         WHERE user_id = ${userId} ${unreadOnly ? sql`AND read_at IS NULL` : sql``}`);
      return rows.rows[0]?.count ?? 0;
    },

    /** Marks some (or, with null, all) of a person's notifications read, or unread again. */
    async mark(userId: string, ids: readonly string[] | null, read: boolean, at: Date) {
      await db.execute(sql`
        UPDATE notifications SET read_at = ${read ? at : null}
         WHERE user_id = ${userId}
           ${ids === null ? sql`` : sql`AND id = ANY(${sql.param(ids)}::uuid[])`}`);
    },

    /** Drops notifications older than KEEP_DAYS; how many. */
    async purge(now: Date): Promise<number> {
      const cutoff = new Date(now.getTime() - KEEP_DAYS * 24 * 60 * 60 * 1000);
      const result = await db.execute(sql`DELETE FROM notifications WHERE created_at < ${cutoff}`);
      await db.execute(sql`DELETE FROM digest_runs WHERE period_start < ${cutoff}`);
      return result.rowCount ?? 0;
    },

    /** Everything kept about a person here, for "download my data". */
    async personalData(userId: string) {
      const [followed, preferences] = await Promise.all([
        db.execute(sql`SELECT topic, created_at FROM follows WHERE user_id = ${userId}`),
        db.execute(sql`
          SELECT category, cadence FROM notification_preferences WHERE user_id = ${userId}`),
      ]);
      const notices = await db.execute(sql`
        SELECT category, entry_kind, entry_key, topic, message, values, path, created_at, read_at
          FROM notifications WHERE user_id = ${userId} ORDER BY created_at DESC`);
      return {
        follows: followed.rows,
        notificationPreferences: preferences.rows,
        notifications: notices.rows,
      };
    },
  };
}

export type FollowingRepository = ReturnType<typeof createFollowingRepository>;
