import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { pages } from '../../src/features/knowledge/knowledge.schema.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { createRenderCache } from '../../src/platform/cache/render-cache.js';

let first: TestApp;
let second: TestApp;
beforeAll(async () => {
  first = await buildTestApp();
  // A second app instance on the same database, as behind a load balancer.
  second = await buildTestApp({ database: first.database });
});
afterAll(async () => {
  await second.stop();
  await first.close();
});

const get = (app: TestApp, url: string, headers: Record<string, string> = {}) =>
  app.http.inject({ url, headers });

describe('render cache', () => {
  it('renders an anonymous page once, then serves the same bytes, compressed once, with an ETag', async () => {
    const miss = await get(first, '/en/about/how-we-work');
    expect(miss.headers['x-render-cache']).toBe('miss');
    const hit = await get(first, '/en/about/how-we-work');
    expect(hit.headers['x-render-cache']).toBe('hit');
    expect(hit.body).toBe(miss.body);
    expect(hit.headers['content-security-policy']).toBe(miss.headers['content-security-policy']);
    expect(hit.headers['content-type']).toBe('text/html; charset=utf-8');
    const etag = String(hit.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    // A browser that has it already gets no bytes.
    const again = await get(first, '/en/about/how-we-work', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Compressed forms, once ready, are the same page.
    for (const [encoding, inflate] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      await expect
        .poll(
          async () =>
            (await get(first, '/en/about/how-we-work', { 'accept-encoding': encoding })).headers[
              'content-encoding'
            ],
        )
        .toBe(encoding);
      const compressed = await get(first, '/en/about/how-we-work', {
        'accept-encoding': `${encoding}, identity;q=0.5`,
      });
      expect(compressed.headers['x-render-cache']).toBe('hit');
      expect(inflate(compressed.rawPayload).toString()).toBe(miss.body);
    }
  });

  it('keeps each language apart', async () => {
    await get(first, '/fr/knowledge');
    const german = await get(first, '/de/knowledge');
    expect(german.body).toContain('<html lang="de"');
  });

  it('never serves a signed-in visitor from the cache, nor caches what they see', async () => {
    await get(first, '/en/network');
    const signedIn = await get(first, '/en/network', { cookie: 'hrcn.session_token=abc' });
    expect(signedIn.headers['x-render-cache']).toBeUndefined();
  });

  it('does not cache search results, errors or the set-up form', async () => {
    for (const url of ['/en/search?q=city', '/en/no-such-page', '/en/setup/nothing']) {
      await get(first, url);
      expect((await get(first, url)).headers['x-render-cache'], url).toBeUndefined();
    }
  });

  it('is emptied on every instance when content changes', async () => {
    await get(first, '/en/about/who-we-are');
    await get(second, '/en/about/who-we-are');
    expect((await get(second, '/en/about/who-we-are')).headers['x-render-cache']).toBe('hit');
    await first.database.db
      .update(pages)
      .set({ title: 'Who we really are' })
      .where(eq(pages.slug, 'who-we-are'));
    await first.renderCache?.invalidateEverywhere();
    await expect
      .poll(async () => (await get(second, '/en/about/who-we-are')).body)
      .toContain('Who we really are');
    expect((await get(first, '/en/about/who-we-are')).body).toContain('Who we really are');
  });

  it("takes lists' counts with it, on every instance", async () => {
    const total = async (app: TestApp) =>
      (await get(app, '/api/items?section=other-issues')).json<{ total: number }>().total;
    const before = await total(second);
    await first.database.db.execute(sql`
      INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale)
      VALUES ('news', 'other-issues', 'counted-once', 'public', 'published', now() - interval '1 hour',
              '2026-01-01', 'en')`);
    await first.database.db.execute(sql`
      INSERT INTO item_translations (item_id, locale, title, summary, body)
      SELECT id, 'en', 'Counted once', 'A summary.', 'A body.' FROM items WHERE slug = 'counted-once'`);
    // Kept while nothing says content changed…
    expect(await total(second)).toBe(before);
    // …and counted again once something does.
    await first.renderCache?.invalidateEverywhere();
    await expect.poll(async () => total(second)).toBe(before + 1);
  });
});

describe('render turns', () => {
  it('keep every kind of answer coming with one page rendered at a time', async () => {
    const one = await buildTestApp({ database: first.database, renderConcurrency: 1 });
    try {
      // Pages, cached and not, a page that does not exist, a members-only teaser, a bad query,
      // and a sign-in form sent: each gives its turn back, or the next ones would wait forever.
      const urls = [
        '/en/',
        '/en/knowledge/publications',
        '/en/knowledge/publications/no-such-item',
        '/en/about/how-we-work',
        '/en/search?q=%00',
        '/en/knowledge/publications?page=-4',
        '/xx/',
      ];
      const answers = await Promise.all(
        [...urls, ...urls, ...urls].map((url) => one.http.inject({ url })),
      );
      expect(answers.map((answer) => answer.statusCode).slice(0, urls.length)).toEqual([
        200, 200, 404, 200, 400, 200, 404,
      ]);
      const signIn = await one.http.inject({
        method: 'POST',
        url: '/en/sign-in',
        payload: 'email=&password=',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(signIn.statusCode).toBeLessThan(500);
      expect((await one.http.inject({ url: '/en/' })).statusCode).toBe(200);
    } finally {
      await one.stop();
    }
  });
});

describe('when the listening connection drops', () => {
  it('forgets everything, reconnects, and still hears the other instances', async () => {
    await get(first, '/en/events');
    expect((await get(first, '/en/events')).headers['x-render-cache']).toBe('hit');
    const terminated = await first.database.pool.query<{ ok: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
    );
    expect(terminated.rows.length).toBe(2); // one listener per instance
    await expect
      .poll(async () => (await get(first, '/en/events')).headers['x-render-cache'])
      .toBe('miss');
    // Reconnected: an invalidation from the other instance reaches it again.
    await expect
      .poll(
        async () =>
          (
            await first.database.pool.query(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
            )
          ).rowCount,
        { timeout: 5000 },
      )
      .toBe(2);
    await get(first, '/en/events');
    expect((await get(first, '/en/events')).headers['x-render-cache']).toBe('hit');
    await second.renderCache?.invalidateEverywhere();
    await expect
      .poll(async () => (await get(first, '/en/events')).headers['x-render-cache'])
      .toBe('miss');
  });
});

describe('render cache bounds', () => {
  it('evicts the least recently used pages beyond its size, and skips pages too large to keep', () => {
    const cache = createRenderCache({
      pool: first.database.pool,
      log: createLogger('silent'),
      maxBytes: 4000,
    });
    // A page counts twice its size: its compressed forms are kept beside it.
    const page = (size: number) => ({ status: 200, body: 'x'.repeat(size) });
    cache.set('/a', page(450));
    cache.set('/b', page(450));
    cache.set('/c', page(450));
    cache.get('/a'); // recently used: survives
    cache.set('/d', page(450));
    cache.set('/e', page(450));
    expect(cache.get('/b')).toBeUndefined();
    expect(cache.get('/a')).toBeDefined();
    expect(cache.stats().bytes).toBeLessThanOrEqual(4000);
    cache.set('/huge', page(1500));
    expect(cache.get('/huge')).toBeUndefined();
  });
});
