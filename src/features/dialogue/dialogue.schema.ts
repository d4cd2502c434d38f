/**
 * Inter-city dialogue: spaces (public, for members, or a working group of chosen organisations),
 * their threads, and the posts of each thread (the first one is the question or opening). Every
 * read goes through dialogue.visibility.ts, which decides in SQL who reads which space.
 * A post outlives its author's account (author_id set null: "a former member").
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { textArray, timestamps } from '../../platform/db/columns.js';
import { personRef, users, uuidKey } from '../access/access.schema.js';

const authorRef = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });

export const dialogueSpaces = pgTable(
  'dialogue_spaces',
  {
    id: uuidKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** Markdown: what the space is for. */
    description: text('description').notNull().default(''),
    /** The language the name and description are written in. */
    locale: text('locale').notNull(),
    /** The languages people write in here (BCP 47). */
    languages: textArray('languages'),
    /** One of SPACE_AUDIENCES: public (anyone reads), members, or group (chosen organisations). */
    audience: text('audience').notNull().default('members'),
    /** The organisations of a working group, whose people read and write in it. */
    organisations: uuid('organisations')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** A theme key it is about, when it is about one. */
    theme: text('theme'),
    /** The event it discusses, before and after (a site path without locale), when any. */
    eventSlug: text('event_slug'),
    /** The Knowledge Centre item it discusses (its site path without locale), when any. */
    itemPath: text('item_path'),
    /** Threads appear and replies are open; an archived space is read only. */
    archived: boolean('archived').notNull().default(false),
    ...timestamps(),
  },
  (table) => [
    check(
      'dialogue_spaces_audience_known',
      sql`${table.audience} IN ('public', 'members', 'group')`,
    ),
  ],
);

export const dialogueThreads = pgTable(
  'dialogue_threads',
  {
    id: uuidKey(),
    /** Its number in addresses: /dialogue/<space>/<number>. */
    number: integer('number').generatedAlwaysAsIdentity().notNull().unique(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => dialogueSpaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    authorId: authorRef('author_id'),
    /** The language of its title and opening post. */
    locale: text('locale').notNull(),
    theme: text('theme'),
    /** The reply that answered it, shown under the question. */
    answerPostId: uuid('answer_post_id'),
    pinned: boolean('pinned').notNull().default(false),
    /** No more replies (a moderator's decision). */
    locked: boolean('locked').notNull().default(false),
    /** The last shown post's time: lists order by it. */
    lastPostedAt: timestamp('last_posted_at', { withTimezone: true }).notNull().defaultNow(),
    /** Shown replies, kept with each change of a post's state. */
    replyCount: integer('reply_count').notNull().default(0),
    /**
     * Listed to every reader of its space: its opening post is shown (or deleted by its author),
     * not held or hidden. Kept with each change of that post, so lists need not join it.
     */
    listed: boolean('listed').notNull().default(true),
    ...timestamps(),
  },
  (table) => [
    // A space's list in its order (pinned first, latest activity), read from the index.
    index('dialogue_threads_list_idx').on(
      table.spaceId,
      table.pinned.desc(),
      table.lastPostedAt.desc(),
      table.number.desc(),
    ),
    // The latest discussions across spaces.
    index('dialogue_threads_active_idx').on(table.lastPostedAt.desc()),
  ],
);

export const dialoguePosts = pgTable(
  'dialogue_posts',
  {
    id: uuidKey(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => dialogueThreads.id, { onDelete: 'cascade' }),
    /** Its place in the thread, from 1 (the opening post). */
    position: integer('position').notNull(),
    authorId: authorRef('author_id'),
    /** Markdown, rendered through the one sanitiser. */
    body: text('body').notNull(),
    /**
     * One of POST_STATES: shown; held (a new account's first posts, waiting for approval);
     * hidden (by moderation, pending review or with a reason told to the author); deleted (by
     * its author: "deleted by its author").
     */
    state: text('state').notNull().default('shown'),
    /** Why a moderator hid it, as its author was told. */
    hiddenReason: text('hidden_reason').notNull().default(''),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('dialogue_posts_position_idx').on(table.threadId, table.position),
    index('dialogue_posts_state_idx')
      .on(table.state)
      .where(sql`${table.state} IN ('held', 'hidden')`),
    index('dialogue_posts_author_idx').on(table.authorId, table.createdAt),
    check(
      'dialogue_posts_state_known',
      sql`${table.state} IN ('shown', 'held', 'hidden', 'deleted')`,
    ),
  ],
);

/** Earlier wordings of an edited post, for moderators. */
export const dialoguePostRevisions = pgTable(
  'dialogue_post_revisions',
  {
    id: uuidKey(),
    postId: uuid('post_id')
      .notNull()
      .references(() => dialoguePosts.id, { onDelete: 'cascade' }),
    /** The wording before the edit. */
    body: text('body').notNull(),
    editorId: authorRef('editor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('dialogue_post_revisions_post_idx').on(table.postId, table.createdAt)],
);

/** A reader's flag on a post; one per person and post. */
export const dialogueFlags = pgTable(
  'dialogue_flags',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => dialoguePosts.id, { onDelete: 'cascade' }),
    userId: personRef('user_id'),
    /** One of FLAG_REASONS: spam, off-topic, abusive, other. */
    reason: text('reason').notNull(),
    note: text('note').notNull().default(''),
    /** Set when a moderator decided on the post: the flag no longer counts. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.postId, table.userId] })],
);

/** How far a signed-in person has read a thread: the unread marker. */
export const dialogueReads = pgTable(
  'dialogue_reads',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => dialogueThreads.id, { onDelete: 'cascade' }),
    userId: personRef('user_id'),
    /** The highest position read. */
    position: integer('position').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.threadId, table.userId] })],
);

