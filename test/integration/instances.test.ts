/**
 * Several instances, as production runs them (docs/SCALING.md): two `hrcn serve` processes on one
 * PostgreSQL, each with its own data directory (its own secrets.json) but the same SESSION_SECRET
 * and one bucket for files (s3rver, as in object-storage.test.ts), behind Debian's nginx with the proxy rules of
 * deploy/nginx/hrcn-proxy.conf. A session made through one is valid on the other; a change made on
 * one is fresh on the other within a second; a cron job runs once per occurrence; a rate limit
 * counts across both; a file uploaded through one downloads through the other; and stopping one
 * while requests flow loses none of them.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { pdfDocument } from '../support/documents.js';
import { S3_CREDENTIALS, startS3Server, type S3TestServer } from '../support/s3.js';
import { totpCode } from '../support/form-browser.js';
import { HttpBrowser, csrfOf } from '../support/http-browser.js';
import {
  HRCN,
  checkProductionNginxConfig,
  freePort,
  ready,
  run,
  sleep,
  startNginx,
  stopAll,
  type Nginx,
  type Running,
} from '../support/processes.js';

const SESSION_SECRET = 'the-secret-every-instance-shares-0123456789';
const LINKS_PAGE = '/en/knowledge/useful-links';

interface Instance extends Running {
  name: string;
  url: string;
  dataDir: string;
}

let work: string;
let database: TestDatabase;
let a: Instance;
let b: Instance;
let nginx: Nginx;
let front: string;
let editor: HttpBrowser;
let s3: S3TestServer;
const BUCKET = 'hrcn-instances';

/** `hrcn serve` as a service manager starts it in production: the environment and nothing else. */
function serve(name: string, port: number, dataDir: string): Instance {
  const running = run(process.execPath, [HRCN, 'serve'], {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: front,
    SESSION_SECRET,
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'info',
    FILES_URL: s3.filesUrl(BUCKET),
    FILES_S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
    FILES_S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
  });
  return { ...running, name, url: `http://127.0.0.1:${port}`, dataDir };
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-instances-'));
  [database, s3] = await Promise.all([createTestDatabase(), startS3Server()]);
  await s3.createBucket(BUCKET);
  const [portA, portB, portFront] = await Promise.all([freePort(), freePort(), freePort()]);
  front = `http://127.0.0.1:${portFront}`;

  // Two machines' data directories, each with its own generated secrets; files in one bucket.
  for (const name of ['a', 'b']) await fs.mkdir(path.join(work, name));
  a = serve('A', portA, path.join(work, 'a'));
  b = serve('B', portB, path.join(work, 'b'));

  nginx = await startNginx(path.join(work, 'nginx'), portFront, [
    `127.0.0.1:${portA}`,
    `127.0.0.1:${portB}`,
  ]);
  await Promise.all([ready(a, `${a.url}/readyz`), ready(b, `${b.url}/readyz`)]);
  await ready(nginx, `${front}/healthz`);

  // The first administrator, through the load balancer, from the link a fresh instance prints.
  const setup = /\/en\/setup\/[A-Za-z0-9_-]{43}/.exec(a.output() + b.output())?.[0];
  if (!setup) throw new Error(`no set-up link printed:\n${a.output()}`);
  editor = new HttpBrowser(front);
  const password = 'the passphrase of the editor-in-chief';
  const person = { name: 'Ines Instances', email: 'ines@example.org' };
  const created = await editor.submit(setup, setup, {
    ...person,
    password,
    passwordConfirmation: password,
  });
  expect(created.status).toBe(200);
  const signedIn = await editor.submit('/en/sign-in', '/en/sign-in', {
    email: person.email,
    password,
  });
  expect(signedIn.status).toBe(303);
  // Staff turn on two-factor sign-in before anything else.
  const start = await editor.submit('/en/account/two-factor', '/en/account/two-factor/start', {
    password,
  });
  const totpUri = (/name="totpUri" value="([^"]+)"/.exec(start.body)?.[1] ?? '').replaceAll(
    '&amp;',
    '&',
  );
  const confirmed = await editor.submit(
    '/en/account/two-factor',
    '/en/account/two-factor/confirm',
    { totpUri, code: await totpCode(totpUri) },
  );
  expect(confirmed.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await stopAll();
  await Promise.all([database?.drop(), s3?.stop()]);
  if (work) await fs.rm(work, { recursive: true, force: true });
});

