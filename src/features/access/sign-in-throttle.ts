/**
 * A growing delay after failed sign-ins, per address (whether or not it has an account, so the
 * delay tells nobody which addresses exist): from the 5th failure in a row, the address is locked
 * for 30 s, then 60 s, 120 s… up to an hour. A successful sign-in clears it.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { signInThrottle } from './access.schema.js';

export const FREE_FAILURES = 4;
const BASE_DELAY_S = 30;
const MAX_DELAY_S = 3600;

/** Seconds of lock after the n-th failure in a row (0 while under the free failures). */
export function lockSeconds(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (failures - FREE_FAILURES - 1));
}

export function createSignInThrottle(db: Db, clock: () => Date = () => new Date()) {
  return {
    /** Seconds until the address may try again; 0 when it may now. */
    async waitFor(email: string): Promise<number> {
      const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.email, email));
      if (!row?.lockedUntil) return 0;
      return Math.max(0, Math.ceil((row.lockedUntil.getTime() - clock().getTime()) / 1000));
    },

    /** Counts a failure; returns the lock it starts, in seconds (0 for none). */
    async fail(email: string): Promise<number> {
      const now = clock();
      const [row] = await db
        .insert(signInThrottle)
        .values({ email, failures: 1, lastFailureAt: now })
        .onConflictDoUpdate({
          target: signInThrottle.email,
          set: { failures: sql`${signInThrottle.failures} + 1`, lastFailureAt: now },
        })
        .returning({ failures: signInThrottle.failures });
      const seconds = lockSeconds(row?.failures ?? 1);
      if (seconds > 0) {
        await db
          .update(signInThrottle)
          .set({ lockedUntil: new Date(now.getTime() + seconds * 1000) })
          .where(eq(signInThrottle.email, email));
      }
      return seconds;
    },

    async succeed(email: string): Promise<void> {
      await db.delete(signInThrottle).where(eq(signInThrottle.email, email));
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
