/**
 * npm run bench:startup — time from `hrcn serve` to the first page served, on a first start (initdb,
 * migrations, seed) and on a later start of the same data directory; the app process's RSS at idle.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 5);

async function firstPage(port: number, started: number): Promise<number> {
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/en/`);
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function start(dataDir: string, port: number): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/hrcn.js', 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  return { child, ms: await firstPage(port, started) };
}

async function stop(child: ChildProcess): Promise<void> {
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-startup-'));
await fs.chmod(dataDir, 0o755);
const port = 20000 + Math.floor(Math.random() * 20000);
try {
  const first = await start(dataDir, port);
  await stop(first.child);
  const later = await start(dataDir, port);
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  const rss = rssMegabytes(later.child.pid ?? 0);
  await stop(later.child);
  console.log(`First start (initdb, migrate, seed) to first page: ${Math.round(first.ms)} ms`);
  console.log(`Later start to first page:                         ${Math.round(later.ms)} ms`);
  console.log(
    `App process RSS after ${IDLE_SECONDS} s idle:                  ${rss.toFixed(1)} MB (PostgreSQL's own processes not included)`,
  );
} finally {
  await fs.rm(dataDir, { recursive: true, force: true });
}
