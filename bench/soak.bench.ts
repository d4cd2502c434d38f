/**
 * npm run bench:soak — whether the production server's memory stays flat under a long mixed load.
 * Seeds 120 generated items, starts `hrcn serve` (the compiled build) on them, finds its peak
 * throughput on a mix of pages (home, lists with filters and pages, items, the useful links,
 * searches from many client addresses, feeds, the sitemap) at 32 connections, then holds 80 % of
 * that rate for BENCH_SOAK_SECONDS (default 600). Prints RSS after the warm-up (the first
 * BENCH_WARMUP_SECONDS, default 60) and at the end, every minute between, and the errors.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startBenchApp } from './app.js';
import { ITEM_SECTIONS } from './items.js';
import { rssMb, serve } from './serve.js';

const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 60);
const ITEMS = 120;
const CONNECTIONS = 32;

/** The mix: what readers, crawlers and feed readers ask for, many of them not cached yet. */
function mix(): { path: string; headers?: Record<string, string> }[] {
  const requests: { path: string; headers?: Record<string, string> }[] = [];
  const words = ['housing', 'water', 'rights', 'city', 'participation', 'logement', 'Stadt'];
  const themes = ['housing', 'water', 'education', 'health', 'participation'];
  const sections = ['publications', 'good-practices', 'institutions', 'thematic-issues'];
  for (let n = 1; n <= ITEMS; n += 1) {
    const section = sections[n % sections.length] ?? 'publications';
    const locale = ['en', 'fr', 'de', 'es', 'it'][n % 5] ?? 'en';
    requests.push(
      { path: `/${locale}/` },
      { path: `/${locale}/knowledge/${section}?page=${1 + (n % 3)}` },
      { path: `/${locale}/knowledge/${section}?theme=${themes[n % themes.length]}` },
      { path: '/en/knowledge/useful-links' },
      {
        path: `/en/search?q=${words[n % words.length]}`,
        // Searches come from many readers (TRUST_PROXY), each under the search's rate limit.
        headers: { 'x-forwarded-for': `198.51.100.${n}` },
      },
    );
    // One item in ten is in the members layer: a visitor is told it is not there (404).
    if (n % 10 !== 0) requests.push({ path: `/en/knowledge/${ITEM_SECTIONS[n % 7]}/bench-${n}` });
    else requests.push({ path: '/en/feed.atom' }, { path: '/sitemap.xml' });
  }
  return requests;
}

async function run(
  base: string,
  seconds: number,
  overallRate?: number,
): Promise<autocannon.Result> {
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    requests: mix().map(({ path, headers }) => ({ method: 'GET', path, headers })),
    ...(overallRate ? { overallRate } : {}),
  });
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-soak-'));
await fs.chmod(dataDir, 0o755);
let server: ChildProcess | undefined;
try {
  const seeded = await startBenchApp(dataDir, { renderCacheBytes: 0, items: ITEMS });
  await seeded.close();
  const started = await serve(dataDir, { TRUST_PROXY: 'true' });
  server = started.child;
  const pid = server.pid ?? 0;
  const peak = await run(started.base, 20);
  const rate = Math.round(peak.requests.average * 0.8);
  console.log(
    `Peak on the mix: ${peak.requests.average.toFixed(0)} req/s at ${CONNECTIONS} connections ` +
      `(${peak.errors + peak.non2xx} errors of ${peak.requests.total}); soaking at ${rate} req/s ` +
      `for ${SOAK_SECONDS} s; RSS ${rssMb(pid).toFixed(0)} MB`,
  );
  const samples: { at: number; rss: number }[] = [];
  const begin = performance.now();
  const sampler = setInterval(
    () => samples.push({ at: (performance.now() - begin) / 1000, rss: rssMb(pid) }),
    1000,
  );
  const soak = await run(started.base, SOAK_SECONDS, rate);
  clearInterval(sampler);
  const afterWarmUp = samples.find((sample) => sample.at >= WARMUP_SECONDS)?.rss ?? 0;
  const end = samples.at(-1)?.rss ?? 0;
  for (const sample of samples.filter((_, i) => i % 60 === 59))
    console.log(`  ${sample.at.toFixed(0).padStart(4)} s: RSS ${sample.rss.toFixed(0)} MB`);
  const codes = Object.entries(soak.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}: ${count}`)
    .join(', ');
  const serverErrors = Object.entries(soak.statusCodeStats ?? {})
    .filter(([code]) => code.startsWith('5'))
    .reduce((sum, [, stats]) => sum + (stats?.count ?? 0), 0);
  console.log(
    `Soak: ${soak.requests.total} requests (${soak.requests.average.toFixed(0)} req/s; ${codes}), ` +
      `${soak.errors} connection errors, ${serverErrors} server errors (5xx), ${soak.non2xx} answers other than 2xx; p50 ${soak.latency.p50} ms, ` +
      `p99 ${soak.latency.p99} ms; RSS ${afterWarmUp.toFixed(0)} MB after ${WARMUP_SECONDS} s, ` +
      `${end.toFixed(0)} MB at the end (${(((end - afterWarmUp) / afterWarmUp) * 100).toFixed(1)} %), ` +
      `highest ${Math.max(...samples.map((sample) => sample.rss)).toFixed(0)} MB`,
  );
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await fs.rm(dataDir, { recursive: true, force: true });
}