// Each test is a few seconds on an idle 2-core machine; waiting for the first cron occurrence of
// a job takes up to 40 s after the first start: under half of this.
describe('two instances behind nginx on one PostgreSQL', { timeout: 120_000 }, () => {
  it('are served by the nginx configuration of compose.yaml, which nginx accepts', async () => {
    const check = await checkProductionNginxConfig(path.join(work, 'nginx-production'));
    expect(check.output).toContain('test is successful');
    expect(check.code).toBe(0);
  });

  it('know the same session: signed in through nginx, known on each instance', async () => {
    for (const instance of [a, b]) {
      const account = await editor.get('/en/account', instance.url);
      expect(account.status, instance.name).toBe(200);
      expect(account.body, instance.name).toContain('ines@example.org');
      // A visitor without the cookie is sent to sign in: the cookie is what made the difference.
      const visitor = await fetch(`${instance.url}/en/account`, { redirect: 'manual' });
      expect(visitor.status).toBe(303);
    }
    // Each data directory generated its own secrets.json: SESSION_SECRET is what they share.
    const [secretsA, secretsB] = await Promise.all(
      [a, b].map(async (instance) =>
        JSON.parse(await fs.readFile(path.join(instance.dataDir, 'secrets.json'), 'utf8')),
      ),
    );
    expect(secretsA).not.toEqual(secretsB);
  });

  it('show a change made on one instance on the other within a second', async () => {
    // B renders the page once, then serves it from its render cache.
    await fetch(`${b.url}${LINKS_PAGE}`);
    const cached = await fetch(`${b.url}${LINKS_PAGE}`);
    expect(cached.headers.get('x-render-cache')).toBe('hit');
    expect(await cached.text()).not.toContain('Cities of refuge across two instances');

    const group = await database.pool.query<{ id: string }>(
      `SELECT id FROM link_groups WHERE key = 'refugees-and-migrants'`,
    );
    const added = await editor.submit(
      '/en/editor/links/new',
      '/en/editor/links/new',
      {
        groupId: group.rows[0]?.id ?? '',
        title: 'Cities of refuge across two instances',
        url: 'https://example.org/cities-of-refuge',
        access: 'public',
      },
      a.url,
    );
    expect(added.status).toBe(303);
    const changed = Date.now();
    for (;;) {
      const page = await (await fetch(`${b.url}${LINKS_PAGE}`)).text();
      if (page.includes('Cities of refuge across two instances')) break;
      if (Date.now() - changed > 1000) throw new Error('B still shows the page before the change');
      await sleep(20);
    }
  });

  it('count a rate limit across both: the seventh sign-in a minute is refused, as on one', async () => {
    // The route allows six posts a minute per client address (account.routes.tsx); each client
    // here has its own address, told through X-Forwarded-For as nginx tells it (TRUST_PROXY).
    const attempts = async (client: string, instances: readonly Instance[]) => {
      const browser = new HttpBrowser(a.url, { 'x-forwarded-for': client });
      const form = await browser.get('/en/sign-in');
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 7; attempt++) {
        const instance = instances[attempt % instances.length] ?? a;
        const answer = await browser.request(
          '/en/sign-in',
          {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              _csrf: csrfOf(form.body),
              email: `nobody-${attempt}@example.org`,
              password: 'not the right passphrase at all',
            }).toString(),
          },
          instance.url,
        );
        statuses.push(answer.status);
      }
      return statuses;
    };
    const refusedAt = [401, 401, 401, 401, 401, 401, 429];
    expect(await attempts('198.51.100.1', [a])).toEqual(refusedAt);
    expect(await attempts('198.51.100.2', [a, b])).toEqual(refusedAt);
  });

  it('serve a file uploaded through one instance from the other, byte for byte', async () => {
    const item = await database.pool.query<{ id: string }>(
      `SELECT id FROM items WHERE access = 'public' AND status = 'published'
       ORDER BY slug LIMIT 1`,
    );
    const itemId = item.rows[0]?.id ?? '';
    const filesPage = `/en/editor/items/${itemId}/files`;
    const small = pdfDocument(['Housing first in two instances']);
    // A larger one through nginx, past its default body limit of 1 MB.
    const large = Buffer.concat([pdfDocument(['A long annex']), Buffer.alloc(1_500_000, 32)]);
    const uploads: [Buffer, string][] = [
      [small, a.url],
      [large, front],
    ];
    for (const [content, base] of uploads) {
      const answer = await editor.upload(
        filesPage,
        filesPage,
        { title: '', locale: 'en', access: 'public' },
        { name: 'file', filename: 'annex.pdf', type: 'application/pdf', content },
        base,
      );
      expect(answer.status, base).toBe(303);
    }
    const files = await database.pool.query<{ id: string; size: number }>(
      `SELECT id, size_bytes AS size FROM item_files WHERE item_id = $1 ORDER BY created_at`,
      [itemId],
    );
    expect(files.rows.map((file) => Number(file.size))).toEqual([small.length, large.length]);
    const [first, second] = files.rows;
    // In the bucket, not in either instance's data directory.
    expect((await s3.objectNames(BUCKET)).length).toBe(2);
    for (const dir of [a.dataDir, b.dataDir])
      expect(await fs.readdir(path.join(dir, 'files')).catch(() => [])).toEqual([]);
    const smallOnB = await fetch(`${b.url}/en/files/${first?.id}/annex.pdf`);
    expect(smallOnB.status).toBe(200);
    expect(Buffer.from(await smallOnB.arrayBuffer()).equals(small)).toBe(true);
    for (const instance of [a, b]) {
      const largeThere = await fetch(`${instance.url}/en/files/${second?.id}/annex.pdf`);
      expect(largeThere.status).toBe(200);
      expect(Buffer.from(await largeThere.arrayBuffer()).equals(large)).toBe(true);
    }
  });

  it('run a cron job once per occurrence, on one instance or the other', async () => {
    // knowledge.announce-due-items runs every minute on both instances' schedules. pg-boss turns
    // each occurrence into one job ("send-it" rows, one per name and minute), run by one worker.
    const JOB = 'knowledge.announce-due-items';
    const logged = () =>
      [a, b].reduce(
        (count, instance) =>
          count +
          instance
            .output()
            .split('\n')
            .filter((line) => line.includes(`"job":"${JOB}"`) && line.includes('"job done"'))
            .length,
        0,
      );
    const deadline = Date.now() + 60_000;
    let states: { state: string; n: number }[];
    for (;;) {
      const result = await database.pool.query<{ state: string; n: number }>(
        `SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state`,
        [JOB],
      );
      states = result.rows;
      const quiet = states.every((row) => row.state === 'completed');
      if (quiet && states.length > 0) break;
      if (Date.now() > deadline) throw new Error(`no run of ${JOB}: ${JSON.stringify(states)}`);
      await sleep(250);
    }
    const completed = states.find((row) => row.state === 'completed')?.n ?? 0;
    const occurrences = await database.pool.query<{ slot: Date; n: number }>(
      `SELECT singleton_on AS slot, count(*)::int AS n FROM pgboss.job
       WHERE name = '__pgboss__send-it' AND singleton_key = $1 GROUP BY singleton_on`,
      [JOB],
    );
    // One job per occurrence, each run by one instance: as many runs logged as jobs completed.
    expect(occurrences.rows.every((row) => row.n === 1)).toBe(true);
    expect(completed).toBe(occurrences.rows.length);
    // The log line is written before the job is marked done: poll for the last to arrive.
    await expect.poll(logged).toBe(completed);
  });

  it('lose no request while one instance stops', async () => {
    const home = await (await fetch(`${front}/en/`)).text();
    const stylesheet = /\/assets\/[\w.-]+\.css/.exec(home)?.[0] ?? '/assets/missing.css';
    const paths = [LINKS_PAGE, '/en/', '/api/items', stylesheet, '/en/knowledge/publications'];
    const statuses: number[] = [];
    let stop = false;
    const client = async (offset: number) => {
      for (let index = offset; !stop; index++) {
        const response = await fetch(`${front}${paths[index % paths.length]}`);
        await response.arrayBuffer();
        statuses.push(response.status);
      }
    };
    const clients = [0, 1, 2, 3].map(client);
    await sleep(500);
    const before = statuses.length;
    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    const during = statuses.length - before;
    await sleep(500);
    stop = true;
    await Promise.all(clients);
    expect(before).toBeGreaterThan(0);
    expect(statuses.length).toBeGreaterThan(before + during);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(a.output()).toContain('"msg":"stopping"');
    // nginx did send requests to A that A could no longer take, and passed them on to B.
    const log = await nginx.accessLog();
    const passedOn = log
      .split('\n')
      .filter((line) => line.includes(`upstreams=${a.url.slice(7)}, `));
    expect(passedOn.length).toBeGreaterThan(0);
    // B answers on its own now.
    expect((await fetch(`${front}${LINKS_PAGE}`)).status).toBe(200);
  });
});
