/**
 * The SQL of threads and their posts, read through the viewer's reach of the space
 * (dialogue.visibility.ts). A post's body reaches a reader only when it is shown, or when the
 * reader is its author or a moderator; hidden and deleted posts are placeholders to others.
 * Posts are numbered in their thread from 1 (the opening post) and pages are ranges of those
 * numbers, so an address of a post stays where it was however the posts around it change.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Viewer } from '../access/index.js';
import {
  POSTS_PAGE_SIZE,
  THREADS_PAGE_SIZE,
  type PostState,
  type ThreadsFilterShow,
} from './dialogue.types.js';
import {
  moderatesSpace,
  spaceModerated,
  spaceReadable,
  threadListed,
} from './dialogue.visibility.js';

export interface ThreadSummary {
  id: string;
  number: number;
  spaceSlug: string;
  title: string;
  locale: string;
  theme: string | null;
  authorName: string | null;
  answered: boolean;
  pinned: boolean;
  locked: boolean;
  replyCount: number;
  createdAt: Date;
  lastPostedAt: Date;
  /** Posts after the reader's place (signed-in readers), or null when they never opened it. */
  unread: number | null;
  /** The first post they have not read, for "jump to unread". */
  firstUnread: number | null;
  /** The start of the opening post, when it is shown (for feeds and previews). */
  opening: string;
}

export interface Thread extends ThreadSummary {
  spaceId: string;
  authorId: string | null;
  answerPostId: string | null;
  /** The highest post number: the thread's pages are ranges of these. */
  lastPosition: number;
  /** The state of the opening post (held: waiting for approval; hidden: by moderation). */
  openingState: PostState;
  /** The reader moderates its space. */
  moderated: boolean;
}

export interface Post {
  id: string;
  position: number;
  authorId: string | null;
  authorName: string | null;
  /** Null when the reader may not read it (hidden, deleted). */
  body: string | null;
  state: PostState;
  /** Why it was hidden, for its author and the moderators. */
  hiddenReason: string;
  createdAt: Date;
  editedAt: Date | null;
  /** Earlier wordings (moderators only see them; the count is a hint to them). */
  revisions: number;
  /** The reader flagged it already. */
  flaggedByReader: boolean;
}

export interface ThreadFilter {
  /** Every thread by latest activity, or those without an answer. */
  show: ThreadsFilterShow;
  theme?: string;
}

interface ThreadRow extends Record<string, unknown> {
  id: string;
  number: number;
  space_id: string;
  space_slug: string;
  title: string;
  locale: string;
  theme: string | null;
  author_id: string | null;
  author_name: string | null;
  answer_post_id: string | null;
  pinned: boolean;
  locked: boolean;
  reply_count: number;
  created_at: Date;
  last_posted_at: Date;
  last_position: number;
  opening_state: PostState;
  read_position: number | null;
  opening: string | null;
  moderated: boolean;
}

const readerId = (viewer: Viewer): string | null => (viewer.kind === 'user' ? viewer.id : null);

const threadColumns = (viewer: Viewer): SQL => sql`
  t.id, t.number, t.space_id, s.slug AS space_slug, t.title, t.locale, t.theme, t.author_id,
  u.name AS author_name, t.answer_post_id, t.pinned, t.locked, t.reply_count, t.created_at,
  t.last_posted_at, first.state AS opening_state,
  CASE WHEN first.state = 'shown' THEN left(first.body, 600) END AS opening,
  (SELECT max(p.position) FROM dialogue_posts p WHERE p.thread_id = t.id) AS last_position,
  (SELECT r.position FROM dialogue_reads r
    WHERE r.thread_id = t.id AND r.user_id = ${readerId(viewer)}) AS read_position,
  ${spaceModerated(viewer)} AS moderated`;

/** A space's order: pinned first, then latest activity (as its index holds it). */
const LIST_ORDER = sql`t.pinned DESC NULLS LAST, t.last_posted_at DESC NULLS LAST,
  t.number DESC NULLS LAST`;

