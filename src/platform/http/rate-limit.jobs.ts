/** The rate-limit store's housekeeping: idempotent, safe to run on any instance, any number of times. */
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rateLimitHits } from './rate-limit.schema.js';

export const RATE_LIMIT_JOBS = {
  purgeExpired: { name: 'rate-limits.purge', cron: '*/10 * * * *' },
} as const;

/**
 * Deletes counters whose window has ended (by the database clock); returns how many. An expired row
 * is harmless (the next hit restarts it) but one per client and route would pile up without this.
 */
export async function purgeExpiredRateLimits(db: Db): Promise<number> {
  const result = await db.delete(rateLimitHits).where(lt(rateLimitHits.resetAt, sql`now()`));
  return result.rowCount ?? 0;
}
