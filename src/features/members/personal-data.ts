/**
 * What the member network holds about a person, for "download my data": their profile, the
 * organisations they belong to or are the contact of, their requests to join, the applications
 * and invitations sent to their address, and the introductions they sent and received (relayed
 * by e-mail: the messages themselves are not kept).
 */
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { auditEvents, users } from '../access/access.schema.js';
import type { DataSubject } from '../feature.js';
import {
  applications,
  invitations,
  joinRequests,
  organisationMembers,
  organisations,
  profiles,
} from './members.schema.js';

export function createMembersPersonalData(db: Db) {
  return async (person: DataSubject): Promise<Record<string, unknown>> => {
    const email = person.email.toLowerCase();
    // Every column of these rows is the person's own (or about them): they are given whole.
    const [profile] = await db.select().from(profiles).where(eq(profiles.userId, person.id));
    const [memberships, contactOf, requests, applied, invited, sent, received] = await Promise.all([
      db
        .select({
          organisation: organisations.name,
          role: organisationMembers.role,
          since: organisationMembers.createdAt,
        })
        .from(organisationMembers)
        .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
        .where(eq(organisationMembers.userId, person.id))
        .orderBy(asc(organisationMembers.createdAt)),
      db
        .select({
          organisation: organisations.name,
          contactName: organisations.contactName,
          contactEmail: organisations.contactEmail,
          contactPhone: organisations.contactPhone,
        })
        .from(organisations)
        .where(sql`lower(${organisations.contactEmail}) = ${email}`),
      db
        .select({
          organisation: organisations.name,
          message: joinRequests.message,
          createdAt: joinRequests.createdAt,
          decision: joinRequests.decision,
          decidedAt: joinRequests.decidedAt,
        })
        .from(joinRequests)
        .innerJoin(organisations, eq(organisations.id, joinRequests.organisationId))
        .where(eq(joinRequests.userId, person.id))
        .orderBy(asc(joinRequests.createdAt)),
      db
        .select({ organisation: organisations.name, ...getTableColumns(applications) })
        .from(applications)
        .innerJoin(organisations, eq(organisations.id, applications.organisationId))
        .where(sql`lower(${applications.contactEmail}) = ${email}`)
        .orderBy(asc(applications.submittedAt)),
      db
        .select({
          organisation: organisations.name,
          role: invitations.role,
          createdAt: invitations.createdAt,
          expiresAt: invitations.expiresAt,
          usedAt: invitations.usedAt,
        })
        .from(invitations)
        .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
        .where(sql`lower(${invitations.email}) = ${email}`)
        .orderBy(asc(invitations.createdAt)),
      db
        .select({ to: users.name, at: auditEvents.at })
        .from(auditEvents)
        .leftJoin(users, sql`${users.id}::text = ${auditEvents.details} ->> 'to'`)
        .where(and(eq(auditEvents.type, 'introduction.sent'), eq(auditEvents.actorId, person.id)))
        .orderBy(asc(auditEvents.at)),
      db
        .select({ from: users.name, at: auditEvents.at })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorId))
        .where(
          and(
            eq(auditEvents.type, 'introduction.sent'),
            sql`${auditEvents.details} ->> 'to' = ${person.id}`,
          ),
        )
        .orderBy(asc(auditEvents.at)),
    ]);
    return {
      profile: profile ?? null,
      organisations: memberships,
      contactOfOrganisations: contactOf,
      requestsToJoin: requests,
      applications: applied,
      invitations: invited,
      introductions: { sent, received },
    };
  };
}