/** A person kept from posting until a date (a moderator's decision), with the reason told. */
export const dialogueSuspensions = pgTable('dialogue_suspensions', {
  userId: personRef('user_id').primaryKey(),
  until: timestamp('until', { withTimezone: true }).notNull(),
  reason: text('reason').notNull(),
  byId: authorRef('by_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A person watching a thread, or a whole space: new replies reach them by e-mail. The link to
 * stop (and the address to reply to) carry a signature of the watch's id, so nothing secret is
 * stored.
 */
export const dialogueWatches = pgTable(
  'dialogue_watches',
  {
    id: uuidKey(),
    userId: personRef('user_id'),
    threadId: uuid('thread_id').references(() => dialogueThreads.id, { onDelete: 'cascade' }),
    spaceId: uuid('space_id').references(() => dialogueSpaces.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('dialogue_watches_thread_idx')
      .on(table.userId, table.threadId)
      .where(sql`${table.threadId} IS NOT NULL`),
    uniqueIndex('dialogue_watches_space_idx')
      .on(table.userId, table.spaceId)
      .where(sql`${table.spaceId} IS NOT NULL`),
    index('dialogue_watches_space_thread_idx').on(table.spaceId),
    check(
      'dialogue_watches_one_target',
      sql`(${table.threadId} IS NULL) <> (${table.spaceId} IS NULL)`,
    ),
  ],
);

/** What a person was last told of a thread: up to which post, and when (one message an hour). */
export const dialogueDeliveries = pgTable(
  'dialogue_deliveries',
  {
    userId: personRef('user_id'),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => dialogueThreads.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.threadId] })],
);

/** People an editor appointed to moderate one space (editors moderate every space). */
export const dialogueSpaceModerators = pgTable(
  'dialogue_space_moderators',
  {
    spaceId: uuid('space_id')
      .notNull()
      .references(() => dialogueSpaces.id, { onDelete: 'cascade' }),
    userId: personRef('user_id'),
  },
  (table) => [
    primaryKey({ columns: [table.spaceId, table.userId] }),
    index('dialogue_space_moderators_user_idx').on(table.userId),
  ],
);

/** A file attached to a post (PDF, office document or image, recognised by its content). */
export const dialogueAttachments = pgTable(
  'dialogue_attachments',
  {
    id: uuidKey(),
    postId: uuid('post_id')
      .notNull()
      .references(() => dialoguePosts.id, { onDelete: 'cascade' }),
    /** The name it had on the uploader's machine, cleaned; shown and used on download. */
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Where the file store keeps it (a generated key, never the name). */
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('dialogue_attachments_post_idx').on(table.postId)],
);
