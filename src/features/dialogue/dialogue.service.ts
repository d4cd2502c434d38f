/**
 * Reading and writing in the dialogue: the spaces and threads a person may read, and their
 * threads, replies, edits, deletions and answers, within the limits that keep the spaces useful
 * (Discourse's trust idea, simply: see dialogue.types.ts).
 */
import type { FieldErrors, FormResult, SignedInViewer, Viewer } from '../access/index.js';
import { canSeeMembersLayer, validateForm } from '../access/index.js';
import {
  NEW_ACCOUNT_DAYS,
  NEW_LINKS_PER_POST,
  NEW_POSTS_PER_HOUR,
  POSTS_PAGE_SIZE,
  POSTS_PER_HOUR,
  type PostState,
} from './dialogue.types.js';
import { editFormSchema, replyFormSchema, threadFormSchema } from './dialogue.schemas.js';
import type { Attachment } from './attachments.js';
import type { PostingRepository } from './posting.repository.js';
import type { Space, SpacesRepository } from './spaces.repository.js';
import {
  pageOfPosition,
  type Post,
  type Thread,
  type ThreadFilter,
  type ThreadsRepository,
} from './threads.repository.js';

export interface DialogueDeps {
  spaces: SpacesRepository;
  threads: ThreadsRepository;
  posting: PostingRepository;
  themeKeys(): Promise<readonly string[]>;
  clock: () => Date;
  publicUrl: string;
  /** Search documents and cached pages follow a change. */
  contentChanged(): Promise<void>;
  /** Starts watching a thread: those one starts or replies to are watched by themselves. */
  watchThread(userId: string, threadId: string): Promise<void>;
  /** Tells the people a shown post mentions. */
  mentions(
    threadId: string,
    post: { authorId: string; authorName: string; body: string; position: number },
  ): Promise<void>;
  itemCards: ItemCards;
  /** The files attached to these posts, by post. */
  filesOf(postIds: readonly string[]): Promise<ReadonlyMap<string, readonly Attachment[]>>;
}

/** A Knowledge Centre item a post links to, as the reader may read it. */
export interface ItemCard {
  slug: string;
  section: string;
  title: string;
  summary: string;
  locale: string;
}

/** The readable items of these slugs, in the reader's language where translated. */
export type ItemCards = (
  viewer: Viewer,
  slugs: readonly string[],
  locale: string,
) => Promise<readonly ItemCard[]>;

/** The slugs of Knowledge Centre items a post's Markdown links to (this site's addresses). */
export function linkedItems(body: string, publicUrl: string): string[] {
  const site = publicUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `(?:${site}|\\]\\(|\\s|^)/[a-z]{2}(?:-[A-Za-z]+)?/knowledge/[a-z-]+/([a-z0-9-]+)`,
    'gm',
  );
  return [...new Set([...body.matchAll(pattern)].map((match) => match[1] ?? ''))].filter(Boolean);
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Links in a post's Markdown: written ones and bare addresses alike. */
const linksIn = (body: string): number => (body.match(/https?:\/\/|www\./gi) ?? []).length;

/** One page of a thread as its reader sees it. */
export interface ThreadPage {
  space: Space;
  thread: Thread;
  posts: Post[];
  /** The reply that answered it, shown under the question. */
  answer: Post | null;
  page: number;
  pages: number;
  /** The Knowledge Centre items each post links to (by post id), as cards. */
  cards: ReadonlyMap<string, readonly ItemCard[]>;
  /** The files attached to each post (by post id). */
  files: ReadonlyMap<string, readonly Attachment[]>;
}

