/**
 * The SQL of watching: who watches which thread or space, what each was last told of a thread,
 * and the pairs (person, thread) owed a message — new shown posts by others since the watch began
 * and since the last message, which was at least an hour ago.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { SignedInViewer } from '../access/index.js';
import { readerOf, type Reader } from '../members/index.js';
import { spaceReadable, threadListed } from './dialogue.visibility.js';

export type WatchTarget = { threadId: string } | { spaceId: string };

export interface Watch {
  id: string;
  userId: string;
  threadId: string | null;
  spaceId: string | null;
}

/** A person owed a message about a thread: the posts after `after`, since `since`. */
export interface Owed {
  watchId: string;
  userId: string;
  threadId: string;
  after: number;
  since: Date;
}

export function createWatchesRepository(db: Db) {
  const target = (watched: WatchTarget) =>
    'threadId' in watched
      ? sql`thread_id = ${watched.threadId}`
      : sql`space_id = ${watched.spaceId}`;
  return {
    /** Starts watching (again: nothing changes); the watch's id. */
    async watch(userId: string, watched: WatchTarget): Promise<void> {
      const threadId = 'threadId' in watched ? watched.threadId : null;
      const spaceId = 'spaceId' in watched ? watched.spaceId : null;
      await db.execute(sql`
        INSERT INTO dialogue_watches (user_id, thread_id, space_id)
        SELECT ${userId}, ${threadId}::uuid, ${spaceId}::uuid
         WHERE NOT EXISTS (SELECT 1 FROM dialogue_watches
                            WHERE user_id = ${userId} AND ${target(watched)})`);
    },

    async unwatch(userId: string, watched: WatchTarget): Promise<void> {
      await db.execute(sql`
        DELETE FROM dialogue_watches WHERE user_id = ${userId} AND ${target(watched)}`);
    },

    async isWatching(userId: string, watched: WatchTarget): Promise<boolean> {
      const rows = await db.execute(sql`
        SELECT 1 FROM dialogue_watches WHERE user_id = ${userId} AND ${target(watched)}`);
      return rows.rows.length > 0;
    },

    async byId(id: string): Promise<Watch | null> {
      const rows = await db.execute<{
        id: string;
        user_id: string;
        thread_id: string | null;
        space_id: string | null;
      }>(sql`SELECT id, user_id, thread_id, space_id FROM dialogue_watches WHERE id = ${id}`);
      const row = rows.rows[0];
      return row
        ? { id: row.id, userId: row.user_id, threadId: row.thread_id, spaceId: row.space_id }
        : null;
    },

    /**
     * The discussions a person watches and may still read (a working group they left is not
     * named to them): thread or space, its title and address.
     */
    async watchedBy(viewer: SignedInViewer) {
      const rows = await db.execute<{
        id: string;
        what: 'thread' | 'space';
        title: string;
        slug: string;
        number: number | null;
      }>(sql`
        SELECT w.id, CASE WHEN w.thread_id IS NULL THEN 'space' ELSE 'thread' END AS what,
               coalesce(t.title, s.name) AS title, s.slug, t.number
          FROM dialogue_watches w
          LEFT JOIN dialogue_threads t ON t.id = w.thread_id
          JOIN dialogue_spaces s ON s.id = coalesce(w.space_id, t.space_id)
         WHERE w.user_id = ${viewer.id} AND ${spaceReadable(viewer)}
           AND (t.id IS NULL OR ${threadListed(viewer)})
         ORDER BY title, w.id`);
      return rows.rows.map((row) => ({
        id: row.id,
        what: row.what,
        title: row.title,
        path: row.number === null ? `/dialogue/${row.slug}` : `/dialogue/${row.slug}/${row.number}`,
      }));
    },

    /** Stops one of a person's own watches. */
    async removeOwn(userId: string, id: string): Promise<void> {
      await db.execute(sql`DELETE FROM dialogue_watches WHERE id = ${id} AND user_id = ${userId}`);
    },

    /**
     * The people watching these threads (by number), themselves or through their space, as
     * followers: the thread's number as key, "thread:<n>" or "space:<slug>" as what they follow.
     */
    async watchersOf(numbers: readonly number[]) {
      const rows = await db.execute<{ user_id: string; number: number; topic: string }>(sql`
        SELECT w.user_id, t.number,
               CASE WHEN w.thread_id IS NULL THEN 'space:' || s.slug
                    ELSE 'thread:' || t.number END AS topic
          FROM dialogue_threads t
          JOIN dialogue_spaces s ON s.id = t.space_id
          JOIN dialogue_watches w ON w.thread_id = t.id OR w.space_id = t.space_id
         WHERE t.number = ANY(${sql.param(numbers)}::int[])`);
      return rows.rows.map((row) => ({
        userId: row.user_id,
        key: String(row.number),
        topic: row.topic,
      }));
    },

    async remove(id: string): Promise<void> {
      await db.execute(sql`DELETE FROM dialogue_watches WHERE id = ${id}`);
    },

    /**
     * The (person, thread) pairs owed a message at `now`: a thread watched (a watch of the thread
     * itself first, else of its space) with shown posts by others after the last message and
     * since the watch began, the last message being an hour old or more.
     */
    async owed(now: Date, limit: number): Promise<Owed[]> {
      const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
      const rows = await db.execute<{
        watch_id: string;
        user_id: string;
        thread_id: string;
        after: number;
        since: Date;
      }>(sql`
        WITH pairs AS (
          SELECT w.id AS watch_id, w.user_id, w.thread_id, w.created_at, 0 AS rank
            FROM dialogue_watches w WHERE w.thread_id IS NOT NULL
          UNION ALL
          SELECT w.id, w.user_id, t.id, w.created_at, 1
            FROM dialogue_watches w JOIN dialogue_threads t ON t.space_id = w.space_id
           WHERE w.space_id IS NOT NULL AND t.last_posted_at > w.created_at)
        SELECT DISTINCT ON (p.user_id, p.thread_id)
               p.watch_id, p.user_id, p.thread_id, coalesce(d.position, 0) AS after,
               p.created_at AS since
          FROM pairs p
          LEFT JOIN dialogue_deliveries d ON d.user_id = p.user_id AND d.thread_id = p.thread_id
         WHERE (d.sent_at IS NULL OR d.sent_at <= ${hourAgo})
           AND EXISTS (SELECT 1 FROM dialogue_posts x
                        WHERE x.thread_id = p.thread_id AND x.state = 'shown'
                          AND x.position > coalesce(d.position, 0)
                          AND x.created_at > p.created_at
                          AND x.author_id IS DISTINCT FROM p.user_id)
         ORDER BY p.user_id, p.thread_id, p.rank
         LIMIT ${limit}`);
      return rows.rows.map((row) => ({
        watchId: row.watch_id,
        userId: row.user_id,
        threadId: row.thread_id,
        after: row.after,
        since: new Date(row.since),
      }));
    },

    /** Remembers that a person was told of a thread up to a post, now. */
    async delivered(userId: string, threadId: string, position: number, at: Date) {
      await db.execute(sql`
        INSERT INTO dialogue_deliveries (user_id, thread_id, position, sent_at)
        VALUES (${userId}, ${threadId}, ${position}, ${at})
        ON CONFLICT (user_id, thread_id) DO UPDATE
           SET position = greatest(dialogue_deliveries.position, excluded.position),
               sent_at = excluded.sent_at`);
    },

    /**
     * The people a post's mentions name (`@ana-lopez`: their name in lower case, accents folded,
     * other characters as hyphens), each only when exactly one confirmed account has that handle.
     */
    async mentioned(handles: readonly string[]): Promise<string[]> {
      if (handles.length === 0) return [];
      const rows = await db.execute<{ id: string }>(sql`
        WITH named AS (
          SELECT id, trim(both '-' from regexp_replace(lower(unaccent(name)), '[^a-z0-9]+', '-',
                                                       'g')) AS handle
            FROM users WHERE email_verified)
        SELECT min(id::text) AS id FROM named
         WHERE handle = ANY(${sql.param(handles)}::text[])
         GROUP BY handle HAVING count(*) = 1`);
      return rows.rows.map((row) => row.id);
    },

    /** A person as the reader of a message (members' readerOf). */
    reader: (userId: string): Promise<Reader | null> => readerOf(db, userId),
  };
}

export type WatchesRepository = ReturnType<typeof createWatchesRepository>;