const threadFrom = sql`
  dialogue_threads t
  JOIN dialogue_spaces s ON s.id = t.space_id
  JOIN dialogue_posts first ON first.thread_id = t.id AND first.position = 1
  LEFT JOIN users u ON u.id = t.author_id`;

function summary(row: ThreadRow): Thread {
  const read = row.read_position;
  return {
    id: row.id,
    number: row.number,
    spaceId: row.space_id,
    spaceSlug: row.space_slug,
    title: row.title,
    locale: row.locale,
    theme: row.theme,
    authorId: row.author_id,
    authorName: row.author_name,
    answerPostId: row.answer_post_id,
    answered: row.answer_post_id !== null,
    pinned: row.pinned,
    locked: row.locked,
    replyCount: row.reply_count,
    createdAt: new Date(row.created_at),
    lastPostedAt: new Date(row.last_posted_at),
    lastPosition: row.last_position,
    openingState: row.opening_state,
    moderated: row.moderated,
    unread: read === null ? null : Math.max(0, row.last_position - read),
    firstUnread: read === null || read >= row.last_position ? null : read + 1,
    opening: row.opening ?? '',
  };
}

export function createThreadsRepository(db: Db) {
  const findWhere = async (viewer: Viewer, which: SQL): Promise<Thread | null> => {
    const rows = await db.execute<ThreadRow>(sql`
      SELECT ${threadColumns(viewer)} FROM ${threadFrom}
       WHERE ${which} AND ${spaceReadable(viewer)} AND ${threadListed(viewer)}`);
    const row = rows.rows[0];
    return row ? summary(row) : null;
  };
  return {
    /** A page of a space's threads: pinned first, then by latest activity. */
    async list(
      viewer: Viewer,
      spaceId: string,
      filter: ThreadFilter,
      page: number,
    ): Promise<{ rows: ThreadSummary[]; total: number }> {
      const where = sql`t.space_id = ${spaceId} AND ${spaceReadable(viewer)}
        AND ${threadListed(viewer)}
        ${filter.show === 'unanswered' ? sql`AND t.answer_post_id IS NULL` : sql``}
        ${filter.theme ? sql`AND t.theme = ${filter.theme}` : sql``}`;
      // The page's threads are picked from the list's index first; only they are then read
      // whole (their opening post, counts and the reader's place).
      const listFrom = sql`dialogue_threads t JOIN dialogue_spaces s ON s.id = t.space_id`;
      const [rows, counted] = await Promise.all([
        db.execute<ThreadRow>(sql`
          WITH page AS (
            SELECT t.id FROM ${listFrom} WHERE ${where}
             ORDER BY ${LIST_ORDER}
             LIMIT ${THREADS_PAGE_SIZE} OFFSET ${(page - 1) * THREADS_PAGE_SIZE})
          SELECT ${threadColumns(viewer)} FROM ${threadFrom}
           WHERE t.id IN (SELECT id FROM page)
           ORDER BY ${LIST_ORDER}`),
        db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${listFrom} WHERE ${where}`),
      ]);
      return { rows: rows.rows.map(summary), total: counted.rows[0]?.n ?? 0 };
    },

    /** The newest threads of every space the viewer reads (the "active discussions"). */
    async active(viewer: Viewer, limit: number): Promise<ThreadSummary[]> {
      const rows = await db.execute<ThreadRow>(sql`
        SELECT ${threadColumns(viewer)} FROM ${threadFrom}
         WHERE ${spaceReadable(viewer)} AND t.listed AND first.state = 'shown' AND NOT s.archived
         ORDER BY t.last_posted_at DESC NULLS LAST LIMIT ${limit}`);
      return rows.rows.map(summary);
    },

    /** A thread the viewer may read, by its number within a space they may read. */
    async find(viewer: Viewer, spaceSlug: string, number: number): Promise<Thread | null> {
      const rows = await db.execute<ThreadRow>(sql`
        SELECT ${threadColumns(viewer)} FROM ${threadFrom}
         WHERE s.slug = ${spaceSlug} AND t.number = ${number}
           AND ${spaceReadable(viewer)} AND ${threadListed(viewer)}`);
      const row = rows.rows[0];
      return row ? summary(row) : null;
    },

    /** A thread the viewer may read, by its number alone (the API's key). */
    findByNumber: (viewer: Viewer, number: number) => findWhere(viewer, sql`t.number = ${number}`),

    /** A thread the viewer may read, by its id. */
    findById: (viewer: Viewer, id: string) => findWhere(viewer, sql`t.id = ${id}`),

    /**
     * The posts numbered in [from, to] as the viewer may see them: another person's held posts
     * are left out; hidden and deleted posts come without their body unless the viewer wrote
     * them (hidden) or moderates.
     */
    async posts(viewer: Viewer, threadId: string, from: number, to: number): Promise<Post[]> {
      const reader = readerId(viewer);
      const moderator = moderatesSpace(
        viewer,
        sql`(SELECT tt.space_id FROM dialogue_threads tt WHERE tt.id = ${threadId})`,
      );
      const rows = await db.execute<{
        id: string;
        position: number;
        author_id: string | null;
        author_name: string | null;
        body: string | null;
        state: PostState;
        hidden_reason: string;
        created_at: Date;
        edited_at: Date | null;
        revisions: number;
        flagged: boolean;
      }>(sql`
        SELECT p.id, p.position, p.author_id, u.name AS author_name, p.state, p.created_at,
               p.edited_at,
               CASE WHEN p.state = 'shown' OR ${moderator}
                      OR (p.state IN ('held', 'hidden') AND p.author_id = ${reader})
                    THEN p.body END AS body,
               CASE WHEN ${moderator} OR p.author_id = ${reader}
                    THEN p.hidden_reason ELSE '' END AS hidden_reason,
               (SELECT count(*)::int FROM dialogue_post_revisions v WHERE v.post_id = p.id)
                 AS revisions,
               EXISTS (SELECT 1 FROM dialogue_flags f
                        WHERE f.post_id = p.id AND f.user_id = ${reader}) AS flagged
          FROM dialogue_posts p LEFT JOIN users u ON u.id = p.author_id
         WHERE p.thread_id = ${threadId} AND p.position BETWEEN ${from} AND ${to}
           AND (p.state <> 'held' OR ${moderator} OR p.author_id = ${reader})
         ORDER BY p.position`);
      return rows.rows.map((row) => ({
        id: row.id,
        position: row.position,
        authorId: row.author_id,
        authorName: row.author_name,
        body: row.body,
        state: row.state,
        hiddenReason: row.hidden_reason,
        createdAt: new Date(row.created_at),
        editedAt: row.edited_at && new Date(row.edited_at),
        revisions: row.revisions,
        flaggedByReader: row.flagged,
      }));
    },

    /** One shown post of a thread (the answer shown under the question). */
    async shownPost(threadId: string, postId: string): Promise<Post | null> {
      const rows = await db.execute<{ position: number }>(sql`
        SELECT position FROM dialogue_posts
         WHERE id = ${postId} AND thread_id = ${threadId} AND state = 'shown'`);
      const position = rows.rows[0]?.position;
      if (position === undefined) return null;
      const [post] = await this.posts({ kind: 'anonymous' }, threadId, position, position);
      return post ?? null;
    },

    /** Remembers how far a signed-in person has read, never moving their place back. */
    async markRead(userId: string, threadId: string, position: number): Promise<void> {
      await db.execute(sql`
        INSERT INTO dialogue_reads (thread_id, user_id, position) VALUES (${threadId}, ${userId},
               ${position})
        ON CONFLICT (thread_id, user_id) DO UPDATE
           SET position = greatest(dialogue_reads.position, excluded.position), read_at = now()`);
    },
  };
}

/** The page of a thread that holds a post number. */
export const pageOfPosition = (position: number): number =>
  Math.max(1, Math.ceil(position / POSTS_PAGE_SIZE));

export type ThreadsRepository = ReturnType<typeof createThreadsRepository>;
