/**
 * Human rights profiles of the member cities: what each has committed to, where it stands on its
 * way, its indicators over the years, its good practices and the practices it took up from
 * others. An organisation's admins keep a working copy; editors review it, and only the copy they
 * approved is public (its members-only values for members only).
 */
import type { ProfileData } from './profile.js';
import {
  boolean,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/columns.js';
import { users, uuidKey } from '../access/access.schema.js';
import { organisations } from '../members/members.schema.js';

/**
 * Indicators cities report on: the network's shared list, kept by editors, and each city's own
 * (organisation set). Names and definitions by language.
 */
export const indicators = pgTable(
  'indicators',
  {
    id: uuidKey(),
    key: text('key').notNull(),
    /** The city whose own indicator it is; null for the shared list. */
    organisationId: uuid('organisation_id').references(() => organisations.id, {
      onDelete: 'cascade',
    }),
    names: jsonb('names').$type<Record<string, string>>().notNull(),
    definitions: jsonb('definitions').$type<Record<string, string>>().notNull().default({}),
    /** What a value counts: "%", "per 10,000 inhabitants", "EUR"… */
    unit: text('unit').notNull(),
    /** The SDG target it measures ("11.1"), if any. */
    sdgTarget: text('sdg_target'),
    /** The UDHR article of the right it measures (1–30), if any. */
    udhrArticle: smallint('udhr_article'),
    /** Where values usually come from. */
    source: text('source').notNull().default(''),
    /** Whether a higher value is better; null when neither. */
    higherIsBetter: boolean('higher_is_better'),
    position: integer('position').notNull().default(0),
    ...timestamps(),
  },
  (table) => [uniqueIndex('indicators_key_key').on(table.key)],
);

/** A member city's profile: the admins' working copy and the copy editors approved. */
export const cityProfiles = pgTable('city_profiles', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  draft: jsonb('draft').$type<ProfileData>().notNull(),
  /** What readers see: the last copy an editor approved; null until then. */
  published: jsonb('published').$type<ProfileData>(),
  /** draft (being written) or submitted (waiting for an editor). */
  status: text('status').notNull().default('draft'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
  /** The editor's words when they asked for changes. */
  reviewNote: text('review_note').notNull().default(''),
  ...timestamps(),
});
