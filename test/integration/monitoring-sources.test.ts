/**
 * Watching sources against real HTTP servers on 127.0.0.1: a valid feed read once and then asked
 * conditionally (ETag, Last-Modified), a malformed one, a huge one, a slow one, one redirecting
 * to a private address, one changing its GUIDs on every read. None breaks the job or the other
 * sources; failures wait longer each time and are reported to editors.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { signInAsAdministrator, type FormBrowser } from '../support/form-browser.js';

let app: TestApp;
let server: http.Server;
let base = '';
let now = new Date('2026-12-01T09:00:00Z');
const requests: { url: string; ifNoneMatch?: string; ifModifiedSince?: string }[] = [];
let editor: FormBrowser;
let reads = 0;

const item = (guid: string, title: string, link: string, date = 'Mon, 30 Nov 2026 10:00:00 GMT') =>
  `<item><title>${title}</title><link>${link}</link><guid>${guid}</guid><pubDate>${date}</pubDate>
   <description>&lt;p&gt;About housing &amp;amp; evictions&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</description></item>`;
const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><language>en</language>${items}</channel></rss>`;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    requests.push({
      url: request.url ?? '',
      ifNoneMatch: request.headers['if-none-match'],
      ifModifiedSince: request.headers['if-modified-since'],
    });
    switch (request.url) {
      case '/valid.xml':
        if (request.headers['if-none-match'] === '"v1"') return response.writeHead(304).end();
        return response
          .writeHead(200, {
            'content-type': 'application/rss+xml',
            etag: '"v1"',
            'last-modified': 'Mon, 30 Nov 2026 10:00:00 GMT',
          })
          .end(
            rss(
              item('a-1', 'Cities act on the right to housing', `${base}/news/1`) +
                item('a-2', 'Old story', `${base}/news/old`, 'Mon, 01 Jun 2026 10:00:00 GMT') +
                item('a-3', 'Refugees welcomed in city halls', `${base}/news/3`),
            ),
          );
      case '/malformed.xml':
        return response
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end('<rss><channel><item>');
      case '/html':
        return response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<html><body>Hi</body></html>');
      case '/huge.xml': {
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = 'x'.repeat(64 * 1024);
        let sent = 0;
        const push = () => {
          while (sent < 5_000_000) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', push);
          }
          response.end();
        };
        return push();
      }
      case '/slow.xml':
        // Trickles a byte a second: only a deadline for the whole answer stops it.
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        return void (function trickle() {
          if (response.destroyed) return;
          response.write(' ');
          setTimeout(trickle, 1000);
        })();
      case '/to-private.xml':
        return response
          .writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' })
          .end();
      case '/changing.xml':
        reads += 1;
        // The same two stories, with new GUIDs on every read.
        return response
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(
            rss(
              item(`c-${reads}-1`, 'Changing one', `${base}/c/1?utm_source=feed`) +
                item(`c-${reads}-2`, 'Changing two', `${base}/c/2`),
            ),
          );
      default:
        return response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = await buildTestApp({
    allowPrivateLinkTargets: true,
    outboundTimeoutMs: 1500,
    clock: () => now,
  });
  // Only this test's sources are read: nothing leaves the machine.
  await app.database.db.execute(sql`UPDATE watch_sources SET muted_at = now()`);
  editor = await signInAsAdministrator(app);
  for (const [name, path] of [
    ['Valid', 'valid.xml'],
    ['Malformed', 'malformed.xml'],
    ['Not a feed', 'html'],
    ['Huge', 'huge.xml'],
    ['Slow', 'slow.xml'],
    ['To private', 'to-private.xml'],
    ['Changing', 'changing.xml'],
  ]) {
    const saved = await editor.submit(
      '/en/editor/watch/sources/new',
      '/en/editor/watch/sources/new',
      { name: `${name} source`, feedUrl: `${base}/${path}`, intervalMinutes: '60', locale: '' },
    );
    expect(saved.statusCode, name).toBe(303);
  }
}, 60_000);

afterAll(async () => {
  await app?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const poll = async () => {
  const job = app.jobs.find((entry) => entry.name === 'monitoring.poll-sources');
  return job?.run();
};

/** Makes sources due now, as time passing would (the editor's session keeps its own time). */
const due = async (names?: readonly string[]) =>
  app.database.db.execute(
    names
      ? sql`UPDATE watch_sources SET next_poll_at = ${now} WHERE name = ANY(${sql.param(names)}::text[])`
      : sql`UPDATE watch_sources SET next_poll_at = ${now} WHERE muted_at IS NULL`,
  );

