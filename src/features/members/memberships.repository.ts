/** The SQL of who belongs to an organisation: its people, their memberships, and requests to join. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Membership } from '../access/index.js';
import { users } from '../access/access.schema.js';
import { joinRequests, organisationMembers, organisations } from './members.schema.js';

/** Queries on the people of organisations and their requests to join. */
export function createMembershipsRepository(db: Db) {
  return {
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
  };
}

export type MembershipsRepository = ReturnType<typeof createMembershipsRepository>;
