/**
 * Monitoring: the outside sources editors watch (RSS, Atom and JSON feeds), the entries read from
 * them awaiting an editor's triage, and the trend notes editors attach to a theme. Nothing read
 * from outside reaches a reader until an editor publishes it.
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { textArray, timestamps } from '../../platform/db/columns.js';
import { users, uuidKey } from '../access/access.schema.js';
import { items } from '../knowledge/items.schema.js';
import { accessLevel } from '../knowledge/knowledge.schema.js';

/** A feed the network watches, polled politely on its own interval. */
export const watchSources = pgTable(
  'watch_sources',
  {
    id: uuidKey(),
    name: text('name').notNull(),
    feedUrl: text('feed_url').notNull(),
    /** The source's own site, shown beside its entries. */
    siteUrl: text('site_url').notNull().default(''),
    /** The language its entries are in when they do not say (BCP 47), or '' for unknown. */
    locale: text('locale').notNull().default(''),
    /** Themes every entry of the source is suggested for. */
    themes: textArray('themes'),
    intervalMinutes: integer('interval_minutes').notNull().default(360),
    /** Muted sources are not polled and their waiting entries leave the queue. */
    muted: timestamp('muted_at', { withTimezone: true }),
    etag: text('etag'),
    lastModified: text('last_modified'),
    nextPollAt: timestamp('next_poll_at', { withTimezone: true }).notNull().defaultNow(),
    lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    /** The date of the newest entry ever read: a source silent for long is reported. */
    lastEntryAt: timestamp('last_entry_at', { withTimezone: true }),
    /** Failed polls in a row; each one doubles the wait (back-off). */
    failures: integer('failures').notNull().default(0),
    lastError: text('last_error'),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('watch_sources_feed_url_key').on(table.feedUrl),
    index('watch_sources_due_idx')
      .on(table.nextPollAt)
      .where(sql`${table.muted} IS NULL`),
  ],
);

/** An entry read from a source, waiting for an editor (new) or decided. */
export const watchEntries = pgTable(
  'watch_entries',
  {
    id: uuidKey(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => watchSources.id, { onDelete: 'cascade' }),
    /** What makes it the same entry on the next poll: GUID, else address, else title. */
    dedupeKey: text('dedupe_key').notNull(),
    /** The normalised address, also compared: a feed that changes its GUIDs repeats nothing. */
    urlKey: text('url_key'),
    title: text('title').notNull(),
    url: text('url').notNull().default(''),
    /** Plain text, never the source's HTML. */
    summary: text('summary').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    locale: text('locale').notNull().default(''),
    suggestedThemes: textArray('suggested_themes'),
    /** new, published (as a news item), trend (a theme's trend note) or dismissed. */
    status: text('status').notNull().default('new'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    itemId: uuid('item_id').references(() => items.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('watch_entries_dedupe_key').on(table.sourceId, table.dedupeKey),
    index('watch_entries_url_idx').on(table.sourceId, table.urlKey),
    index('watch_entries_queue_idx').on(table.status, table.createdAt),
  ],
);

/** An editor's note on a development in the field, under a theme's trends and in the news. */
export const trendNotes = pgTable(
  'trend_notes',
  {
    id: uuidKey(),
    entryId: uuid('entry_id').references(() => watchEntries.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    /** The editor's words on why it matters (Markdown). */
    note: text('note').notNull(),
    /** Where it was read, and who published it there. */
    url: text('url').notNull(),
    sourceName: text('source_name').notNull(),
    locale: text('locale').notNull(),
    theme: text('theme').notNull(),
    countries: textArray('countries'),
    access: accessLevel('access').notNull().default('public'),
    date: timestamp('date', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (table) => [
    index('trend_notes_date_idx').on(table.date),
    index('trend_notes_theme_idx').on(table.theme, table.date),
  ],
);