const sources = async () =>
  (
    await app.database.db.execute<{
      name: string;
      failures: number;
      last_error: string | null;
      next_poll_at: Date;
    }>(
      sql`SELECT name, failures, last_error, next_poll_at FROM watch_sources
           WHERE muted_at IS NULL ORDER BY name`,
    )
  ).rows;

describe('polling the watched sources', () => {
  it('reads every source at once; the bad ones fail alone and wait longer', async () => {
    // The slow source trickles past its deadline (20 s in service, 1.5 s here).
    const report = await poll();
    expect(report).toMatchObject({ polled: 7, failed: 5, added: 4 });
    const rows = await sources();
    const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
    expect(byName['Valid source']).toMatchObject({ failures: 0, last_error: null });
    expect(byName['Changing source']).toMatchObject({ failures: 0 });
    expect(byName['Malformed source']?.last_error).toMatch(/^not a feed/);
    expect(byName['Not a feed source']?.last_error).toMatch(/^not a feed/);
    expect(byName['Huge source']?.last_error).toMatch(/^too-large/);
    expect(byName['Slow source']?.last_error).toMatch(/^timeout/);
    expect(byName['To private source']?.last_error).toMatch(/^blocked/);
    // A failed source waits twice its interval; a good one its interval.
    const at = (name: string) => new Date(byName[name]?.next_poll_at ?? 0).getTime();
    expect(at('Malformed source')).toBe(now.getTime() + 120 * 60_000);
    expect(at('Valid source')).toBe(now.getTime() + 60 * 60_000);
  }, 60_000);

  it('keeps each entry once, as text, with suggested themes; old ones are history', async () => {
    const entries = (
      await app.database.db.execute<{ title: string; summary: string; suggested_themes: string[] }>(
        sql`SELECT title, summary, suggested_themes FROM watch_entries ORDER BY title`,
      )
    ).rows;
    expect(entries.map((entry) => entry.title)).toEqual([
      'Changing one',
      'Changing two',
      'Cities act on the right to housing',
      'Refugees welcomed in city halls',
    ]);
    expect(entries[2]?.summary).toBe('About housing & evictions');
    expect(entries[2]?.suggested_themes).toContain('housing');
    expect(entries[3]?.suggested_themes).toEqual(
      expect.arrayContaining(['housing', 'migration-and-refugees']),
    );
  });

  it('asks again only when due, conditionally, and keeps renumbered entries once', async () => {
    now = new Date(now.getTime() + 20 * 60_000);
    requests.length = 0;
    expect(await poll()).toMatchObject({ polled: 0 });
    await due(['Valid source', 'Changing source']);
    const report = await poll();
    // Valid and changing are due again; the failing ones wait two hours.
    expect(report).toMatchObject({ polled: 2, added: 0 });
    const valid = requests.find((request) => request.url === '/valid.xml');
    expect(valid?.ifNoneMatch).toBe('"v1"');
    expect(valid?.ifModifiedSince).toBe('Mon, 30 Nov 2026 10:00:00 GMT');
    expect(requests.some((request) => request.url === '/malformed.xml')).toBe(false);
    const counted = await app.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM watch_entries`,
    );
    expect(counted.rows[0]?.n).toBe(4);
  });

  it('reports failing sources to editors, and a muted source leaves the queue', async () => {
    for (let round = 0; round < 2; round += 1) {
      await due();
      await poll();
    }
    const attention = await editor.get('/en/editor/watch/sources?attention=1');
    expect(attention.statusCode).toBe(200);
    expect(attention.body).toContain('Malformed source');
    expect(attention.body).toContain('Failing');
    expect(attention.body).not.toContain('Valid source');
    const queue = await editor.get('/en/editor/watch');
    expect(queue.body).toContain('Changing one');
    expect(queue.body).not.toContain('<script>alert(1)');
    const [changing] = (
      await app.database.db.execute<{ id: string }>(
        sql`SELECT id FROM watch_sources WHERE name = 'Changing source'`,
      )
    ).rows;
    const muted = await editor.submit(
      '/en/editor/watch',
      `/en/editor/watch/sources/${changing?.id ?? ''}/mute`,
      {},
    );
    expect(muted.statusCode).toBe(303);
    const after = await editor.get('/en/editor/watch');
    expect(after.body).not.toContain('Changing one');
    expect(after.body).toContain('Refugees welcomed in city halls');
  }, 60_000);
});
