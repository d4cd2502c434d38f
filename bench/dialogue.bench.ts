/**
 * npm run bench:dialogue — how fast the dialogue's pages open at scale: a space of 50,000 threads
 * and a thread of 5,000 replies (issue #15: under 50 ms at p95). The platform serves the pages
 * over loopback HTTP, one request at a time, beside a bare node:http server answering the same
 * bytes in the same process: the ratio says what the platform adds. A member's reads are timed
 * through the same repositories the pages use (a visitor's page is the HTTP figure).
 *
 * BENCH_THREADS (default 50000), BENCH_REPLIES (default 5000) and BENCH_ROUNDS (default 100)
 * tune it; EMBEDDED_DB_MEMORY_MB sets the embedded server's cache (256 MB).
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Viewer } from '../src/features/access/index.js';
import { createThreadsRepository } from '../src/features/dialogue/threads.repository.js';
import { startBenchApp } from './app.js';
import { summary, timed } from './timing.js';

const THREADS = Number(process.env.BENCH_THREADS ?? 50_000);
const REPLIES = Number(process.env.BENCH_REPLIES ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);

const MEMBER: Viewer = {
  kind: 'user',
  id: '00000000-0000-4000-8000-000000000000',
  role: 'practitioner',
};

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-bench-dialogue-'));
await fs.chmod(dataDir, 0o755);
const bench = await startBenchApp(dataDir, { renderCacheBytes: 0 });
const db = bench.database.db;
let bare: http.Server | undefined;
try {
  const started = performance.now();
  await db.execute(sql`
    INSERT INTO users (id, name, email, email_verified, role)
    VALUES ('00000000-0000-4000-8000-000000000000', 'Bench Member', 'bench@example.org', true,
            'practitioner')`);
  await db.execute(sql`
    INSERT INTO dialogue_spaces (slug, name, description, locale, audience, languages)
    VALUES ('bench-space', 'A busy space', 'Fifty thousand threads.', 'en', 'public', '{en}')`);
  // Threads over the last years, one in three answered, one in five on housing; each with its
  // opening post and two replies.
  await db.execute(sql`
    INSERT INTO dialogue_threads (space_id, title, author_id, locale, theme, last_posted_at,
                                  created_at, reply_count)
    SELECT s.id, 'How does a human rights city handle question ' || g,
           '00000000-0000-4000-8000-000000000000', 'en',
           CASE WHEN g % 5 = 0 THEN 'housing' END,
           now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval, 2
      FROM dialogue_spaces s, generate_series(1, ${THREADS}) g
     WHERE s.slug = 'bench-space'`);
  await db.execute(sql`
    INSERT INTO dialogue_posts (thread_id, position, author_id, body, created_at)
    SELECT t.id, p, '00000000-0000-4000-8000-000000000000',
           'We tried **participatory budgeting** with residents of every district; the results '
             || 'were published in the annual human rights report, with indicators. ' || p,
           t.created_at + (p || ' seconds')::interval
      FROM dialogue_threads t, generate_series(1, 3) p`);
  await db.execute(sql`
    UPDATE dialogue_threads t SET answer_post_id = p.id
      FROM dialogue_posts p WHERE p.thread_id = t.id AND p.position = 2 AND t.number % 3 = 0`);
  // The long thread: the newest, with REPLIES replies.
  const long = await db.execute<{ id: string; number: number }>(sql`
    SELECT id, number FROM dialogue_threads ORDER BY last_posted_at DESC LIMIT 1`);
  const longThread = long.rows[0];
  if (!longThread) throw new Error('no thread');
  await db.execute(sql`
    INSERT INTO dialogue_posts (thread_id, position, author_id, body, created_at)
    SELECT ${longThread.id}, p, '00000000-0000-4000-8000-000000000000',
           'A reply with a [link](https://example.org) and some *emphasis*, number ' || p,
           now() - interval '1 day' + (p || ' seconds')::interval
      FROM generate_series(4, ${REPLIES + 1}) p`);
  await db.execute(sql`
    UPDATE dialogue_threads SET reply_count = ${REPLIES}, last_posted_at = now()
     WHERE id = ${longThread.id}`);
  await db.execute(sql`VACUUM ANALYZE`);
  console.log(
    `${THREADS} threads, ${THREADS * 3 + REPLIES - 2} posts seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  await bench.app.http.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(bench.app.http.server.address() as AddressInfo).port}`;
  const lastPage = Math.ceil((REPLIES + 1) / 20);
  const deepPage = Math.floor(THREADS / 30 / 2);
  const thread = `/en/dialogue/bench-space/${longThread.number}`;
  const pages = [
    '/en/dialogue',
    '/en/dialogue/bench-space',
    '/en/dialogue/bench-space?show=unanswered',
    '/en/dialogue/bench-space?theme=housing',
    `/en/dialogue/bench-space?page=${deepPage}`,
    thread,
    `${thread}?page=${lastPage}`,
    `${thread}?post=${Math.floor(REPLIES / 2)}`,
  ];
  // The bare server answers each page's own bytes.
  const bodies = new Map<string, Buffer>();
  for (const page of pages) {
    const response = await fetch(`${base}${page}`);
    if (response.status !== 200) throw new Error(`${page}: ${response.status}`);
    bodies.set(page, Buffer.from(await response.arrayBuffer()));
  }
  bare = http.createServer((request, response) => {
    const body = bodies.get(request.url ?? '') ?? Buffer.alloc(0);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => bare?.listen(0, '127.0.0.1', resolve));
  const bareBase = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  const get = (url: string) => async () => {
    const response = await fetch(url);
    await response.arrayBuffer();
  };
  const rows: Record<string, unknown>[] = [];
  for (const page of pages) {
    const platform = summary(await timed(ROUNDS, get(`${base}${page}`)));
    const baseline = summary(await timed(ROUNDS, get(`${bareBase}${page}`)));
    rows.push({
      page: page.replace(String(longThread.number), '<long>'),
      kB: Math.round((bodies.get(page)?.length ?? 0) / 1024),
      ...platform,
      bareP95: baseline.p95,
      ratioP95: Math.round((platform.p95 / Math.max(baseline.p95, 0.1)) * 10) / 10,
    });
  }
  console.log('Pages as a visitor, over HTTP (ms):');
  console.table(rows);

  const threads = createThreadsRepository(db);
  const space = await db.execute<{ id: string }>(sql`
    SELECT id FROM dialogue_spaces WHERE slug = 'bench-space'`);
  const spaceId = space.rows[0]?.id ?? '';
  const member = {
    'space, latest': summary(
      await timed(ROUNDS, () => threads.list(MEMBER, spaceId, { show: 'latest' }, 1)),
    ),
    'space, unanswered': summary(
      await timed(ROUNDS, () => threads.list(MEMBER, spaceId, { show: 'unanswered' }, 1)),
    ),
    'thread, last page': summary(
      await timed(ROUNDS, () =>
        threads.posts(MEMBER, longThread.id, (lastPage - 1) * 20 + 1, lastPage * 20),
      ),
    ),
  };
  console.log("A member's reads through the repositories (ms):");
  console.table(member);
} finally {
  bare?.close();
  await bench.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
