/** All SQL of the members module. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Viewer } from '../access/index.js';
import { countries } from '../vocabularies/vocabularies.schema.js';
import { organisations } from './members.schema.js';

export const ORGANISATION_KINDS = [
  'guest-city',
  'municipality',
  'local-authority-association',
  'civil-society',
  'city-outside-eu',
  'institution',
  'academic',
  'international-organisation',
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface OrganisationView {
  slug: string;
  name: string;
  shortName: string | null;
  kind: OrganisationKind;
  associateMember: boolean;
  listedInstitution: boolean;
  country: string | null;
  /** UN M49 region of the country. */
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  description: string;
}

const columns = {
  slug: organisations.slug,
  name: organisations.name,
  shortName: organisations.shortName,
  kind: organisations.kind,
  associateMember: organisations.associateMember,
  listedInstitution: organisations.listedInstitution,
  country: organisations.country,
  region: countries.region,
  city: organisations.city,
  latitude: organisations.latitude,
  longitude: organisations.longitude,
  website: organisations.website,
  description: organisations.description,
};

const asView = (row: Omit<OrganisationView, 'kind'> & { kind: string }): OrganisationView => ({
  ...row,
  kind: (ORGANISATION_KINDS as readonly string[]).includes(row.kind)
    ? (row.kind as OrganisationKind)
    : 'civil-society',
});

export function createMembersRepository(db: Db) {
  return {
    // Organisation profiles are public; the members-only contact fields come with issue #3 and
    // will be filtered here by the viewer.
    async listOrganisations(_viewer: Viewer): Promise<OrganisationView[]> {
      const rows = await db
        .select(columns)
        .from(organisations)
        .leftJoin(countries, eq(countries.code, organisations.country))
        .orderBy(asc(organisations.name));
      return rows.map(asView);
    },

    async findOrganisation(_viewer: Viewer, slug: string): Promise<OrganisationView | null> {
      const [row] = await db
        .select(columns)
        .from(organisations)
        .leftJoin(countries, eq(countries.code, organisations.country))
        .where(eq(organisations.slug, slug));
      return row ? asView(row) : null;
    },
  };
}

export type MembersRepository = ReturnType<typeof createMembersRepository>;
