/** Shapes of the initial content loaded from the network's own pages (see ../shared/seeds). */
import type { ItemAttribute, ItemSection, ItemType } from '../../features/knowledge/items.types.js';
import type { OrganisationView } from '../../features/members/index.js';

/** One entry of the useful-links directory. */
export interface SeedLink {
  /** The title exactly as the network's page gives it (whitespace trimmed). */
  title: string;
  /** The official address, only where it is well known and certain; otherwise null for an editor to complete. */
  url: string | null;
}

/** A group of the useful-links directory; groups nest (a group holds sub-groups or links or both). */
export interface SeedLinkGroup {
  /** Stable slug, unique across the whole directory, e.g. "sdg-16-peace-and-justice". */
  key: string;
  /** The group's heading exactly as the network's page gives it. */
  title: string;
  links: SeedLink[];
  groups: SeedLinkGroup[];
}

/**
 * An institution or associate member named by the seed: the profile's fields as the members
 * feature shows them, as the seed gives them (websites only where well known and certain, cities
 * with their WGS 84 position for the map, `membership` / `listedInstitution` as the seed lists
 * it), and a description.
 */
export interface SeedOrganisation extends Pick<
  OrganisationView,
  | 'slug'
  | 'name'
  | 'shortName'
  | 'kind'
  | 'membership'
  | 'listedInstitution'
  | 'country'
  | 'city'
  | 'latitude'
  | 'longitude'
  | 'website'
> {
  /** Two to four sentences in English, in the project's own words (never copied from the seed). Markdown. */
  description: string;
}

/** A page of initial content: Markdown in English, in the project's own words. */
export interface SeedPage {
  slug: string;
  title: string;
  summary: string;
  body: string;
}

/**
 * A Knowledge Centre item named by the seed: written in English, in the project's own words, with
 * only the facts the seed gives or that are certain (no invented author, date or address).
 */
export interface SeedItem {
  /** Stable, unique across items, e.g. "global-urban-justice". */
  slug: string;
  type: ItemType;
  section: ItemSection;
  /** The date the item is about, YYYY-MM-DD; the first of January when only the year is known. */
  date: string;
  title: string;
  /** One or two sentences, plain text. */
  summary: string;
  /** Markdown. */
  body: string;
  /** The type's untranslated facts (items.types.ts TYPE_ATTRIBUTES), only those that are certain. */
  attributes: Partial<Record<ItemAttribute, string>>;
  /** Theme keys of features/vocabularies/data/themes.ts. */
  themes: string[];
  /** Sustainable Development Goals, 1–17. */
  sdgs: number[];
  /** Articles of the Universal Declaration of Human Rights, 1–30. */
  rights: number[];
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
}

/**
 * A past event the seed names (the US human rights cities gatherings): only its year and city
 * are known, so it is shown with its year alone and in no calendar.
 */
export interface SeedEvent {
  slug: string;
  year: number;
  /** IANA time zone of the city. */
  timeZone: string;
  city: string;
  country: string;
  title: string;
  summary: string;
  /** Markdown; links to the Knowledge Centre's entry relative to the event's page. */
  description: string;
  themes: string[];
  sdgs: number[];
  rights: number[];
}
