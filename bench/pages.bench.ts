/**
 * npm run bench:pages — requests per second and p50/p99 latency of four pages (the home page, the
 * useful links, an item and a list of the Knowledge Centre with 120 generated items), served by the
 * platform as production runs it (`hrcn serve`, the compiled build, on the embedded PostgreSQL;
 * a second `hrcn serve` with the render cache off on the same database) and by a bare node:http
 * server returning the same bytes, measured in the same run on loopback; prints the ratios the
 * scale issue asks for:
 *   - from the render cache, plain and brotli, against the bare server sending the same bytes;
 *   - rendered for every request (render cache off), against the bare server;
 *   - signed in (never cached), in time per request against the same page rendered for a visitor.
 * Then the memory of the server: its RSS after the pages were read and it idled a minute, and its
 * peak under 32 connections asking for the list with the render cache off. Also the pages' weight
 * over the wire.
 *
 * Each page's rows run in rounds (BENCH_ROUNDS, default 3, of BENCH_SECONDS, default 5, a row),
 * the two rows of each ratio side by side and every other round in the reverse order; a row's
 * figure is its median over the rounds, a ratio the median of the rounds' ratios with their range;
 * before a page's rounds, each of its rows runs 2 s unmeasured, to warm the servers up.
 * BENCH_CONNECTIONS (default 10) and BENCH_IDLE_SECONDS (default 60) tune the rest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { findRunningEmbeddedPostgres } from '../src/platform/db/embedded.js';
import { loadSecrets } from '../src/platform/secrets.js';
import { rssMb, serve } from './serve.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PEAK_SECONDS = 10;
/** Each row's unmeasured run before its page's rounds. */
const WARM_SECONDS = 2;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const ITEMS = 120;
const PAGES = [
  '/en/',
  '/en/knowledge/useful-links',
  '/en/knowledge/good-practices/bench-2',
  '/en/knowledge/good-practices',
];
const LIST = '/en/knowledge/good-practices';
const BROTLI = { 'accept-encoding': 'br' };
/** The rows of a page, in the order a round runs them: each ratio's two rows side by side. */
const ROWS = [
  'render cache',
  'bare node:http',
  'render cache off',
  'signed in (not cached)',
  'render cache, brotli',
  'bare node:http, brotli',
] as const;
type Row = (typeof ROWS)[number];

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

interface Target {
  child: ChildProcess;
  port: number;
}

