/** All SQL of the access module. */
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { accounts, sessions, setupTokens, users } from './access.schema.js';
import type { Role } from './access.policy.js';

export function createAccessRepository(db: Db) {
  return {
    async countAdministrators(): Promise<number> {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(users)
        .where(eq(users.role, 'administrator'));
      return row?.count ?? 0;
    },

    async insertSetupToken(tokenHash: string, expiresAt: Date): Promise<void> {
      await db.insert(setupTokens).values({ tokenHash, expiresAt });
    },

    /** A token that exists, is unused and has not expired. */
    async findUsableSetupToken(tokenHash: string, now: Date) {
      const [row] = await db
        .select()
        .from(setupTokens)
        .where(
          and(
            eq(setupTokens.tokenHash, tokenHash),
            isNull(setupTokens.usedAt),
            gt(setupTokens.expiresAt, now),
          ),
        );
      return row ?? null;
    },

    async findSession(id: string) {
      const [row] = await db
        .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
        .from(sessions)
        .where(eq(sessions.id, id));
      return row ?? null;
    },

    /** Notes activity on a session, at most once a minute. */
    async touchSession(id: string, now: Date): Promise<void> {
      await db
        .update(sessions)
        .set({ lastSeenAt: now })
        .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, new Date(now.getTime() - 60_000))));
    },

    async deleteSession(id: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.id, id));
    },

    async findUserByEmail(email: string) {
      const [row] = await db.select().from(users).where(eq(users.email, email));
      return row ?? null;
    },

    /**
     * Marks the token used and creates the user with a password, all or nothing; returns null
     * when the token was used meanwhile (two submissions racing).
     */
    async redeemSetupToken(
      tokenHash: string,
      now: Date,
      user: { name: string; email: string; role: Role; locale: string; passwordHash: string },
    ): Promise<{ id: string } | null> {
      return db.transaction(async (tx) => {
        const claimed = await tx
          .update(setupTokens)
          .set({ usedAt: now })
          .where(
            and(
              eq(setupTokens.tokenHash, tokenHash),
              isNull(setupTokens.usedAt),
              gt(setupTokens.expiresAt, now),
            ),
          )
          .returning({ tokenHash: setupTokens.tokenHash });
        if (claimed.length === 0) return null;
        const [created] = await tx
          .insert(users)
          .values({
            name: user.name,
            email: user.email,
            role: user.role,
            locale: user.locale,
            emailVerified: true,
          })
          .returning({ id: users.id });
        if (!created) throw new Error('user not created');
        await tx.insert(accounts).values({
          userId: created.id,
          providerId: 'credential',
          accountId: created.id,
          password: user.passwordHash,
        });
        return created;
      });
    },
  };
}

export type AccessRepository = ReturnType<typeof createAccessRepository>;
