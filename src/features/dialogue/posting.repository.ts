/**
 * The SQL of writing in the dialogue: new threads, replies, edits (the earlier wording kept for
 * moderators), deletion by the author, the answer, and the counts the limits of new accounts
 * need. A thread's reply count and latest activity are recounted in the same transaction as
 * each change of its posts.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { isUuid } from '../../platform/db/columns.js';
import type { PostState } from './dialogue.types.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Keeps a thread's reply count and latest activity true to its shown posts. */
export async function recount(tx: Db | Tx, threadId: string): Promise<void> {
  await tx.execute(sql`
    UPDATE dialogue_threads t
       SET reply_count = (SELECT count(*)::int FROM dialogue_posts p
                           WHERE p.thread_id = t.id AND p.position > 1 AND p.state = 'shown'),
           last_posted_at = coalesce((SELECT max(p.created_at) FROM dialogue_posts p
                                       WHERE p.thread_id = t.id AND p.state = 'shown'),
                                     t.created_at),
           answer_post_id = CASE WHEN EXISTS (SELECT 1 FROM dialogue_posts p
                                               WHERE p.id = t.answer_post_id AND p.state = 'shown')
                                 THEN t.answer_post_id END,
           listed = EXISTS (SELECT 1 FROM dialogue_posts p
                             WHERE p.thread_id = t.id AND p.position = 1
                               AND p.state IN ('shown', 'deleted')),
           updated_at = now()
     WHERE t.id = ${threadId}`);
}

export interface NewThread {
  spaceId: string;
  authorId: string;
  title: string;
  locale: string;
  theme: string | null;
  body: string;
  state: PostState;
}

