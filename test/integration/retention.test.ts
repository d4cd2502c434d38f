/** Retention: accounts never confirmed are deleted after 14 days, by a job on the durable queue. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESS_JOBS,
  createAccessJobs,
  createAccessRepository,
  createAuditLog,
} from '../../src/features/access/index.js';
import { auditEvents, users } from '../../src/features/access/access.schema.js';
import { startJobs, type Jobs } from '../../src/platform/jobs/jobs.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
let jobs: Jobs;
beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs({ pool: database.pool, log: createLogger('silent') });
});
afterAll(async () => {
  await jobs.stop();
  await database.drop();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);

describe('retention of unconfirmed accounts', () => {
  it('deletes accounts not confirmed within 14 days, through the job queue, and nothing else', async () => {
    await database.db.insert(users).values([
      {
        name: 'Old, never confirmed',
        email: 'old@example.org',
        emailVerified: false,
        createdAt: daysAgo(15),
      },
      {
        name: 'Recent, not yet confirmed',
        email: 'recent@example.org',
        emailVerified: false,
        createdAt: daysAgo(3),
      },
      {
        name: 'Old, confirmed',
        email: 'member@example.org',
        emailVerified: true,
        createdAt: daysAgo(400),
      },
    ]);
    const audit = createAuditLog(database.db);
    await audit.record({ type: 'sign-up', subject: 'old@example.org', ip: '127.0.0.9' });

    const access = createAccessJobs({ repository: createAccessRepository(database.db), audit });
    const job = ACCESS_JOBS.purgeUnverifiedAccounts;
    await jobs.every(job.name, job.cron, async () => {
      await access.purgeUnverifiedAccounts();
    });
    const id = await jobs.runNow(job.name);
    expect(id).toBeTruthy();
    expect(await jobs.waitFor(job.name, id ?? '')).toBe('completed');

    const left = (await database.db.select({ email: users.email }).from(users))
      .map((row) => row.email)
      .sort();
    expect(left).toEqual(['member@example.org', 'recent@example.org']);
    const [trace] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.type, 'sign-up'));
    expect(trace).toMatchObject({ subject: null, ip: null });
    const [purged] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.type, 'accounts.purged'));
    expect(purged?.details).toEqual({ count: 1 });

    // Idempotent: a second run finds nothing more.
    expect(await access.purgeUnverifiedAccounts()).toBe(0);
  });
});
