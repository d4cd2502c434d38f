/** All SQL of the members module. */
import { and, arrayContains, asc, eq, gt, isNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { slugify } from '../../platform/text/slugify.js';
import { canSeeMembersLayer, type Membership, type Viewer } from '../access/index.js';
import { users } from '../access/access.schema.js';
import { countries } from '../vocabularies/vocabularies.schema.js';
import {
  applications,
  invitations,
  joinRequests,
  membershipEvents,
  organisationMembers,
  organisations,
} from './members.schema.js';

export { slugify };

/** Words after /network/ that are pages, not organisations. */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(['apply', 'people']);

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
  id: string;
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
  /** Markdown by language code. */
  descriptions: Record<string, string>;
  themes: string[];
  sdgs: number[];
  expertise: string[];
  /** The person to contact: members-only, null for anyone outside the members layer. */
  contact: OrganisationContact | null;
}

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
  associateMember: organisations.associateMember,
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

type Row = Omit<OrganisationView, 'kind' | 'contact'> & { kind: string };

const asView = (row: Row, contact: OrganisationContact | null = null): OrganisationView => ({
  ...row,
  kind: (ORGANISATION_KINDS as readonly string[]).includes(row.kind)
    ? (row.kind as OrganisationKind)
    : 'civil-society',
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

    async updateProfile(
      id: string,
      profile: {
        descriptions: Record<string, string>;
        city: string | null;
        country: string | null;
        latitude: number | null;
        longitude: number | null;
        website: string | null;
        themes: string[];
        sdgs: number[];
        expertise: string[];
        contactName: string | null;
        contactEmail: string | null;
        contactPhone: string | null;
      },
      at: Date,
    ): Promise<void> {
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

    /** The organisations a person belongs to, with their status, for their access. */
    async membershipsOf(userId: string): Promise<Membership[]> {
      const rows = await db
        .select({
          organisationId: organisationMembers.organisationId,
          role: organisationMembers.role,
          status: organisations.status,
        })
        .from(organisationMembers)
        .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
        .where(eq(organisationMembers.userId, userId));
      return rows.map((row) => ({
        organisationId: row.organisationId,
        role: row.role === 'admin' ? 'admin' : 'member',
        active: row.status === 'active',
      }));
    },

    /** The organisations a person belongs to, for their account page. */
    async organisationsOf(userId: string) {
      return db
        .select({
          id: organisations.id,
          slug: organisations.slug,
          name: organisations.name,
          status: organisations.status,
          role: organisationMembers.role,
        })
        .from(organisationMembers)
        .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
        .where(eq(organisationMembers.userId, userId))
        .orderBy(asc(organisations.name));
    },

    /** The people of an organisation, for its admins. */
    async peopleOf(organisationId: string) {
      return db
        .select({
          userId: users.id,
          name: users.name,
          email: users.email,
          locale: users.locale,
          role: organisationMembers.role,
          since: organisationMembers.createdAt,
        })
        .from(organisationMembers)
        .innerJoin(users, eq(users.id, organisationMembers.userId))
        .where(eq(organisationMembers.organisationId, organisationId))
        .orderBy(asc(users.name));
    },

    async removeMember(organisationId: string, userId: string): Promise<boolean> {
      const removed = await db
        .delete(organisationMembers)
        .where(
          and(
            eq(organisationMembers.organisationId, organisationId),
            eq(organisationMembers.userId, userId),
          ),
        )
        .returning({ userId: organisationMembers.userId });
      return removed.length > 0;
    },

    /** How a person stands with an organisation: one of its people, waiting to join, or neither. */
    async relationOf(userId: string, organisationId: string): Promise<'member' | 'asked' | null> {
      const [member] = await db
        .select({ role: organisationMembers.role })
        .from(organisationMembers)
        .where(
          and(
            eq(organisationMembers.organisationId, organisationId),
            eq(organisationMembers.userId, userId),
          ),
        );
      if (member) return 'member';
      const [request] = await db
        .select({ id: joinRequests.id })
        .from(joinRequests)
        .where(
          and(
            eq(joinRequests.organisationId, organisationId),
            eq(joinRequests.userId, userId),
            isNull(joinRequests.decision),
          ),
        );
      return request ? 'asked' : null;
    },

    /** A waiting request to join; false when the person already asked or belongs. */
    async createJoinRequest(organisationId: string, userId: string, message: string) {
      return db.transaction(async (tx) => {
        const [member] = await tx
          .select({ userId: organisationMembers.userId })
          .from(organisationMembers)
          .where(
            and(
              eq(organisationMembers.organisationId, organisationId),
              eq(organisationMembers.userId, userId),
            ),
          );
        if (member) return false;
        const created = await tx
          .insert(joinRequests)
          .values({ organisationId, userId, message })
          .onConflictDoNothing()
          .returning({ id: joinRequests.id });
        return created.length > 0;
      });
    },

    async pendingJoinRequests(organisationId: string) {
      return db
        .select({
          id: joinRequests.id,
          userId: users.id,
          name: users.name,
          email: users.email,
          locale: users.locale,
          message: joinRequests.message,
          createdAt: joinRequests.createdAt,
        })
        .from(joinRequests)
        .innerJoin(users, eq(users.id, joinRequests.userId))
        .where(and(eq(joinRequests.organisationId, organisationId), isNull(joinRequests.decision)))
        .orderBy(asc(joinRequests.createdAt));
    },

    /** Records the decision on a waiting request; accepting adds the person as a member. */
    async decideJoinRequest(decision: {
      id: string;
      organisationId: string;
      accept: boolean;
      actorId: string;
      at: Date;
    }) {
      return db.transaction(async (tx) => {
        const [request] = await tx
          .update(joinRequests)
          .set({
            decision: decision.accept ? 'accepted' : 'declined',
            decidedAt: decision.at,
            decidedBy: decision.actorId,
          })
          .where(
            and(
              eq(joinRequests.id, decision.id),
              eq(joinRequests.organisationId, decision.organisationId),
              isNull(joinRequests.decision),
            ),
          )
          .returning({ userId: joinRequests.userId });
        if (!request) return null;
        if (decision.accept) {
          await tx
            .insert(organisationMembers)
            .values({
              organisationId: decision.organisationId,
              userId: request.userId,
              role: 'member',
            })
            .onConflictDoNothing();
        }
        const [person] = await tx
          .select({ email: users.email, name: users.name, locale: users.locale, role: users.role })
          .from(users)
          .where(eq(users.id, request.userId));
        return person ? { userId: request.userId, ...person } : null;
      });
    },

    /** Records an application: a new organisation with the status "applicant", and its history. */
    async createApplication(application: {
      name: string;
      kind: string;
      country: string;
      city: string | null;
      website: string | null;
      motivation: string;
      contactName: string;
      contactEmail: string;
      locale: string;
    }): Promise<{ applicationId: string; organisationId: string }> {
      return db.transaction(async (tx) => {
        const slug0 = slugify(application.name) || 'organisation';
        // Addresses under /network/ that are pages of their own.
        const base = RESERVED_SLUGS.has(slug0) ? `${slug0}-organisation` : slug0;
        const taken = await tx
          .select({ slug: organisations.slug })
          .from(organisations)
          .where(like(organisations.slug, `${base}%`));
        const used = new Set(taken.map((row) => row.slug));
        let slug = base;
        for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
        const [organisation] = await tx
          .insert(organisations)
          .values({
            slug,
            name: application.name,
            kind: application.kind,
            status: 'applicant',
            associateMember: true,
            country: application.country,
            city: application.city,
            website: application.website,
          })
          .returning({ id: organisations.id });
        if (!organisation) throw new Error('organisation not created');
        const [created] = await tx
          .insert(applications)
          .values({
            organisationId: organisation.id,
            contactName: application.contactName,
            contactEmail: application.contactEmail,
            motivation: application.motivation,
            locale: application.locale,
          })
          .returning({ id: applications.id });
        await tx
          .insert(membershipEvents)
          .values({ organisationId: organisation.id, toStatus: 'applicant' });
        return { applicationId: created?.id ?? '', organisationId: organisation.id };
      });
    },

    /** Applications waiting for a decision (or for more information), oldest first. */
    async pendingApplications() {
      return db
        .select({
          id: applications.id,
          organisationId: organisations.id,
          organisation: organisations.name,
          kind: organisations.kind,
          country: organisations.country,
          city: organisations.city,
          website: organisations.website,
          contactName: applications.contactName,
          contactEmail: applications.contactEmail,
          motivation: applications.motivation,
          locale: applications.locale,
          submittedAt: applications.submittedAt,
          decision: applications.decision,
          reason: applications.reason,
        })
        .from(applications)
        .innerJoin(organisations, eq(organisations.id, applications.organisationId))
        .where(or(isNull(applications.decision), eq(applications.decision, 'more-information')))
        .orderBy(asc(applications.submittedAt));
    },

    /** Records a decision and the status change it brings, with its history. */
    async decide(decision: {
      applicationId: string;
      decision: 'approved' | 'rejected' | 'more-information';
      reason: string | null;
      actorId: string;
      at: Date;
    }) {
      return db.transaction(async (tx) => {
        const [application] = await tx
          .update(applications)
          .set({
            decision: decision.decision,
            reason: decision.reason,
            decidedAt: decision.at,
            decidedBy: decision.actorId,
          })
          .where(
            and(
              eq(applications.id, decision.applicationId),
              or(isNull(applications.decision), eq(applications.decision, 'more-information')),
            ),
          )
          .returning();
        if (!application) return null;
        const [organisation] = await tx
          .select({ id: organisations.id, name: organisations.name, status: organisations.status })
          .from(organisations)
          .where(eq(organisations.id, application.organisationId));
        if (!organisation) return null;
        const toStatus =
          decision.decision === 'approved'
            ? 'active'
            : decision.decision === 'rejected'
              ? 'rejected'
              : null;
        if (toStatus) {
          await tx
            .update(organisations)
            .set({ status: toStatus })
            .where(eq(organisations.id, organisation.id));
          await tx.insert(membershipEvents).values({
            organisationId: organisation.id,
            fromStatus: organisation.status,
            toStatus,
            at: decision.at,
            actorId: decision.actorId,
            reason: decision.reason,
          });
        }
        return { application, organisation };
      });
    },

    async createInvitation(invitation: {
      tokenHash: string;
      organisationId: string;
      email: string;
      role: 'admin' | 'member';
      locale: string;
      expiresAt: Date;
    }): Promise<void> {
      await db.insert(invitations).values(invitation);
    },

    /** The invitation if it can still be used, with its organisation's name. */
    async findUsableInvitation(tokenHash: string, now: Date) {
      const [row] = await db
        .select({
          organisationId: invitations.organisationId,
          organisation: organisations.name,
          email: invitations.email,
          role: invitations.role,
          locale: invitations.locale,
        })
        .from(invitations)
        .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
        .where(
          and(
            eq(invitations.tokenHash, tokenHash),
            isNull(invitations.usedAt),
            gt(invitations.expiresAt, now),
          ),
        );
      return row ?? null;
    },

    /** Uses up an invitation; false when it was used meanwhile. */
    async claimInvitation(tokenHash: string, now: Date): Promise<boolean> {
      const claimed = await db
        .update(invitations)
        .set({ usedAt: now })
        .where(
          and(
            eq(invitations.tokenHash, tokenHash),
            isNull(invitations.usedAt),
            gt(invitations.expiresAt, now),
          ),
        )
        .returning({ tokenHash: invitations.tokenHash });
      return claimed.length > 0;
    },

    async addMember(
      organisationId: string,
      userId: string,
      role: 'admin' | 'member',
    ): Promise<void> {
      await db
        .insert(organisationMembers)
        .values({ organisationId, userId, role })
        .onConflictDoNothing();
    },

    async membershipHistory(organisationId: string) {
      return db
        .select()
        .from(membershipEvents)
        .where(eq(membershipEvents.organisationId, organisationId))
        .orderBy(asc(membershipEvents.at));
    },
  };
}

export type MembersRepository = ReturnType<typeof createMembersRepository>;