/** A bench target (targets.ts) in its own process; resolves with what it printed when it says so. */
function startTarget(
  args: string[],
  env: Record<string, string>,
  until: RegExp,
): Promise<{ child: ChildProcess; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/run-ts.js', 'bench/targets.ts', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (until.test(out)) resolve({ child, out });
    });
    child.on('exit', (code) =>
      code === 0 && until.test(out)
        ? resolve({ child, out })
        : reject(new Error(`target exited with ${code}`)),
    );
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(
  url: string,
  headers: Record<string, string> = {},
  connections = CONNECTIONS,
  seconds = SECONDS,
): Promise<Figures> {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** The body of an answer as sent, compressed if it was (fetch() would decompress it). */
function rawBody(url: string, headers: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(Buffer.concat(chunks)));
      })
      .on('error', reject);
  });
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-bench-'));
await fs.chmod(dataDir, 0o755);
// The second server's own directory (its secrets, its files): it shares only the database.
const secondDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-bench-uncached-'));
const running: ChildProcess[] = [];
try {
  // The data, then the platform as production runs it: `hrcn serve`, the compiled build.
  const seeded = await startTarget(
    ['seed', dataDir],
    { BENCH_ITEMS: String(ITEMS), BENCH_SIGN_IN: 'bench-reader@example.org' },
    /COOKIE .*\n/,
  );
  const cookie = /COOKIE (.*)/.exec(seeded.out)?.[1] ?? '';
  if (seeded.child.exitCode === null) await once(seeded.child, 'exit');
  const app = await serve(dataDir);
  running.push(app.child);
  const base = app.base;
  // The same bytes for the bare server: each page as the platform renders it for a visitor,
  // plain at its path and in brotli at `<path>?br`.
  const snapshot: Record<string, { type: string; body: string; encoding?: string }> = {};
  const weights: string[] = [];
  for (const page of PAGES) {
    const response = await fetch(`${base}${page}`);
    if (!response.ok) throw new Error(`${page} answered ${response.status}`);
    const html = Buffer.from(await response.arrayBuffer());
    const brotli = await rawBody(`${base}${page}`, BROTLI);
    snapshot[page] = { type: 'text/html; charset=utf-8', body: html.toString('base64') };
    snapshot[`${page}?br`] = {
      type: 'text/html; charset=utf-8',
      body: brotli.toString('base64'),
      encoding: 'br',
    };
    const css = /href="(\/assets\/site\.[^"]+\.css)"/.exec(html.toString())?.[1] ?? '';
    const cssBytes = Buffer.from(await (await fetch(`${base}${css}`)).arrayBuffer());
    const scripts = [...html.toString().matchAll(/<script[^>]*src="([^"]+)"/g)].length;
    weights.push(
      `${page}: HTML ${html.length} B (${gzipSync(html).length} B gzip) + CSS ${cssBytes.length} B (${gzipSync(cssBytes).length} B gzip) + ${scripts} scripts = ${gzipSync(html).length + gzipSync(cssBytes).length} B gzip over the wire`,
    );
  }
  const snapshotFile = path.join(dataDir, 'pages.json');
  await fs.writeFile(snapshotFile, JSON.stringify(snapshot));
  const bare = await startTarget(['bare', snapshotFile], {}, /PORT \d+/);
  running.push(bare.child);
  const barePort = Number(/PORT (\d+)/.exec(bare.out)?.[1]);
  // A second instance with the render cache off on the same database, as a second app server
  // joins it (its Unix socket here): the cost of rendering.
  const joined = await findRunningEmbeddedPostgres(
    dataDir,
    (await loadSecrets(dataDir)).databasePassword,
  );
  if (!joined) throw new Error('the first server’s PostgreSQL is not found');
  const uncached = await serve(secondDir, { RENDER_CACHE_MB: '0', DATABASE_URL: joined.url });
  running.push(uncached.child);

  console.log(
    `Load: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per row, loopback, ` +
      `${os.cpus().length} cores, ${ITEMS} items\n`,
  );
  console.log('| page | server | req/s (median) | p50 ms | p99 ms | errors |');
  console.log('|---|---|---:|---:|---:|---:|');
  const ratios: string[] = [];
  for (const page of PAGES) {
    const at = (target: Target) => `http://127.0.0.1:${target.port}${page}`;
    const bareAt = `http://127.0.0.1:${barePort}${page}`;
    const runs: Record<Row, (seconds?: number) => Promise<Figures>> = {
      'render cache': (seconds) => load(at(app), {}, CONNECTIONS, seconds),
      'bare node:http': (seconds) => load(bareAt, {}, CONNECTIONS, seconds),
      'render cache off': (seconds) => load(at(uncached), {}, CONNECTIONS, seconds),
      'signed in (not cached)': (seconds) => load(at(app), { cookie }, CONNECTIONS, seconds),
      'render cache, brotli': (seconds) => load(at(app), BROTLI, CONNECTIONS, seconds),
      'bare node:http, brotli': (seconds) => load(`${bareAt}?br`, BROTLI, CONNECTIONS, seconds),
    };
    // Every row once unmeasured first: the page's code compiled by V8 and its statements
    // prepared on the connections, as on a server that has been up a while.
    for (const row of ROWS) await runs[row](WARM_SECONDS);
    // Each ratio's two rows run side by side, and every other round in the reverse order, so
    // that the machine's drift during a run (this one's moves by 10 % and more) falls on both.
    const rounds: Record<Row, Figures>[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? ROWS : [...ROWS].reverse();
      const figures: Partial<Record<Row, Figures>> = {};
      for (const row of order) figures[row] = await runs[row]();
      rounds.push(figures as Record<Row, Figures>);
    }
    for (const row of ROWS) {
      const all = rounds.map((figures) => figures[row]);
      console.log(
        `| ${page} | ${row} | ${median(all.map((f) => f.rps)).toFixed(0)} | ` +
          `${median(all.map((f) => f.p50))} | ${median(all.map((f) => f.p99))} | ` +
          `${all.reduce((sum, f) => sum + f.errors, 0)} |`,
      );
    }
    /** A ratio of two rows of the same round, as its median over the rounds and its range. */
    const ratio = (
      of: (figures: Record<Row, Figures>) => number,
      format: (x: number) => string,
    ) => {
      const each = rounds.map(of).sort((a, b) => a - b);
      return `${format(median(each))} (${format(each[0] ?? 0)}–${format(each.at(-1) ?? 0)})`;
    };
    const share = (x: number) => `${(x * 100).toFixed(1)} %`;
    const times = (x: number) => `${x.toFixed(2)}×`;
    const rps = (figures: Record<Row, Figures>, row: Row) => figures[row].rps;
    ratios.push(
      `${page}: cached ${ratio((f) => rps(f, 'render cache') / rps(f, 'bare node:http'), share)} of bare, ` +
        `brotli ${ratio((f) => rps(f, 'render cache, brotli') / rps(f, 'bare node:http, brotli'), share)}; ` +
        `rendered ${ratio((f) => rps(f, 'render cache off') / rps(f, 'bare node:http'), share)}; ` +
        `signed in ${ratio((f) => rps(f, 'render cache off') / rps(f, 'signed in (not cached)'), times)} ` +
        `the time of the page rendered for a visitor`,
    );
  }
  console.log(`\n${ratios.join('\n')}\n\nWeight:\n${weights.join('\n')}\n`);
  for (const child of running.splice(0).reverse()) await stop(child);

  // Memory of a server started anew on the same data.
  const server = await serve(dataDir);
  running.push(server.child);
  const serverBase = `http://127.0.0.1:${server.port}`;
  for (let round = 0; round < 20; round += 1)
    for (const page of PAGES) {
      await (await fetch(`${serverBase}${page}`)).arrayBuffer();
      await (await fetch(`${serverBase}${page}`, { headers: BROTLI })).arrayBuffer();
    }
  const pid = server.child.pid ?? 0;
  const warm = rssMb(pid);
  await sleep(IDLE_SECONDS * 1000);
  console.log(
    `hrcn serve: RSS ${warm.toFixed(0)} MB after reading the pages, ${rssMb(pid).toFixed(0)} MB after ${IDLE_SECONDS} s idle`,
  );
  await stop(server.child);
  running.splice(0);

  const rendering = await serve(dataDir, { RENDER_CACHE_MB: '0' });
  running.push(rendering.child);
  const renderingPid = rendering.child.pid ?? 0;
  await (await fetch(`http://127.0.0.1:${rendering.port}${LIST}`)).arrayBuffer();
  const before = rssMb(renderingPid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(renderingPid))), 50);
  const busy = await load(`http://127.0.0.1:${rendering.port}${LIST}`, {}, 32, PEAK_SECONDS);
  clearInterval(sampler);
  console.log(
    `hrcn serve, render cache off, ${LIST} at 32 connections for ${PEAK_SECONDS} s: ${busy.rps.toFixed(0)} req/s, ` +
      `${busy.errors} errors; RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB, ` +
      `${rssMb(renderingPid).toFixed(0)} MB after`,
  );
} finally {
  // The last started first: the server that owns the database stops after those using it.
  for (const child of running.reverse()) await stop(child);
  await fs.rm(dataDir, { recursive: true, force: true });
  await fs.rm(secondDir, { recursive: true, force: true });
}
