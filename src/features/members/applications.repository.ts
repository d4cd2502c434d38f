/** The SQL of how an organisation joins the network: applications, their decisions, and invitations. */
import { and, asc, eq, gt, isNull, like, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { slugify } from '../../platform/text/slugify.js';
import { applications, invitations, membershipEvents, organisations } from './members.schema.js';

/** Words after /network/ that are pages, not organisations. */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(['apply', 'people']);

/** An invitation that is neither used nor expired. */
const usable = (tokenHash: string, now: Date) =>
  and(
    eq(invitations.tokenHash, tokenHash),
    isNull(invitations.usedAt),
    gt(invitations.expiresAt, now),
  );

/** Queries on applications to join the network and on invitations. */
export function createApplicationsRepository(db: Db) {
  return {
    /** Records an application: a new organisation with the status "applicant", and its history. */
    async createApplication(application: {
      name: string;
      kind: string;
      membership: 'guest' | 'associate';
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
            membership: application.membership,
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
          membership: organisations.membership,
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
        .where(usable(tokenHash, now));
      return row ?? null;
    },

    /** Uses up an invitation; false when it was used meanwhile. */
    async claimInvitation(tokenHash: string, now: Date): Promise<boolean> {
      const claimed = await db
        .update(invitations)
        .set({ usedAt: now })
        .where(usable(tokenHash, now))
        .returning({ tokenHash: invitations.tokenHash });
      return claimed.length > 0;
    },
  };
}

export type ApplicationsRepository = ReturnType<typeof createApplicationsRepository>;
