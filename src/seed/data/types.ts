/** Shapes of the initial content loaded from the network's own pages (see ../shared/seeds). */
import type { OrganisationKind } from '../../features/members/index.js';

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

/** An institution or associate member named by the seed. */
export interface SeedOrganisation {
  /** Stable slug. */
  slug: string;
  /** Name as the seed gives it. */
  name: string;
  /** Short name or acronym, when the seed gives one. */
  shortName: string | null;
  kind: OrganisationKind;
  /** True when the seed lists it as an associate member of the network. */
  associateMember: boolean;
  /** True when the seed lists it under "Institutions and resources". */
  listedInstitution: boolean;
  /** ISO 3166-1 alpha-2 country of its seat, or null for international bodies without one clear seat. */
  country: string | null;
  city: string | null;
  /** Position of the city (WGS 84), for the map; null where the seed names no city. */
  latitude: number | null;
  longitude: number | null;
  /** Official website, only where well known and certain; else null. */
  website: string | null;
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
