/** The access module's background jobs: idempotent, safe to run on any instance, any number of times. */
import type { AccessRepository } from './access.repository.js';
import type { AuditLog } from './audit.js';

/** Accounts whose address is not confirmed within this many days are deleted. */
export const UNVERIFIED_ACCOUNT_DAYS = 14;

export const ACCESS_JOBS = {
  purgeUnverifiedAccounts: { name: 'access.purge-unverified-accounts', cron: '17 * * * *' },
} as const;

export function createAccessJobs(deps: {
  repository: AccessRepository;
  audit: AuditLog;
  clock?: () => Date;
}) {
  const now = deps.clock ?? (() => new Date());
  return {
    /** Retention: deletes accounts never confirmed after 14 days. Returns how many. */
    async purgeUnverifiedAccounts(): Promise<number> {
      const cutoff = new Date(now().getTime() - UNVERIFIED_ACCOUNT_DAYS * 24 * 60 * 60 * 1000);
      const purged = await deps.repository.purgeUnverifiedBefore(cutoff);
      if (purged > 0)
        await deps.audit.record({ type: 'accounts.purged', details: { count: purged } });
      return purged;
    },
  };
}

export type AccessJobs = ReturnType<typeof createAccessJobs>;
