/**
 * npm run bench:monitoring — how fast the News section and the cities' profiles open at the
 * scale of a large network: BENCH_CITIES member cities (default 300) with 20 years of the 6 shared
 * indicators each, 10,000 trend notes, 5,000 entries waiting in the editors' queue. The platform
 * serves the pages over loopback HTTP, one request at a time, with the render cache off, beside a
 * bare node:http server answering the same bytes in the same process: the ratio is what the
 * platform adds.
 *
 * BENCH_CITIES and BENCH_ROUNDS (default 100) tune it.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { startBenchApp } from './app.js';
import { summary, timed } from './timing.js';

const CITIES = Number(process.env.BENCH_CITIES ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-bench-monitoring-'));
await fs.chmod(dataDir, 0o755);
const bench = await startBenchApp(dataDir, { renderCacheBytes: 0 });
const db = bench.database.db;
let bare: http.Server | undefined;
try {
  const started = performance.now();
  await db.execute(sql`
    INSERT INTO organisations (slug, name, kind, membership, status, country, city)
    SELECT 'city-' || g, 'City ' || g, 'municipality',
           CASE WHEN g % 4 = 0 THEN 'guest' ELSE 'associate' END, 'active', 'AT', 'City ' || g
      FROM generate_series(1, ${CITIES}) g`);
  // Each city: a stage, three commitments and 20 years of every shared indicator.
  await db.execute(sql`
    INSERT INTO city_profiles (organisation_id, draft, published, published_at)
    SELECT o.id, '{}'::jsonb, jsonb_build_object(
             'stage', 'declared',
             'steps', jsonb_build_object('interested', '2001-01-01', 'declared', '2010-06-01'),
             'commitments', (SELECT jsonb_agg(jsonb_build_object(
                 'id', c, 'name', 'Commitment ' || c, 'instrument', 'declaration',
                 'date', '2010-06-01', 'url', '', 'document', ''))
               FROM generate_series(1, 3) c),
             'values', (SELECT jsonb_agg(jsonb_build_object(
                 'indicator', i.key, 'year', y, 'value', round((random() * 100)::numeric, 1),
                 'source', 'Statistics office', 'membersOnly', y % 7 = 0))
               FROM indicators i, generate_series(2006, 2025) y WHERE i.organisation_id IS NULL),
             'practices', '[]'::jsonb, 'transfers', '[]'::jsonb),
           now()
      FROM organisations o WHERE o.slug LIKE 'city-%'`);
  await db.execute(sql`
    INSERT INTO trend_notes (title, note, url, source_name, locale, theme, countries, date)
    SELECT 'Development ' || g, 'Why **development ' || g || '** matters to cities.',
           'https://example.org/' || g, 'Source ' || (g % 12), 'en',
           (ARRAY['housing', 'participation', 'migration-and-refugees'])[g % 3 + 1],
           ARRAY['AT'], now() - (g || ' hours')::interval
      FROM generate_series(1, 10000) g`);
  await db.execute(sql`
    INSERT INTO watch_entries (source_id, dedupe_key, title, url, summary, published_at, locale,
                               suggested_themes)
    SELECT s.id, 'guid:' || g || '-' || s.id, 'Entry ' || g, 'https://example.org/e/' || g,
           'A summary of entry ' || g, now() - (g || ' minutes')::interval, 'en', '{housing}'
      FROM (SELECT id FROM watch_sources ORDER BY name LIMIT 1) s, generate_series(1, 5000) g`);
  await db.execute(sql`VACUUM ANALYZE`);
  console.log(
    `${CITIES} cities (${CITIES * 120} values), 10,000 trend notes, 5,000 queued entries seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  await bench.app.http.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(bench.app.http.server.address() as AddressInfo).port}`;
  const pages = [
    '/en/news',
    '/en/news?theme=housing&country=AT',
    '/en/news/trends?page=100',
    '/en/cities',
    '/en/cities/city-7',
    '/en/cities/compare?city=city-1&city=city-2&city=city-3&city=city-4&city=city-5&indicator=women-in-council&indicator=homelessness',
    '/api/cities/city-7',
    '/en/cities/city-7/export.csv',
  ];
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
      page: page.length > 48 ? `${page.slice(0, 45)}…` : page,
      kB: Math.round((bodies.get(page)?.length ?? 0) / 1024),
      ...platform,
      bareP95: baseline.p95,
      ratioP95: Math.round((platform.p95 / Math.max(baseline.p95, 0.1)) * 10) / 10,
    });
  }
  console.log('Pages as a visitor, over HTTP, render cache off (ms):');
  console.table(rows);
  const poll = bench.app.jobs.find((job) => job.name === 'monitoring.poll-sources');
  // Every source muted: the job's own cost with nothing due.
  await db.execute(sql`UPDATE watch_sources SET muted_at = now()`);
  console.log(
    'Poll job with nothing due (ms):',
    summary(await timed(20, () => poll?.run() ?? Promise.resolve())),
  );
} finally {
  bare?.close();
  await bench.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
