/**
 * Discussions as a kind of content: the latest discussions (and so the home page's "active
 * discussions"), a feed per space and per thread, the sitemap, the JSON API, a space's threads
 * as CSV, the site search, and the DiscussionForumPosting data of their pages — each read
 * through the viewer's reach of the spaces (dialogue.visibility.ts). A working group's threads
 * reach only its people: the search index reads as a visitor and as a member of no group.
 * The canary is planted in a members' space and in a working group's.
 */
import { sql } from 'drizzle-orm';
import { defineKind, type FeedEntry } from '../../channels/kind.js';
import type { Db } from '../../platform/db/database.js';
import { excerpt } from '../../ui/format.js';
import type { Viewer } from '../access/index.js';
import { spaceReadable } from './dialogue.visibility.js';
import { createSpacesRepository } from './spaces.repository.js';
import { plainText, threadMetadata } from './thread.metadata.js';
import { createThreadsRepository, type ThreadSummary } from './threads.repository.js';
import { threadFollow } from './thread.follow.js';

const threadPath = (thread: { spaceSlug: string; number: number }) =>
  `/dialogue/${thread.spaceSlug}/${thread.number}`;

const entry = (thread: ThreadSummary): FeedEntry => ({
  key: String(thread.number),
  path: threadPath(thread),
  title: thread.title,
  summary: excerpt(plainText(thread.opening), 300),
  date: thread.lastPostedAt,
  categories: [],
});

const summarySchema = {
  type: 'object',
  required: ['number', 'space', 'title', 'language', 'replies', 'answered', 'lastPost', 'url'],
  properties: {
    number: { type: 'integer' },
    space: { type: 'string' },
    title: { type: 'string' },
    language: { type: 'string' },
    theme: { type: ['string', 'null'] },
    replies: { type: 'integer' },
    answered: { type: 'boolean' },
    lastPost: { type: 'string', format: 'date-time' },
    url: { type: 'string', format: 'uri' },
  },
};

const number = (key: string): number | null => (/^[1-9]\d{0,8}$/.test(key) ? Number(key) : null);