export function createDialogueService(deps: DialogueDeps) {
  const { spaces, threads, posting, clock } = deps;

  /** Whether the person may post now, and whether their post waits for approval. */
  async function standing(
    viewer: SignedInViewer,
    space: Space,
    body: string,
  ): Promise<{ ok: true; state: PostState } | { ok: false; errors: FieldErrors }> {
    if (space.moderated) return { ok: true, state: 'shown' };
    const now = clock();
    const record = await posting.standing(viewer.id, new Date(now.getTime() - HOUR_MS));
    if (record.suspendedUntil && record.suspendedUntil > now)
      return { ok: false, errors: { body: 'dialogue.errors.suspended' } };
    const member = canSeeMembersLayer(viewer);
    const young = now.getTime() - record.createdAt.getTime() < NEW_ACCOUNT_DAYS * DAY_MS;
    const limited = young || !member;
    if (record.recentPosts >= (limited ? NEW_POSTS_PER_HOUR : POSTS_PER_HOUR))
      return { ok: false, errors: { body: 'dialogue.errors.tooMany' } };
    if (limited && linksIn(body) > NEW_LINKS_PER_POST)
      return { ok: false, errors: { body: 'dialogue.errors.tooManyLinks' } };
    if (await posting.isDuplicate(viewer.id, body, new Date(now.getTime() - DAY_MS)))
      return { ok: false, errors: { body: 'dialogue.errors.duplicate' } };
    // A person outside the network's members waits for a moderator until one post is approved.
    return { ok: true, state: !member && record.approvedPosts === 0 ? 'held' : 'shown' };
  }

  /** True when the viewer may write in the space (and thread) now. */
  const canWrite = (viewer: Viewer, space: Space, thread?: Thread): boolean =>
    viewer.kind === 'user' && (space.moderated || (!space.archived && !(thread?.locked ?? false)));

  return {
    canWrite,
    spaces: (viewer: Viewer) => spaces.list(viewer),
    space: (viewer: Viewer, slug: string) => spaces.find(viewer, slug),
    threads: (viewer: Viewer, spaceId: string, filter: ThreadFilter, page: number) =>
      threads.list(viewer, spaceId, filter, page),
    active: (viewer: Viewer, limit: number) => threads.active(viewer, limit),
    /**
     * The space and thread an address names (`/dialogue/<space>/<number>`), as the viewer may
     * read them; null for anything else. Reads the thread alone, not a page of its posts.
     */
    async locate(
      viewer: Viewer,
      spaceSlug: string,
      number: string,
    ): Promise<{ space: Space; thread: Thread } | null> {
      if (!/^[1-9]\d{0,8}$/.test(number)) return null;
      const space = await spaces.find(viewer, spaceSlug);
      if (!space || space === 'hidden') return null;
      const thread = await threads.find(viewer, space.slug, Number(number));
      return thread ? { space, thread } : null;
    },

    /**
     * A page of a thread (or the page holding post number `position`); null when the viewer
     * may not read it. A signed-in reader's place moves to the last post of the page.
     */
    async threadPage(
      viewer: Viewer,
      space: Space,
      number: number,
      at: { page?: number; position?: number },
      locale = space.locale,
    ): Promise<ThreadPage | null> {
      const thread = await threads.find(viewer, space.slug, number);
      if (!thread) return null;
      const pages = pageOfPosition(thread.lastPosition);
      const page = Math.min(pages, at.position ? pageOfPosition(at.position) : (at.page ?? 1));
      const from = (page - 1) * POSTS_PAGE_SIZE + 1;
      const [posts, answer] = await Promise.all([
        threads.posts(viewer, thread.id, from, from + POSTS_PAGE_SIZE - 1),
        thread.answerPostId ? threads.shownPost(thread.id, thread.answerPostId) : null,
      ]);
      const last = posts.at(-1);
      if (viewer.kind === 'user' && last)
        await threads.markRead(viewer.id, thread.id, last.position);
      const linked = new Map(
        posts.map((post) => [post.id, linkedItems(post.body ?? '', deps.publicUrl)]),
      );
      const found = await deps.itemCards(viewer, [...new Set([...linked.values()].flat())], locale);
      const bySlug = new Map(found.map((card) => [card.slug, card]));
      const cards = new Map(
        [...linked].map(([id, slugs]) => [id, slugs.flatMap((slug) => bySlug.get(slug) ?? [])]),
      );
      const files = await deps.filesOf(posts.map((post) => post.id));
      return { space, thread, posts, answer, page, pages, cards, files };
    },

    /** Opens a thread in a space; its number, or the form's errors. */
    async startThread(
      viewer: SignedInViewer,
      space: Space,
      form: unknown,
    ): Promise<FormResult<{ number: number; held: boolean }>> {
      const parsed = validateForm(threadFormSchema, form);
      if (!parsed.ok) return parsed;
      const { title, body, theme } = parsed.value;
      if (theme !== '' && !(await deps.themeKeys()).includes(theme))
        return { ok: false, errors: { theme: 'dialogue.errors.theme' } };
      if (!canWrite(viewer, space))
        return { ok: false, errors: { body: 'dialogue.errors.closed' } };
      const allowed = await standing(viewer, space, body);
      if (!allowed.ok) return allowed;
      const created = await posting.createThread({
        spaceId: space.id,
        authorId: viewer.id,
        title,
        locale: space.locale,
        theme: theme || space.theme,
        body,
        state: allowed.state,
      });
      await deps.watchThread(viewer.id, created.id);
      if (allowed.state === 'shown') {
        await deps.contentChanged();
        await deps.mentions(created.id, {
          authorId: viewer.id,
          authorName: viewer.name,
          body,
          position: 1,
        });
      }
      return { ok: true, number: created.number, held: allowed.state === 'held' };
    },

    /** Replies at the end of a thread; the new post's number, or the form's errors. */
    async reply(
      viewer: SignedInViewer,
      space: Space,
      thread: Thread,
      form: unknown,
    ): Promise<FormResult<{ position: number; held: boolean }>> {
      const parsed = validateForm(replyFormSchema, form);
      if (!parsed.ok) return parsed;
      if (!canWrite(viewer, space, thread))
        return { ok: false, errors: { body: 'dialogue.errors.closed' } };
      const allowed = await standing(viewer, space, parsed.value.body);
      if (!allowed.ok) return allowed;
      const added = await posting.reply(thread.id, viewer.id, parsed.value.body, allowed.state);
      await deps.watchThread(viewer.id, thread.id);
      if (allowed.state === 'shown') {
        await deps.contentChanged();
        await deps.mentions(thread.id, {
          authorId: viewer.id,
          authorName: viewer.name,
          body: parsed.value.body,
          position: added.position,
        });
      }
      return { ok: true, position: added.position, held: allowed.state === 'held' };
    },

    /** The number of a post in a thread, or null when it is not one of its posts. */
    async postNumber(thread: Thread, postId: string): Promise<number | null> {
      if (!/^[0-9a-f-]{36}$/.test(postId)) return null;
      const post = await posting.post(postId);
      return post && post.threadId === thread.id ? post.position : null;
    },

    /** A post of the thread that its author (or a moderator) may change; else null. */
    async ownPost(viewer: SignedInViewer, thread: Thread, postId: string) {
      const post = await posting.post(postId);
      if (!post || post.threadId !== thread.id || post.state === 'deleted') return null;
      return post.authorId === viewer.id || thread.moderated ? post : null;
    },

    /** Rewrites a post (an opening post's title too), keeping its earlier wording. */
    async edit(
      viewer: SignedInViewer,
      space: Space,
      thread: Thread,
      postId: string,
      form: unknown,
    ): Promise<FormResult<{ position: number }> | null> {
      const post = await this.ownPost(viewer, thread, postId);
      if (!post) return null;
      // The message, and the title of an opening post: every problem told at once.
      const parsed = validateForm(editFormSchema, form);
      const titled =
        post.position === 1 ? validateForm(threadFormSchema.pick({ title: true }), form) : null;
      if (!parsed.ok || titled?.ok === false)
        return {
          ok: false,
          errors: {
            ...(parsed.ok ? {} : parsed.errors),
            ...(titled?.ok === false ? titled.errors : {}),
          },
        };
      const title = titled?.ok ? titled.value.title : null;
      if (!canWrite(viewer, space, thread))
        return { ok: false, errors: { body: 'dialogue.errors.closed' } };
      await posting.edit(post.id, viewer.id, parsed.value.body, title);
      await deps.contentChanged();
      return { ok: true, position: post.position };
    },

    /** The author deletes their post ("deleted by its author"); false when it is not theirs. */
    async deleteOwn(viewer: SignedInViewer, thread: Thread, postId: string): Promise<boolean> {
      const post = await posting.post(postId);
      if (!post || post.threadId !== thread.id || post.authorId !== viewer.id) return false;
      if (post.state === 'deleted') return true;
      await posting.deleteByAuthor(post.id, thread.id);
      await deps.contentChanged();
      return true;
    },

    /**
     * Marks the reply that answered the thread (or none, with null): by the thread's author or
     * a moderator, of a shown reply. False when not allowed.
     */
    async markAnswer(
      viewer: SignedInViewer,
      thread: Thread,
      postId: string | null,
    ): Promise<boolean> {
      if (thread.authorId !== viewer.id && !thread.moderated) return false;
      if (postId !== null) {
        const post = await posting.post(postId);
        if (!post || post.threadId !== thread.id || post.position === 1 || post.state !== 'shown')
          return false;
      }
      await posting.setAnswer(thread.id, postId);
      await deps.contentChanged();
      return true;
    },
  };
}

export type DialogueService = ReturnType<typeof createDialogueService>;
