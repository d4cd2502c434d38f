/** Shapes of the initial content loaded from the network's own pages (see ../shared/seeds). */
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
 * with their WGS 84 position for the map, `associateMember` / `listedInstitution` as the seed lists
 * it), and a description.
 */
export interface SeedOrganisation extends Pick<
  OrganisationView,
  | 'slug'
  | 'name'
  | 'shortName'
  | 'kind'
  | 'associateMember'
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