export function threadKind(deps: { db: Db; publicUrl: string; clock: () => Date }) {
  const { db, publicUrl } = deps;
  const threads = createThreadsRepository(db);
  const spaces = createSpacesRepository(db);
  const present = (thread: ThreadSummary, locale: string) => ({
    number: thread.number,
    space: thread.spaceSlug,
    title: thread.title,
    language: thread.locale,
    theme: thread.theme,
    replies: thread.replyCount,
    answered: thread.answered,
    lastPost: thread.lastPostedAt.toISOString(),
    url: `${publicUrl}/${locale}${threadPath(thread)}`,
  });
  /** The threads of a space the viewer reads, newest activity first; null when it is not theirs. */
  const ofSpace = async (viewer: Viewer, slug: string | undefined, page: number) => {
    const space = slug ? await spaces.find(viewer, slug) : null;
    if (!space || space === 'hidden') return null;
    return threads.list(viewer, space.id, { show: 'latest' }, page);
  };
  return defineKind({
    name: 'thread',
    plural: 'threads',
    feeds: [
      {
        path: '/dialogue',
        title: async (_params, t) => t.t('dialogue.feed.title'),
        read: async (viewer, _params, _t, limit) =>
          (await threads.active(viewer, limit)).map(entry),
      },
      {
        path: '/dialogue/:space',
        async title(params) {
          const space = await spaces.find({ kind: 'anonymous' }, params.space ?? '');
          return space && space !== 'hidden' ? space.name : null;
        },
        async read(viewer, params, _t, limit) {
          const listed = await ofSpace(viewer, params.space, 1);
          return (listed?.rows ?? []).slice(0, limit).map(entry);
        },
      },
      {
        path: '/dialogue/:space/:number',
        async title(params) {
          const found = await threads.find(
            { kind: 'anonymous' },
            params.space ?? '',
            number(params.number ?? '') ?? 0,
          );
          return found?.title ?? null;
        },
        async read(viewer, params, _t, limit) {
          const found = await threads.find(
            viewer,
            params.space ?? '',
            number(params.number ?? '') ?? 0,
          );
          if (!found) return [];
          const posts = await threads.posts(
            viewer,
            found.id,
            Math.max(1, found.lastPosition - limit + 1),
            found.lastPosition,
          );
          return posts
            .filter((post) => post.state === 'shown' && post.body !== null)
            .reverse()
            .map((post) => ({
              key: String(found.number),
              path: `${threadPath(found)}?post=${post.position}#p${post.position}`,
              title: `${found.title} (${post.position})`,
              summary: excerpt(plainText(post.body ?? ''), 500),
              date: post.createdAt,
              categories: [],
            }));
        },
      },
    ],
    sitemap: {
      async count(viewer) {
        const counted = await db.execute<{ n: number }>(sql`
          SELECT count(*)::int AS n FROM dialogue_threads t
            JOIN dialogue_spaces s ON s.id = t.space_id
            JOIN dialogue_posts first ON first.thread_id = t.id AND first.position = 1
           WHERE ${spaceReadable(viewer)} AND first.state = 'shown'`);
        return counted.rows[0]?.n ?? 0;
      },
      async read(viewer, offset, limit) {
        const rows = await db.execute<{ slug: string; number: number; last_posted_at: Date }>(sql`
          SELECT s.slug, t.number, t.last_posted_at FROM dialogue_threads t
            JOIN dialogue_spaces s ON s.id = t.space_id
            JOIN dialogue_posts first ON first.thread_id = t.id AND first.position = 1
           WHERE ${spaceReadable(viewer)} AND first.state = 'shown'
           ORDER BY t.number LIMIT ${limit} OFFSET ${offset}`);
        return rows.rows.map((row) => ({
          path: `/dialogue/${row.slug}/${row.number}`,
          updatedAt: new Date(row.last_posted_at),
        }));
      },
    },
    api: {
      key: 'number',
      parameters: [
        {
          name: 'space',
          in: 'query',
          required: true,
          description: 'The space, by the last part of its address.',
          schema: { type: 'string' },
        },
        {
          name: 'page',
          in: 'query',
          description: 'Page of results, from 1 (30 a page).',
          schema: { type: 'integer', minimum: 1, default: 1 },
        },
      ],
      summaries: {
        list: 'List a discussion space’s threads, latest activity first.',
        find: 'One thread with its shown posts (up to 200).',
      },
      schemas: {
        summary: summarySchema,
        detail: {
          ...summarySchema,
          properties: {
            ...summarySchema.properties,
            posts: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  number: { type: 'integer' },
                  author: { type: 'string' },
                  body: { type: 'string', description: 'Markdown.' },
                  date: { type: 'string', format: 'date-time' },
                },
              },
            },
          },
        },
      },
      descriptions: {
        list: 'One page of threads.',
        find: 'The thread.',
        membersOnly: 'The thread is in a space the reader may not read.',
        notFound: 'No such thread.',
      },
      async list(viewer, query, locale) {
        const page = number(typeof query.page === 'string' ? query.page : '1') ?? 1;
        const space = typeof query.space === 'string' ? query.space : undefined;
        const listed = (await ofSpace(viewer, space, page)) ?? { rows: [], total: 0 };
        return {
          page,
          pages: Math.max(1, Math.ceil(listed.total / 30)),
          total: listed.total,
          items: listed.rows.map((thread) => present(thread, locale)),
        };
      },
      async find(viewer, key, locale) {
        const found = number(key) === null ? null : await threads.findByNumber(viewer, Number(key));
        if (!found || found.openingState !== 'shown') return null;
        const posts = await threads.posts(viewer, found.id, 1, 200);
        return {
          ...present(found, locale),
          posts: posts
            .filter((post) => post.state === 'shown')
            .map((post) => ({
              number: post.position,
              author: post.authorName ?? '',
              body: post.body ?? '',
              date: post.createdAt.toISOString(),
            })),
        };
      },
    },
    export: {
      path: '/dialogue/:space',
      accepts: (params) => /^[a-z0-9-]{1,80}$/.test(params.space ?? ''),
      fileName: (params) => `dialogue-${params.space ?? ''}`,
      async rows(viewer, params, _query, locale, limit) {
        const listed = await ofSpace(viewer, params.space, 1);
        return (listed?.rows ?? []).slice(0, limit).map((thread) => ({
          number: String(thread.number),
          title: thread.title,
          language: thread.locale,
          theme: thread.theme ?? '',
          replies: String(thread.replyCount),
          answered: thread.answered ? 'yes' : 'no',
          lastPost: thread.lastPostedAt.toISOString(),
          url: `${publicUrl}/${locale}${threadPath(thread)}`,
        }));
      },
    },
    search: {
      // Every listed thread of the spaces the viewer reads, with the words of its shown posts.
      async documents(viewer) {
        const rows = await db.execute<{
          slug: string;
          number: number;
          title: string;
          locale: string;
          opening: string;
          words: string;
          last_posted_at: Date;
        }>(sql`
          SELECT s.slug, t.number, t.title, t.locale, first.body AS opening, t.last_posted_at,
                 (SELECT left(string_agg(p.body, E'\n' ORDER BY p.position), 20000)
                    FROM dialogue_posts p WHERE p.thread_id = t.id AND p.state = 'shown') AS words
            FROM dialogue_threads t
            JOIN dialogue_spaces s ON s.id = t.space_id
            JOIN dialogue_posts first ON first.thread_id = t.id AND first.position = 1
           WHERE ${spaceReadable(viewer)} AND first.state = 'shown'`);
        return rows.rows.map((row) => ({
          key: String(row.number),
          locale: row.locale,
          title: row.title,
          snippet: excerpt(plainText(row.opening), 200) || null,
          text: plainText(row.words ?? ''),
          url: `/dialogue/${row.slug}/${row.number}`,
          date: new Date(row.last_posted_at),
        }));
      },
    },
    metadata: {
      async describe(viewer, key, reader) {
        const found = number(key) === null ? null : await threads.findByNumber(viewer, Number(key));
        if (!found) {
          // A thread that exists beyond the reader's reach is "members only", no more.
          const exists = await db.execute(sql`
            SELECT 1 FROM dialogue_threads WHERE number = ${number(key) ?? 0}`);
          return exists.rows.length > 0 ? 'members-only' : null;
        }
        const space = await spaces.find(viewer, found.spaceSlug);
        if (!space || space === 'hidden') return null;
        const posts = await threads.posts(viewer, found.id, 1, 20);
        return threadMetadata(space, found, posts, reader);
      },
    },
    follow: threadFollow(db),
    canary: {
      async plant(target, text) {
        const planted = await target.execute<{ number: number }>(sql`
          WITH spaces AS (
            INSERT INTO dialogue_spaces (slug, name, description, locale, audience, organisations)
            VALUES ('canary-members-space', ${`${text} space`}, ${`${text} description`}, 'en',
                    'members', '{}'),
                   ('canary-group-space', ${`${text} group`}, ${`${text} group description`},
                    'en', 'group', ARRAY[gen_random_uuid()])
            RETURNING id, slug),
          threads AS (
            INSERT INTO dialogue_threads (space_id, title, locale)
            SELECT id, ${`${text} thread`} || ' ' || slug, 'en' FROM spaces
            RETURNING id, number, space_id),
          posts AS (
            INSERT INTO dialogue_posts (thread_id, position, body)
            SELECT id, 1, ${`${text} opening post`} FROM threads
            UNION ALL
            SELECT id, 2, ${`${text} reply`} FROM threads)
          SELECT t.number FROM threads t JOIN spaces s ON s.id = t.space_id
           WHERE s.slug = 'canary-members-space'`);
        const plantedNumber = planted.rows[0]?.number ?? 0;
        return {
          params: { space: 'canary-members-space', number: String(plantedNumber) },
          key: String(plantedNumber),
        };
      },
    },
  });
}
