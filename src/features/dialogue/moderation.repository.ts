/**
 * The SQL of moderation: flags (a post flagged by FLAGS_TO_HIDE members, or once by a moderator,
 * is hidden pending review), the queue of flagged, hidden and held posts, and the moderators'
 * decisions on posts, threads and people.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Viewer } from '../access/index.js';
import { FLAGS_TO_HIDE, type FlagReason, type PostState } from './dialogue.types.js';
import { spaceModerated } from './dialogue.visibility.js';
import { recount } from './posting.repository.js';

export interface QueueEntry {
  postId: string;
  position: number;
  state: PostState;
  body: string;
  hiddenReason: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
  threadNumber: number;
  threadTitle: string;
  spaceSlug: string;
  spaceName: string;
  /** Open flags, each with its reason and note. */
  flags: { reason: FlagReason; note: string; by: string }[];
  /** Earlier wordings, newest first. */
  revisions: { body: string; at: Date }[];
}

export function createModerationRepository(db: Db, clock: () => Date) {
  /** Posts as moderators see them, those matching `where` (on the post `p`), oldest first. */
  async function entries(where: SQL, limit: number): Promise<QueueEntry[]> {
    const rows = await db.execute<{
      id: string;
      position: number;
      state: PostState;
      body: string;
      hidden_reason: string;
      author_id: string | null;
      author_name: string | null;
      created_at: Date;
      number: number;
      title: string;
      space_slug: string;
      space_name: string;
      flags: { reason: FlagReason; note: string; by: string }[];
      revisions: { body: string; at: string }[];
    }>(sql`
      SELECT p.id, p.position, p.state, p.body, p.hidden_reason, p.author_id,
             u.name AS author_name, p.created_at, t.number, t.title, s.slug AS space_slug,
             s.name AS space_name,
             coalesce((SELECT json_agg(json_build_object('reason', f.reason, 'note', f.note,
                                                         'by', fu.name) ORDER BY f.created_at)
                         FROM dialogue_flags f JOIN users fu ON fu.id = f.user_id
                        WHERE f.post_id = p.id AND f.resolved_at IS NULL), '[]') AS flags,
             coalesce((SELECT json_agg(json_build_object('body', v.body, 'at', v.created_at)
                                       ORDER BY v.created_at DESC)
                         FROM dialogue_post_revisions v WHERE v.post_id = p.id), '[]')
               AS revisions
        FROM dialogue_posts p
        JOIN dialogue_threads t ON t.id = p.thread_id
        JOIN dialogue_spaces s ON s.id = t.space_id
        LEFT JOIN users u ON u.id = p.author_id
       WHERE ${where}
       ORDER BY p.created_at LIMIT ${limit}`);
    return rows.rows.map((row) => ({
      postId: row.id,
      position: row.position,
      state: row.state,
      body: row.body,
      hiddenReason: row.hidden_reason,
      authorId: row.author_id,
      authorName: row.author_name,
      createdAt: new Date(row.created_at),
      threadNumber: row.number,
      threadTitle: row.title,
      spaceSlug: row.space_slug,
      spaceName: row.space_name,
      flags: row.flags,
      revisions: row.revisions.map((revision) => ({
        body: revision.body,
        at: new Date(revision.at),
      })),
    }));
  }

  return {
    /**
     * Records a reader's flag (once per person and post); hides a shown post once it has
     * FLAGS_TO_HIDE open flags, or at once when `decisive` (a moderator's flag). True when the
     * post was hidden by this flag.
     */
    async flag(
      postId: string,
      userId: string,
      reason: FlagReason,
      note: string,
      decisive: boolean,
    ): Promise<boolean> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`
          INSERT INTO dialogue_flags (post_id, user_id, reason, note)
          VALUES (${postId}, ${userId}, ${reason}, ${note})
          ON CONFLICT (post_id, user_id) DO UPDATE
             SET reason = excluded.reason, note = excluded.note, resolved_at = NULL`);
        const hidden = await tx.execute<{ thread_id: string }>(sql`
          UPDATE dialogue_posts p SET state = 'hidden', updated_at = now()
           WHERE p.id = ${postId} AND p.state = 'shown'
             AND (${decisive} OR (SELECT count(*) FROM dialogue_flags f
                                   WHERE f.post_id = p.id AND f.resolved_at IS NULL)
                                 >= ${FLAGS_TO_HIDE})
          RETURNING p.thread_id`);
        const threadId = hidden.rows[0]?.thread_id;
        if (threadId) await recount(tx, threadId);
        return threadId !== undefined;
      });
    },

    /**
     * Posts of the spaces the viewer moderates waiting for them: held, hidden pending review, or
     * flagged; oldest first.
     */
    queue: (viewer: Viewer, limit = 100) =>
      entries(
        sql`(p.state = 'held' OR (p.state = 'hidden' AND p.hidden_reason = '')
             OR EXISTS (SELECT 1 FROM dialogue_flags f
                         WHERE f.post_id = p.id AND f.resolved_at IS NULL))
            AND p.state <> 'deleted' AND ${spaceModerated(viewer)}`,
        limit,
      ),

    /** One post of a space the viewer moderates: its words, open flags and earlier wordings. */
    async entry(viewer: Viewer, postId: string): Promise<QueueEntry | null> {
      const [found] = await entries(sql`p.id = ${postId} AND ${spaceModerated(viewer)}`, 1);
      return found ?? null;
    },

    /**
     * A moderator's decision on a post: shown (approved or restored) or hidden with the reason
     * its author is told. Its open flags are resolved. The post's thread, or null.
     */
    async decide(
      postId: string,
      state: 'shown' | 'hidden',
      reason: string,
    ): Promise<{
      threadId: string;
      authorId: string | null;
      position: number;
      title: string;
      number: number;
      spaceSlug: string;
    } | null> {
      return db.transaction(async (tx) => {
        const changed = await tx.execute<{
          thread_id: string;
          author_id: string | null;
          position: number;
          title: string;
          number: number;
          space_slug: string;
        }>(sql`
          UPDATE dialogue_posts p
             SET state = ${state}, hidden_reason = ${reason}, updated_at = now()
            FROM dialogue_threads t JOIN dialogue_spaces s ON s.id = t.space_id
           WHERE p.id = ${postId} AND p.state <> 'deleted' AND t.id = p.thread_id
          RETURNING p.thread_id, p.author_id, p.position, t.title, t.number,
                    s.slug AS space_slug`);
        const row = changed.rows[0];
        if (!row) return null;
        await tx.execute(sql`
          UPDATE dialogue_flags SET resolved_at = ${clock()}
           WHERE post_id = ${postId} AND resolved_at IS NULL`);
        await recount(tx, row.thread_id);
        return {
          threadId: row.thread_id,
          authorId: row.author_id,
          position: row.position,
          title: row.title,
          number: row.number,
          spaceSlug: row.space_slug,
        };
      });
    },

    /** Pins, locks or moves a thread. */
    async setThread(
      threadId: string,
      change: { pinned?: boolean; locked?: boolean; spaceId?: string },
    ): Promise<void> {
      await db.execute(sql`
        UPDATE dialogue_threads
           SET pinned = coalesce(${change.pinned ?? null}::boolean, pinned),
               locked = coalesce(${change.locked ?? null}::boolean, locked),
               space_id = coalesce(${change.spaceId ?? null}::uuid, space_id),
               updated_at = now()
         WHERE id = ${threadId}`);
    },

    /** Keeps a person from posting until a date, or lets them post again (until null). */
    async suspend(userId: string, until: Date | null, reason: string, byId: string) {
      if (until === null) {
        await db.execute(sql`DELETE FROM dialogue_suspensions WHERE user_id = ${userId}`);
        return;
      }
      await db.execute(sql`
        INSERT INTO dialogue_suspensions (user_id, until, reason, by_id)
        VALUES (${userId}, ${until}, ${reason}, ${byId})
        ON CONFLICT (user_id) DO UPDATE
           SET until = excluded.until, reason = excluded.reason, by_id = excluded.by_id,
               created_at = now()`);
    },
  };
}

export type ModerationRepository = ReturnType<typeof createModerationRepository>;
