/**
 * The Knowledge Centre's items: every kind of knowledge the network holds (publications, good
 * practices, institutions…), each with translations, revisions, related items and attached files.
 * Their search documents are rows of the search feature's table (search.schema.ts).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { smallintArray, textArray, timestamps } from '../../platform/db/columns.js';
import { users, uuidKey } from '../access/access.schema.js';
import { accessLevel } from './knowledge.schema.js';

export const items = pgTable(
  'items',
  {
    id: uuidKey(),
    /** page, publication, resource, institution, practice, thematic-issue, news. */
    type: text('type').notNull(),
    /** The Knowledge Centre section the item is listed in. */
    section: text('section').notNull(),
    slug: text('slug').notNull(),
    access: accessLevel('access').notNull().default('public'),
    /** draft → review → published → archived. */
    status: text('status').notNull().default('draft'),
    /** When a published item becomes visible; in the future for scheduled publishing. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The date the item is about (a publication's date, a news item's day); lists sort on it. */
    date: date('date', { mode: 'string' }).notNull(),
    /** Language the item was written in; its translation there is the original. */
    originalLocale: text('original_locale').notNull(),
    /** Fields (of the translations) that only the members layer reads, e.g. "body", "results". */
    restrictedFields: textArray('restricted_fields'),
    /** Untranslated facts of the type: authors, publisher, address, city, kind of resource. */
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    themes: textArray('themes'),
    sdgs: smallintArray('sdgs'),
    /** SDG targets ("11.1"). */
    sdgTargets: textArray('sdg_targets'),
    /** UDHR articles (1–30). */
    rights: smallintArray('rights'),
    countries: textArray('countries'),
    /**
     * The languages the item has a translation in, kept by a trigger on item_translations
     * (migration 0019), so that lists filter by language from the index alone.
     */
    locales: textArray('locales'),
    /** Loaded by the initial content (src/seed), not written here: editors see it marked so. */
    seeded: boolean('seeded').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('items_slug_key').on(table.slug),
    index('items_section_idx').on(table.section, table.status, table.date),
    // items_list_idx (section, status, date) INCLUDE (access, published_at) lets lists count
    // from the index alone (migration 0016), and items_list_filters_idx, which also includes id
    // and the filtered arrays, lets filtered lists count and page from it (migration 0019);
    // made by hand, as Drizzle cannot declare INCLUDE.
    index('items_status_idx').on(table.status, table.updatedAt),
    // Published items not yet due, which the kept counts below include and lists must not.
    index('items_scheduled_idx')
      .on(table.publishedAt)
      .where(sql`status = 'published'`),
  ],
);

/**
 * How many published items each list holds, per section, facet value and access level, kept by
 * statement triggers on items (migration 0045), so that a list narrowed by one facet at most is
 * counted from here rather than anew. Facet '' (value '') is the whole section; the others are
 * type, theme, sdg, right, country, language and year. Items scheduled for later are counted too:
 * the lists subtract those not yet due (items_scheduled_idx).
 */
export const itemFacetCounts = pgTable(
  'item_facet_counts',
  {
    section: text('section').notNull(),
    facet: text('facet').notNull(),
    value: text('value').notNull(),
    access: accessLevel('access').notNull(),
    n: integer('n').notNull(),
  },
  (table) => [primaryKey({ columns: [table.section, table.facet, table.value, table.access] })],
);

/** A column naming an item; the row goes with its item. */
const itemRef = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => items.id, { onDelete: 'cascade' });

/** An item's text in one language. */
export const itemTranslations = pgTable(
  'item_translations',
  {
    itemId: itemRef('item_id'),
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Markdown. */
    body: text('body').notNull().default(''),
    /** The type's own Markdown fields (a practice's problem, approach, results…). */
    fields: jsonb('fields').$type<Record<string, string>>().notNull().default({}),
    /** original, reviewed or needs-review. */
    status: text('status').notNull().default('original'),
    ...timestamps(),
  },
  (table) => [primaryKey({ columns: [table.itemId, table.locale] })],
);

/** Every saved state of a translation, for the history, the diff and restore. */
export const itemRevisions = pgTable(
  'item_revisions',
  {
    id: uuidKey(),
    itemId: itemRef('item_id'),
    locale: text('locale').notNull(),
    /** 1, 2, 3… per item and language. */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('item_revisions_number_key').on(table.itemId, table.locale, table.number),
  ],
);

/** Related items, stored once per pair in both directions. */
export const itemRelations = pgTable(
  'item_relations',
  {
    itemId: itemRef('item_id'),
    relatedId: itemRef('related_id'),
  },
  (table) => [primaryKey({ columns: [table.itemId, table.relatedId] })],
);

/**
 * Files attached to an item (a publication's PDF, a guide's DOCX). The bytes are on disk under
 * storage_key (platform/files/file-store.ts); the type is the one found in the content. A file
 * of a public item may itself be for members only. Its text, read by a background job, is
 * searched with the lowest weight.
 */
export const itemFiles = pgTable(
  'item_files',
  {
    id: uuidKey(),
    itemId: itemRef('item_id'),
    /** Generated name on disk; never the uploader's file name. */
    storageKey: text('storage_key').notNull(),
    /** The uploader's file name, cleaned, offered on download. */
    fileName: text('file_name').notNull(),
    /** What readers see as the link text; the file name when empty. */
    title: text('title').notNull().default(''),
    /** Found in the content (file-type), one of platform/files ACCEPTED_TYPES. */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** The language the document is written in; its text is searched in that language. */
    locale: text('locale').notNull(),
    access: accessLevel('access').notNull().default('public'),
    /** pending → working → done | failed; none for images. */
    textStatus: text('text_status').notNull().default('pending'),
    /** Why the text could not be read (encrypted, unreadable, timeout, too-large). */
    textError: text('text_error'),
    /** The document's text, up to 500,000 characters. */
    text: text('text'),
    textStartedAt: timestamp('text_started_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('item_files_storage_key_key').on(table.storageKey),
    index('item_files_item_idx').on(table.itemId, table.createdAt),
    index('item_files_pending_idx')
      .on(table.createdAt)
      .where(sql`${table.textStatus} IN ('pending', 'working')`),
  ],
);