export function createPostingRepository(db: Db, clock: () => Date) {
  return {
    /** Opens a thread with its first post; returns the thread's id and number. */
    async createThread(thread: NewThread): Promise<{ id: string; number: number }> {
      return db.transaction(async (tx) => {
        const now = clock();
        const created = await tx.execute<{ id: string; number: number }>(sql`
          INSERT INTO dialogue_threads (space_id, title, author_id, locale, theme, last_posted_at,
                                        created_at, listed)
          VALUES (${thread.spaceId}, ${thread.title}, ${thread.authorId}, ${thread.locale},
                  ${thread.theme}, ${now}, ${now}, ${thread.state === 'shown'})
          RETURNING id, number`);
        const row = created.rows[0];
        if (!row) throw new Error('thread not created');
        await tx.execute(sql`
          INSERT INTO dialogue_posts (thread_id, position, author_id, body, state, created_at)
          VALUES (${row.id}, 1, ${thread.authorId}, ${thread.body}, ${thread.state}, ${now})`);
        return row;
      });
    },

    /** Adds a reply at the end of the thread (numbered under the thread's lock); its number. */
    async reply(threadId: string, authorId: string, body: string, state: PostState) {
      return db.transaction(async (tx) => {
        await tx.execute(sql`SELECT 1 FROM dialogue_threads WHERE id = ${threadId} FOR UPDATE`);
        const added = await tx.execute<{ id: string; position: number }>(sql`
          INSERT INTO dialogue_posts (thread_id, position, author_id, body, state, created_at)
          SELECT ${threadId}, coalesce(max(position), 0) + 1, ${authorId}, ${body}, ${state},
                 ${clock()}
            FROM dialogue_posts WHERE thread_id = ${threadId}
          RETURNING id, position`);
        await recount(tx, threadId);
        const row = added.rows[0];
        if (!row) throw new Error('reply not added');
        return row;
      });
    },

    /** A post with what the rules about it need. */
    async post(postId: string) {
      // An address may name anything: only an id is looked up.
      if (!isUuid(postId)) return null;
      const rows = await db.execute<{
        id: string;
        thread_id: string;
        position: number;
        author_id: string | null;
        author_name: string | null;
        body: string;
        state: PostState;
      }>(sql`
        SELECT p.id, p.thread_id, p.position, p.author_id, u.name AS author_name, p.body, p.state
          FROM dialogue_posts p LEFT JOIN users u ON u.id = p.author_id
         WHERE p.id = ${postId}`);
      const row = rows.rows[0];
      return row
        ? {
            id: row.id,
            threadId: row.thread_id,
            position: row.position,
            authorId: row.author_id,
            authorName: row.author_name,
            body: row.body,
            state: row.state,
          }
        : null;
    },

    /** Rewrites a post, keeping its earlier wording; a new title goes with an opening post. */
    async edit(postId: string, editorId: string, body: string, title: string | null) {
      await db.transaction(async (tx) => {
        const changed = await tx.execute<{ thread_id: string }>(sql`
          WITH old AS (SELECT id, body FROM dialogue_posts WHERE id = ${postId} FOR UPDATE),
          kept AS (
            INSERT INTO dialogue_post_revisions (post_id, body, editor_id)
            SELECT id, body, ${editorId} FROM old WHERE old.body <> ${body})
          UPDATE dialogue_posts p SET body = ${body}, edited_at = ${clock()}, updated_at = now()
            FROM old WHERE p.id = old.id
          RETURNING p.thread_id`);
        const threadId = changed.rows[0]?.thread_id;
        if (threadId && title !== null)
          await tx.execute(sql`
            UPDATE dialogue_threads SET title = ${title}, updated_at = now()
             WHERE id = ${threadId}`);
      });
    },

    /** The author's deletion: the body stays for moderators, the thread shows a placeholder. */
    async deleteByAuthor(postId: string, threadId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.execute(sql`
          UPDATE dialogue_posts SET state = 'deleted', updated_at = now() WHERE id = ${postId}`);
        await recount(tx, threadId);
      });
    },

    /** Marks (or, with null, unmarks) the reply that answered a thread. */
    async setAnswer(threadId: string, postId: string | null): Promise<void> {
      await db.execute(sql`
        UPDATE dialogue_threads SET answer_post_id = ${postId}, updated_at = now()
         WHERE id = ${threadId}`);
    },

    /** What the limits on a person's posting need to know. */
    async standing(userId: string, since: Date) {
      const rows = await db.execute<{
        created_at: Date;
        recent: number;
        approved: number;
        suspended_until: Date | null;
        suspension_reason: string | null;
      }>(sql`
        SELECT u.created_at,
               (SELECT count(*)::int FROM dialogue_posts p
                 WHERE p.author_id = u.id AND p.created_at >= ${since}) AS recent,
               (SELECT count(*)::int FROM dialogue_posts p
                 WHERE p.author_id = u.id AND p.state = 'shown') AS approved,
               s.until AS suspended_until, s.reason AS suspension_reason
          FROM users u LEFT JOIN dialogue_suspensions s ON s.user_id = u.id
         WHERE u.id = ${userId}`);
      const row = rows.rows[0];
      return {
        createdAt: row ? new Date(row.created_at) : clock(),
        recentPosts: row?.recent ?? 0,
        approvedPosts: row?.approved ?? 0,
        suspendedUntil: row?.suspended_until ? new Date(row.suspended_until) : null,
        suspensionReason: row?.suspension_reason ?? '',
      };
    },

    /** What a person wrote and flagged in the dialogue, for "download my data". */
    async personalData(userId: string) {
      const [posts, flags, files] = await Promise.all([
        db.execute(sql`
          SELECT s.slug AS space, t.number AS thread, t.title, p.position, p.body, p.state,
                 p.created_at, p.edited_at
            FROM dialogue_posts p JOIN dialogue_threads t ON t.id = p.thread_id
            JOIN dialogue_spaces s ON s.id = t.space_id
           WHERE p.author_id = ${userId} ORDER BY p.created_at`),
        db.execute(sql`
          SELECT f.post_id, f.reason, f.note, f.created_at FROM dialogue_flags f
           WHERE f.user_id = ${userId} ORDER BY f.created_at`),
        db.execute(sql`
          SELECT a.post_id, a.file_name, a.media_type, a.size_bytes, a.created_at
            FROM dialogue_attachments a JOIN dialogue_posts p ON p.id = a.post_id
           WHERE p.author_id = ${userId} ORDER BY a.created_at`),
      ]);
      return { dialoguePosts: posts.rows, dialogueFlags: flags.rows, dialogueFiles: files.rows };
    },

    /** True when the person posted the same words in the last day (a duplicate is refused). */
    async isDuplicate(userId: string, body: string, since: Date): Promise<boolean> {
      const rows = await db.execute(sql`
        SELECT 1 FROM dialogue_posts
         WHERE author_id = ${userId} AND created_at >= ${since} AND state <> 'deleted'
           AND btrim(body) = btrim(${body})
         LIMIT 1`);
      return rows.rows.length > 0;
    },
  };
}

export type PostingRepository = ReturnType<typeof createPostingRepository>;
