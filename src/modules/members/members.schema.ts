/** Organisations of the network. Issue #3 adds membership life cycle, people and profiles. */
import { sql } from 'drizzle-orm';
import { timestamps } from '../../platform/db/columns.js';
import { boolean, doublePrecision, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { countries } from '../vocabularies/vocabularies.schema.js';

export const organisations = pgTable('organisations', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  /** One of OrganisationKind. */
  kind: text('kind').notNull(),
  associateMember: boolean('associate_member').notNull().default(false),
  listedInstitution: boolean('listed_institution').notNull().default(false),
  country: text('country').references(() => countries.code),
  city: text('city'),
  /** WGS 84 position of the city, for the map; null when unknown. */
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  website: text('website'),
  /** Markdown, English for now; translations come with issue #4. */
  description: text('description').notNull().default(''),
  ...timestamps(),
});
