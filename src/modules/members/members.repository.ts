/** All SQL of the members module. */
import { and, asc, eq, gt, isNull, like, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Viewer } from '../access/index.js';
import { countries } from '../vocabularies/vocabularies.schema.js';
import {
  applications,
  invitations,
  membershipEvents,
  organisationMembers,
  organisations,
} from './members.schema.js';

/** A readable, URL-safe slug: "Città di Bologna" → "citta-di-bologna". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

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
        .where(eq(organisations.status, 'active'))
        .orderBy(asc(organisations.name));
      return rows.map(asView);
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
        const base = slugify(application.name) || 'organisation';
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

    async findOrganisation(_viewer: Viewer, slug: string): Promise<OrganisationView | null> {
      const [row] = await db
        .select(columns)
        .from(organisations)
        .leftJoin(countries, eq(countries.code, organisations.country))
        .where(and(eq(organisations.slug, slug), eq(organisations.status, 'active')));
      return row ? asView(row) : null;
    },
  };
}

export type MembersRepository = ReturnType<typeof createMembersRepository>;
