/**
 * Following: what a person follows (a topic: a theme, an SDG, an organisation…), what is new for
 * them (notifications, kept 90 days, read or not), how often they want it by e-mail per kind of
 * news, and the digests sent (one row per person, cadence and period: the idempotency key).
 * Notifications hold references only (kind and key of an entry): every reading of them goes
 * through the content contract as the person at that moment.
 */
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { personRef, uuidKey } from '../access/access.schema.js';

/** One thing a person follows, as a topic: "theme:housing", "sdg:11", "organisation:graz". */
export const follows = pgTable(
  'follows',
  {
    id: uuidKey(),
    userId: personRef('user_id'),
    topic: text('topic').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('follows_user_topic_key').on(table.userId, table.topic),
    index('follows_topic_idx').on(table.topic),
  ],
);

/**
 * Something new for a person: an entry of a kind of content (kind and key, read again as the
 * person whenever it is shown or mailed) in what they follow, or a notice that concerns them
 * (a mention, an answer, a decision), whose words are a message of the catalogue.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuidKey(),
    userId: personRef('user_id'),
    /** The kind of news, each with its own cadence: a content kind's category, or "concerns". */
    category: text('category').notNull(),
    /** The content kind and key of the entry, when it is one. */
    entryKind: text('entry_kind'),
    entryKey: text('entry_key'),
    /** What followed brought it ("theme:housing"); null for what concerns the person. */
    topic: text('topic'),
    /** A notice's message key and values, and the site path it leads to. */
    message: text('message'),
    values: jsonb('values').$type<Record<string, string>>(),
    path: text('path'),
    /** False when another message tells of it already (a watched thread's own e-mail). */
    mailable: integer('mailable').notNull().default(1),
    /**
     * The cadence its person wants for its category, copied when it is written and when they
     * change it: the digest run finds who is due by an index, without reading preferences.
     */
    cadence: text('cadence').notNull().default('daily'),
    /** When it was last new (a thread with new replies is new again). */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** When a digest told of it (or it was left out of every digest: "never"). */
    digestedAt: timestamp('digested_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('notifications_entry_key').on(table.userId, table.entryKind, table.entryKey),
    index('notifications_user_idx').on(table.userId, table.createdAt),
    index('notifications_due_idx')
      .on(table.cadence, table.userId)
      .where(sql`${table.digestedAt} IS NULL AND ${table.mailable} = 1`),
    index('notifications_created_idx').on(table.createdAt),
  ],
);

/** How often a person wants each kind of news by e-mail; no row: the default (daily). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: personRef('user_id'),
    category: text('category').notNull(),
    /** 'hourly' | 'daily' | 'weekly' | 'never'. */
    cadence: text('cadence').notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.category] })],
);

/**
 * The digests: one per person, cadence and period. Claimed ('sending') before the message goes
 * and marked 'sent' after, so a run that stops half-way resumes with those not yet sent and
 * sends nobody's twice; a claim older than the lease is taken again, with the same Message-ID.
 */
export const digestRuns = pgTable(
  'digest_runs',
  {
    userId: personRef('user_id'),
    cadence: text('cadence').notNull(),
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    /** 'sending' | 'sent' | 'empty' (nothing left the person may read). */
    status: text('status').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    entries: integer('entries').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.cadence, table.periodStart] }),
    index('digest_runs_period_idx').on(table.cadence, table.periodStart, table.status),
  ],
);

/** How far each content kind's news has been matched with followers. */
export const followCursors = pgTable('follow_cursors', {
  kind: text('kind').primaryKey(),
  seenUntil: timestamp('seen_until', { withTimezone: true }).notNull(),
});
