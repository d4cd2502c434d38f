/**
 * The link checker against a real HTTP server on 127.0.0.1: it follows redirects, tells broken
 * from working links, gives up on slow ones, and never requests a private or loopback address
 * unless told to (tests only). Editors read the result.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkChecker } from '../../src/features/knowledge/index.js';
import { linkGroups, links } from '../../src/features/knowledge/knowledge.schema.js';
import { probeUrl } from '../../src/platform/http/outbound.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { signInAsAdministrator } from '../support/form-browser.js';

let app: TestApp;
let server: http.Server;
let base = '';
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    if (request.url === '/ok') return response.writeHead(200).end('fine');
    if (request.url === '/moved') return response.writeHead(301, { location: '/ok' }).end();
    if (request.url === '/loop') return response.writeHead(302, { location: '/loop' }).end();
    if (request.url === '/head-refused')
      return response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
    if (request.url === '/slow') return void setTimeout(() => response.writeHead(200).end(), 2_000);
    return response.writeHead(404).end('gone');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = await buildTestApp({ allowPrivateLinkTargets: true });
  const { db } = app.database;
  // Only this test's links have addresses: nothing leaves the machine.
  await db.update(links).set({ url: null });
  const [group] = await db
    .select()
    .from(linkGroups)
    .where(eq(linkGroups.key, 'refugees-and-migrants'));
  await db.insert(links).values(
    ['ok', 'moved', 'loop', 'head-refused', 'gone'].map((path, position) => ({
      groupId: group?.id ?? '',
      title: `Test link ${path}`,
      url: `${base}/${path}`,
      position: 100 + position,
    })),
  );
});

afterAll(async () => {
  await app.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('the link checker', () => {
  it('records where each link leads, a few at a time', async () => {
    const job = app.jobs.find((entry) => entry.name === 'knowledge.check-links');
    expect(await job?.run()).toEqual({ checked: 5, failing: 2 });
    const rows = await app.database.db
      .select({
        title: links.title,
        state: links.checkState,
        status: links.checkHttpStatus,
        final: links.checkFinalUrl,
      })
      .from(links)
      .where(sql`${links.url} IS NOT NULL`)
      .orderBy(links.position);
    expect(rows).toEqual([
      { title: 'Test link ok', state: 'ok', status: 200, final: null },
      { title: 'Test link moved', state: 'redirected', status: 200, final: `${base}/ok` },
      { title: 'Test link loop', state: 'broken', status: null, final: null },
      { title: 'Test link head-refused', state: 'ok', status: 200, final: null },
      { title: 'Test link gone', state: 'broken', status: 404, final: null },
    ]);
    expect(requests).toContain('GET /head-refused');
  });

  it('gives up on a slow server, and never asks a private address in service', async () => {
    expect(await probeUrl(`${base}/slow`, { allowPrivate: true, timeoutMs: 200 })).toMatchObject({
      kind: 'failed',
      reason: 'timeout',
    });
    const before = requests.length;
    for (const address of [
      `${base}/ok`,
      'http://localhost:9/',
      'http://[::1]/',
      'http://169.254.169.254/latest/meta-data/',
    ])
      expect(await probeUrl(address, { timeoutMs: 2_000 }), address).toMatchObject({
        kind: 'failed',
        reason: 'blocked',
      });
    expect(await probeUrl('ftp://example.org/file')).toMatchObject({
      kind: 'failed',
      reason: 'invalid',
    });
    expect(requests.length).toBe(before);
    const checker = createLinkChecker({ db: app.database.db });
    expect(await checker.checkAll()).toEqual({ checked: 5, failing: 5 });
    const [blocked] = await app.database.db
      .select({ state: links.checkState })
      .from(links)
      .where(eq(links.title, 'Test link ok'));
    expect(blocked?.state).toBe('blocked');
    expect(requests.length).toBe(before);
  });

  it('shows editors the state of every link, and the failing ones', async () => {
    await app.jobs.find((entry) => entry.name === 'knowledge.check-links')?.run();
    const editor = await signInAsAdministrator(app);
    const all = await editor.get('/en/editor/links');
    expect(all.body).toContain('5 links');
    expect(all.body).toContain('Works, but has moved');
    const failing = await editor.get('/fr/editor/links?failing=1');
    expect(failing.body).toContain('2 liens');
    expect(failing.body).toContain('Test link gone');
    expect(failing.body).not.toContain('Test link ok');
    expect((await app.http.inject({ url: '/en/editor/links' })).statusCode).toBe(303);
  });
});
