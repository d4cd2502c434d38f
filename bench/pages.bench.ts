/**
 * npm run bench — requests per second and p50/p99 latency of the home page and a Knowledge Centre
 * page, served by the platform and by a bare node:http server returning the same bytes, measured
 * in the same run on loopback; prints the ratio. Also the pages' weight over the wire (gzip).
 *
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 10) tune the load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PAGES = ['/en/', '/en/knowledge/useful-links'];

function startTarget(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/run-ts.js', 'bench/targets.ts', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /PORT (\d+)/.exec(out);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.on('exit', (code) => reject(new Error(`target exited with ${code}`)));
  });
}

async function stopTarget(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function load(
  url: string,
): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-bench-'));
await fs.chmod(dataDir, 0o755);
const app = await startTarget(['app', dataDir]);
let uncached: { child: ChildProcess; port: number } | undefined;
let bare: { child: ChildProcess; port: number } | undefined;
try {
  // The same bytes for the bare server: the page as the platform renders it, and its stylesheet.
  const snapshot: Record<string, { type: string; body: string }> = {};
  const weights: string[] = [];
  for (const page of PAGES) {
    const response = await fetch(`http://127.0.0.1:${app.port}${page}`);
    const html = Buffer.from(await response.arrayBuffer());
    snapshot[page] = { type: 'text/html; charset=utf-8', body: html.toString('base64') };
    const css = /href="(\/assets\/site\.[^"]+\.css)"/.exec(html.toString())?.[1] ?? '';
    const cssBytes = Buffer.from(
      await (await fetch(`http://127.0.0.1:${app.port}${css}`)).arrayBuffer(),
    );
    const scripts = [...html.toString().matchAll(/<script[^>]*src="([^"]+)"/g)].length;
    weights.push(
      `${page}: HTML ${html.length} B (${gzipSync(html).length} B gzip) + CSS ${cssBytes.length} B (${gzipSync(cssBytes).length} B gzip) + ${scripts} scripts = ${gzipSync(html).length + gzipSync(cssBytes).length} B gzip over the wire`,
    );
  }
  const snapshotFile = path.join(dataDir, 'pages.json');
  await fs.writeFile(snapshotFile, JSON.stringify(snapshot));
  bare = await startTarget(['bare', snapshotFile]);
  // The same platform on the same database with the render cache off: the cost of rendering.
  uncached = await startTarget(['app', dataDir], { RENDER_CACHE_MB: '0', HRCN_JOIN_DATABASE: '1' });

  console.log(
    `Load: ${CONNECTIONS} connections, ${SECONDS} s per run, loopback, ${os.cpus().length} cores\n`,
  );
  console.log('| page | server | req/s | p50 ms | p99 ms | errors |');
  console.log('|---|---|---:|---:|---:|---:|');
  const ratios: string[] = [];
  for (const page of PAGES) {
    const platform = await load(`http://127.0.0.1:${app.port}${page}`);
    const rendering = await load(`http://127.0.0.1:${uncached.port}${page}`);
    const baseline = await load(`http://127.0.0.1:${bare.port}${page}`);
    const rows = [
      ['platform, render cache on', platform],
      ['platform, render cache off', rendering],
      ['bare node:http', baseline],
    ] as const;
    for (const [name, figures] of rows) {
      console.log(
        `| ${page} | ${name} | ${figures.rps.toFixed(0)} | ${figures.p50} | ${figures.p99} | ${figures.errors} |`,
      );
    }
    const share = (figures: { rps: number }): string =>
      ((figures.rps / baseline.rps) * 100).toFixed(1);
    ratios.push(
      `${page}: platform at ${share(platform)} % of the bare server's throughput ` +
        `(${share(rendering)} % with the render cache off)`,
    );
  }
  console.log(`\n${ratios.join('\n')}\n\nWeight:\n${weights.join('\n')}`);
} finally {
  if (bare) await stopTarget(bare.child);
  if (uncached) await stopTarget(uncached.child);
  await stopTarget(app.child);
  await fs.rm(dataDir, { recursive: true, force: true });
}
