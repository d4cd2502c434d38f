/** Knowledge Centre content. Issue #4 grows this into every content type; pages and links come first. */
import { timestamps } from '../../platform/db/columns.js';
import { uuidKey } from '../access/access.schema.js';
import {
  type AnyPgColumn,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** The two layers of information: every item is public or for network members. */
export const accessLevel = pgEnum('access_level', ['public', 'members']);

/** Editable pages: the network's own pages and the Knowledge Centre section introductions. */
export const pages = pgTable(
  'pages',
  {
    id: uuidKey(),
    slug: text('slug').notNull(),
    /** Language of this version (BCP 47). */
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Markdown, sanitised when rendered. */
    body: text('body').notNull().default(''),
    access: accessLevel('access').notNull().default('public'),
    ...timestamps(),
  },
  (table) => [uniqueIndex('pages_slug_locale_key').on(table.slug, table.locale)],
);

/** Groups of the useful-links directory; they nest. */
export const linkGroups = pgTable(
  'link_groups',
  {
    id: uuidKey(),
    key: text('key').notNull().unique(),
    parentId: uuid('parent_id').references((): AnyPgColumn => linkGroups.id, {
      onDelete: 'cascade',
    }),
    title: text('title').notNull(),
    position: integer('position').notNull(),
    access: accessLevel('access').notNull().default('public'),
  },
  (table) => [index('link_groups_parent_idx').on(table.parentId, table.position)],
);

/** Entries of the useful-links directory. A null url is an entry an editor has yet to complete. */
export const links = pgTable(
  'links',
  {
    id: uuidKey(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => linkGroups.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    url: text('url'),
    position: integer('position').notNull(),
    access: accessLevel('access').notNull().default('public'),
    /** Last link check: ok, redirected, broken, unreachable or blocked; null before the first. */
    checkState: text('check_state'),
    checkHttpStatus: integer('check_http_status'),
    /** Where a redirected link ends. */
    checkFinalUrl: text('check_final_url'),
    checkMessage: text('check_message'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [index('links_group_idx').on(table.groupId, table.position)],
);
