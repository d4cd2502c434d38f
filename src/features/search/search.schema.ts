/**
 * What the site search reads: one table of documents for every kind of content, each row for one
 * layer ('public' or 'members') and one language. A viewer searches one layer only, so the layer
 * filter is one equality that every index starts with.
 *
 * The Knowledge Centre's items (kind 'item', up to a million rows) are written by their editorial
 * repository with every change and carry the facets (type, themes, SDGs, countries, year) that the
 * faceted block reads. Every other kind (pages, useful links, organisations, answers…) is written
 * by the search index (search-index.ts) from its kind's `search.documents` read as a visitor and
 * as a member.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { smallintArray, textArray, tsvector } from '../../platform/db/columns.js';
import { items } from '../knowledge/items.schema.js';

/**
 * One row per entry, language and layer. An item's "public" row (public items only) leaves
 * restricted fields out; its "members" row holds everything. One small vector per row keeps it
 * stored inline, so matching needs no TOAST reads.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    /** The kind's name: 'item', 'page', 'link', 'organisation', 'answer'… */
    kind: text('kind').notNull().default('item'),
    /** What names the entry within its kind (an item's id, a page's slug…). */
    key: text('key').notNull(),
    /** Items only: removed with their item. */
    itemId: uuid('item_id').references(() => items.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    /** 'public' or 'members': the layer whose readers search this row. */
    layer: text('layer').notNull(),
    /** An item's type; for other kinds, the kind's name. */
    type: text('type').notNull(),
    section: text('section'),
    slug: text('slug'),
    /** Items only: a scheduled item is found from then. */
    visibleFrom: timestamp('visible_from', { withTimezone: true }),
    date: date('date', { mode: 'string' }).notNull(),
    /** The date's year: search takes matches a year at a time, newest first. */
    year: integer('year')
      .notNull()
      .generatedAlwaysAs(sql`extract(year FROM date)::integer`),
    themes: textArray('themes'),
    sdgs: smallintArray('sdgs'),
    countries: textArray('countries'),
    title: text('title').notNull(),
    /** Other kinds: where a hit leads (a site path without locale, or an outside address). */
    url: text('url'),
    /** Other kinds: the text shown under a hit. */
    snippet: text('snippet'),
    vector: tsvector('vector').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.kind, table.key, table.locale, table.layer] }),
    check(
      'search_documents_item_check',
      sql`${table.kind} <> 'item' OR (${table.itemId} IS NOT NULL AND ${table.section} IS NOT NULL AND ${table.slug} IS NOT NULL AND ${table.visibleFrom} IS NOT NULL)`,
    ),
    // The items' indexes hold items only. One GIN index per layer, keyed by year and word
    // (btree_gin): a search reads only its layer's matches of one year at a time, so a word in one
    // item in ten reads the newest ~1,000 of its matches, not all 10,000 of them (decision 0011).
    index('search_documents_public_words_idx')
      .using('gin', table.year, table.type, table.vector)
      .where(sql`${table.layer} = 'public' AND ${table.kind} = 'item'`),
    index('search_documents_members_words_idx')
      .using('gin', table.year, table.type, table.vector)
      .where(sql`${table.layer} = 'members' AND ${table.kind} = 'item'`),
    index('search_documents_date_idx')
      .on(table.layer, table.date.desc(), table.itemId)
      .where(sql`${table.kind} = 'item'`),
    // A search narrowed to one type reads that type's rows newest first, not every row.
    index('search_documents_type_date_idx')
      .on(table.layer, table.type, table.date.desc(), table.itemId)
      .where(sql`${table.kind} = 'item'`),
    // The other kinds (hundreds of rows beside the items' many): read apart from the items, and
    // rewritten without touching the items' indexes.
    index('search_documents_others_idx')
      .on(table.layer, table.kind)
      .where(sql`${table.kind} <> 'item'`),
    index('search_documents_others_words_idx')
      .using('gin', table.vector)
      .where(sql`${table.kind} <> 'item'`),
  ],
);

/** Words of titles and summaries, for "did you mean" (trigram similarity). */
export const searchTerms = pgTable('search_terms', { word: text('word').primaryKey() }, (table) => [
  index('search_terms_trgm_idx').using('gin', table.word.op('gin_trgm_ops')),
]);
