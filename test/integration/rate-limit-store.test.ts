/** Rate limits counted in PostgreSQL: shared by every instance on the database, by its clock. */
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPgRateLimitStore,
  type RateLimitCount,
} from '../../src/platform/http/rate-limit-store.js';
import {
  RATE_LIMIT_JOBS,
  purgeExpiredRateLimits,
} from '../../src/platform/http/rate-limit.jobs.js';
import { rateLimitHits } from '../../src/platform/http/rate-limit.schema.js';
import { startJobs } from '../../src/platform/jobs/jobs.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const log = createLogger('silent');
let database: TestDatabase;
let first: TestApp;
let second: TestApp;
beforeAll(async () => {
  database = await createTestDatabase();
  // Two instances of the app on one database, as behind a load balancer.
  first = await buildTestApp({ database });
  second = await buildTestApp({ database });
});
afterAll(async () => {
  await second.stop();
  await first.close();
});

const SETUP_ROUTE = 'POST /:locale/setup/:token ';

function postSetup(app: TestApp, path: string) {
  return app.http.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'name=x',
  });
}

function hit(
  store: ReturnType<typeof routeStore>,
  key: string,
  timeWindow = 60_000,
): Promise<RateLimitCount> {
  return new Promise((resolve, reject) => {
    store.incr(
      key,
      (error, result) =>
        error || !result ? reject(error ?? new Error('no result')) : resolve(result),
      timeWindow,
      10,
    );
  });
}

function peek(store: ReturnType<typeof routeStore>, key: string): Promise<RateLimitCount> {
  return new Promise((resolve, reject) => {
    store.read(key, (error, result) =>
      error || !result ? reject(error ?? new Error('no result')) : resolve(result),
    );
  });
}

function routeStore(pool: pg.Pool, method: string, url: string) {
  const Store = createPgRateLimitStore({ pool, log });
  return new Store({}).child({ routeInfo: { method, url } });
}

describe('rate limits counted in PostgreSQL', () => {
  it('are shared by two app instances on the same database', async () => {
    const link = await first.access.issueSetupLink('it');
    const path = new URL(link.url).pathname;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await postSetup(attempt % 2 === 0 ? first : second, path);
      statuses.push(response.statusCode);
    }
    // Ten attempts in all, five on each instance: the limit of ten is reached, not five of it.
    expect(statuses.every((status) => status === 403)).toBe(true);
    for (const app of [first, second]) {
      const refused = await postSetup(app, path);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBeDefined();
      expect(refused.body).toContain('<html lang="it"');
      expect(refused.body).toContain('Troppe');
    }
    const [row] = await database.db
      .select()
      .from(rateLimitHits)
      .where(eq(rateLimitHits.key, `${SETUP_ROUTE}127.0.0.1`));
    expect(row?.count).toBe(12);
  });

  it('start a new window once the old one has ended', async () => {
    const link = await first.access.issueSetupLink('en');
    const path = new URL(link.url).pathname;
    expect((await postSetup(first, path)).statusCode).toBe(429);
    await database.db
      .update(rateLimitHits)
      .set({ resetAt: sql`now() - interval '1 second'` })
      .where(eq(rateLimitHits.key, `${SETUP_ROUTE}127.0.0.1`));
    expect((await postSetup(second, path)).statusCode).toBe(403);
    const [row] = await database.db
      .select({ count: rateLimitHits.count, live: sql<boolean>`${rateLimitHits.resetAt} > now()` })
      .from(rateLimitHits)
      .where(eq(rateLimitHits.key, `${SETUP_ROUTE}127.0.0.1`));
    expect(row).toEqual({ count: 1, live: true });
  });

  it('count per route, and report the time left by the database clock', async () => {
    const search = routeStore(database.pool, 'GET', '/:locale/search');
    const other = routeStore(database.pool, 'POST', '/:locale/sign-in');
    const firstHit = await hit(search, '10.0.0.1', 200);
    expect(firstHit).toEqual({ current: 1, ttl: 200 });
    const secondHit = await hit(search, '10.0.0.1', 200);
    expect(secondHit.current).toBe(2);
    expect(secondHit.ttl).toBeGreaterThan(0);
    expect(secondHit.ttl).toBeLessThanOrEqual(200);
    expect((await peek(search, '10.0.0.1')).current).toBe(2);
    expect((await peek(search, '10.0.0.1')).current).toBe(2);
    expect(await peek(search, '10.0.0.9')).toEqual({ current: 0, ttl: 0 });
    expect(await hit(other, '10.0.0.1', 200)).toEqual({ current: 1, ttl: 200 });

    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await hit(search, '10.0.0.1', 200)).toEqual({ current: 1, ttl: 200 });
  });

  it('hand database errors to the plugin instead of throwing, and let requests through', async () => {
    const closed = new pg.Pool({ connectionString: database.url, max: 1 });
    await closed.end();
    const store = routeStore(closed, 'GET', '/:locale/search');
    await expect(hit(store, '10.0.0.2')).rejects.toThrow();

    // An instance whose counters cannot be reached still serves the route, unlimited.
    const unreachable = await createTestDatabase();
    await unreachable.db.execute(sql`DROP TABLE rate_limit_hits`);
    const app = await buildTestApp({ database: unreachable });
    try {
      const response = await app.http.inject({ method: 'GET', url: '/en/search?q=x' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-ratelimit-remaining']).toBe('60');
    } finally {
      await app.close();
    }
  });

  it('purge expired counters through the job queue, and keep live ones', async () => {
    await database.db.delete(rateLimitHits);
    await database.db.insert(rateLimitHits).values([
      { key: 'GET /old 10.0.0.3', count: 4, resetAt: sql`now() - interval '1 minute'` },
      { key: 'GET /live 10.0.0.3', count: 2, resetAt: sql`now() + interval '1 minute'` },
    ]);
    expect(await purgeExpiredRateLimits(database.db)).toBe(1);
    await database.db
      .insert(rateLimitHits)
      .values({ key: 'GET /old 10.0.0.4', count: 1, resetAt: sql`now() - interval '1 second'` });

    const jobs = await startJobs({ pool: database.pool, log });
    try {
      const job = first.jobs.find((entry) => entry.name === RATE_LIMIT_JOBS.purgeExpired.name);
      expect(job?.cron).toBe(RATE_LIMIT_JOBS.purgeExpired.cron);
      await jobs.every(
        RATE_LIMIT_JOBS.purgeExpired.name,
        RATE_LIMIT_JOBS.purgeExpired.cron,
        async () => {
          await job?.run();
        },
      );
      const id = await jobs.runNow(RATE_LIMIT_JOBS.purgeExpired.name);
      expect(await jobs.waitFor(RATE_LIMIT_JOBS.purgeExpired.name, id ?? '')).toBe('completed');
    } finally {
      await jobs.stop();
    }
    const left = await database.db.select({ key: rateLimitHits.key }).from(rateLimitHits);
    expect(left).toEqual([{ key: 'GET /live 10.0.0.3' }]);
  });
});
