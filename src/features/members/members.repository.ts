/** The SQL of the network's organisations: their profiles, listings and status; the rest of the members module's SQL is composed in. */
import { and, arrayContains, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { slugify } from '../../platform/text/slugify.js';
import { canSeeMembersLayer, type Viewer } from '../access/index.js';
import { countries } from '../vocabularies/vocabularies.schema.js';
import { membershipEvents, organisationMembers, organisations } from './members.schema.js';
import { createApplicationsRepository } from './applications.repository.js';
import { createMembershipsRepository } from './memberships.repository.js';

export { slugify };

export const ORGANISATION_KINDS = [
  'municipality',
  'local-authority-association',
  'civil-society',
  'city-outside-eu',
  'institution',
  'academic',
  'international-organisation',
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * How an organisation belongs to the network (the seeds' "Who we are"): a guest member is a
 * reference European human rights city; associate members are every other kind; "none" is an
 * institution the Knowledge Centre lists as a resource (FRA, UCLG), not a member.
 */
export const MEMBERSHIPS = ['guest', 'associate', 'none'] as const;
export type Membership = (typeof MEMBERSHIPS)[number];

export const isMembership = (value: unknown): value is Membership =>
  (MEMBERSHIPS as readonly unknown[]).includes(value);

export interface OrganisationView {
  id: string;
  slug: string;
  name: string;
  shortName: string | null;
  kind: OrganisationKind;
  membership: Membership;
  listedInstitution: boolean;
  country: string | null;
  /** UN M49 region of the country. */
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  /** Markdown by language code. */
  descriptions: Record<string, string>;
  themes: string[];
  sdgs: number[];
  expertise: string[];
  /** The person to contact: members-only, null for anyone outside the members layer. */
  contact: OrganisationContact | null;
}

/** What an organisation's admins may change of its profile. */
export type OrganisationProfile = Pick<
  OrganisationView,
  | 'descriptions'
  | 'city'
  | 'country'
  | 'latitude'
  | 'longitude'
  | 'website'
  | 'themes'
  | 'sdgs'
  | 'expertise'
> & { contactName: string | null; contactEmail: string | null; contactPhone: string | null };

export interface OrganisationContact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** What the network pages can be filtered by; an empty filter lists every active organisation. */
export interface OrganisationFilter {
  kind?: OrganisationKind;
  country?: string;
  theme?: string;
  sdg?: number;
}

const columns = {
  id: organisations.id,
  slug: organisations.slug,
  name: organisations.name,
  shortName: organisations.shortName,
  kind: organisations.kind,
  membership: organisations.membership,
  listedInstitution: organisations.listedInstitution,
  country: organisations.country,
  region: countries.region,
  city: organisations.city,
  latitude: organisations.latitude,
  longitude: organisations.longitude,
  website: organisations.website,
  descriptions: organisations.descriptions,
  themes: organisations.themes,
  sdgs: organisations.sdgs,
  expertise: organisations.expertise,
};

/** The members-only columns, read only when the viewer may see them. */
const contactColumns = {
  contactName: organisations.contactName,
  contactEmail: organisations.contactEmail,
  contactPhone: organisations.contactPhone,
};

type Row = Omit<OrganisationView, 'kind' | 'membership' | 'contact'> & {
  kind: string;
  membership: string;
};

const asView = (row: Row, contact: OrganisationContact | null = null): OrganisationView => ({
  ...row,
  kind: (ORGANISATION_KINDS as readonly string[]).includes(row.kind)
    ? (row.kind as OrganisationKind)
    : 'civil-society',
  membership: isMembership(row.membership) ? row.membership : 'none',
  contact,
});

const filterConditions = (filter: OrganisationFilter) => [
  eq(organisations.status, 'active'),
  filter.kind ? eq(organisations.kind, filter.kind) : undefined,
  filter.country ? eq(organisations.country, filter.country) : undefined,
  filter.theme ? arrayContains(organisations.themes, [filter.theme]) : undefined,
  filter.sdg ? arrayContains(organisations.sdgs, [filter.sdg]) : undefined,
];

export function createMembersRepository(db: Db) {
  return {
    /**
     * Active organisations matching the filter. Profiles are public; the members-only contact is
     * never part of a list.
     */
    async listOrganisations(
      _viewer: Viewer,
      filter: OrganisationFilter = {},
    ): Promise<OrganisationView[]> {
      const rows = await db
        .select(columns)
        .from(organisations)
        .leftJoin(countries, eq(countries.code, organisations.country))
        .where(and(...filterConditions(filter)))
        .orderBy(asc(organisations.name));
      return rows.map((row) => asView(row));
    },

    /** An active organisation's page; the contact only for viewers in the members layer. */
    async findOrganisation(viewer: Viewer, slug: string): Promise<OrganisationView | null> {
      const [row] = await db
        .select({ ...columns, ...contactColumns })
        .from(organisations)
        .leftJoin(countries, eq(countries.code, organisations.country))
        .where(and(eq(organisations.slug, slug), eq(organisations.status, 'active')));
      if (!row) return null;
      const { contactName, contactEmail, contactPhone, ...rest } = row;
      const contact =
        canSeeMembersLayer(viewer) && (contactName || contactEmail || contactPhone)
          ? { name: contactName, email: contactEmail, phone: contactPhone }
          : null;
      return asView(rest, contact);
    },

    /** Any organisation with every field, for the people allowed to edit it. */
    async organisationForEditing(id: string) {
      const [row] = await db
        .select({ ...columns, ...contactColumns, status: organisations.status })
        .from(organisations)
        .leftJoin(countries, eq(countries.code, organisations.country))
        .where(eq(organisations.id, id));
      return row ? { ...row, kind: asView(row).kind } : null;
    },

    async findOrganisationIdBySlug(slug: string): Promise<string | null> {
      const [row] = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.slug, slug));
      return row?.id ?? null;
    },

    async updateProfile(id: string, profile: OrganisationProfile, at: Date): Promise<void> {
      await db
        .update(organisations)
        .set({ ...profile, updatedAt: at })
        .where(eq(organisations.id, id));
    },

    /** Every organisation whatever its status, for administrators. */
    async allOrganisations() {
      return db
        .select({
          id: organisations.id,
          slug: organisations.slug,
          name: organisations.name,
          kind: organisations.kind,
          membership: organisations.membership,
          country: organisations.country,
          status: organisations.status,
          members: sql<number>`(SELECT count(*)::int FROM ${organisationMembers} m WHERE m.organisation_id = ${organisations.id})`,
        })
        .from(organisations)
        .orderBy(asc(organisations.name));
    },

    /** Changes an organisation's membership status and records it; null if it was already so. */
    async changeStatus(change: {
      organisationId: string;
      toStatus: string;
      actorId: string;
      reason: string | null;
      at: Date;
    }): Promise<{ fromStatus: string; name: string } | null> {
      return db.transaction(async (tx) => {
        const [organisation] = await tx
          .select({ status: organisations.status, name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, change.organisationId))
          .for('update');
        if (!organisation || organisation.status === change.toStatus) return null;
        await tx
          .update(organisations)
          .set({ status: change.toStatus, updatedAt: change.at })
          .where(eq(organisations.id, change.organisationId));
        await tx.insert(membershipEvents).values({
          organisationId: change.organisationId,
          fromStatus: organisation.status,
          toStatus: change.toStatus,
          at: change.at,
          actorId: change.actorId,
          reason: change.reason,
        });
        return { fromStatus: organisation.status, name: organisation.name };
      });
    },

    /** Sets an organisation's kind and membership; null when there is no such organisation. */
    async changeClass(change: {
      organisationId: string;
      kind: OrganisationKind;
      membership: Membership;
      at: Date;
    }): Promise<{ name: string } | null> {
      const [row] = await db
        .update(organisations)
        .set({ kind: change.kind, membership: change.membership, updatedAt: change.at })
        .where(eq(organisations.id, change.organisationId))
        .returning({ name: organisations.name });
      return row ?? null;
    },

    async membershipHistory(organisationId: string) {
      return db
        .select()
        .from(membershipEvents)
        .where(eq(membershipEvents.organisationId, organisationId))
        .orderBy(asc(membershipEvents.at));
    },
    ...createMembershipsRepository(db),
    ...createApplicationsRepository(db),
  };
}

export type MembersRepository = ReturnType<typeof createMembersRepository>;
