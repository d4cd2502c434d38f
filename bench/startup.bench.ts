/**
 * npm run bench:startup — time of `hrcn --help`, and from `hrcn serve` to the first page served on
 * a first start (initdb, migrations, seed) and on a later start of the same data directory, beside
 * `node -e ''` as the floor; the app process's RSS at idle. Each command is timed ROUNDS times
 * (median). The build is brought up to date first, as the install does.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Median wall time of a command run to its end. */
function timeCommand(args: string[]): number {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
    times.push(performance.now() - started);
  }
  return median(times);
}

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

spawnSync(process.execPath, ['bin/build.js'], { stdio: 'inherit' });
const floor = timeCommand(['-e', '']);
const help = timeCommand(['bin/hrcn.js', '--help']);
const firsts: number[] = [];
const laters: number[] = [];
let rss = 0;
for (let round = 0; round < ROUNDS; round++) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-startup-'));
  await fs.chmod(dataDir, 0o755);
  const port = 20000 + Math.floor(Math.random() * 20000);
  try {
    const first = await start(dataDir, port);
    await stop(first.child);
    firsts.push(first.ms);
    const later = await start(dataDir, port);
    laters.push(later.ms);
    if (round === ROUNDS - 1) {
      await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
      rss = rssMegabytes(later.child.pid ?? 0);
    }
    await stop(later.child);
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
{
  console.log(`Medians of ${ROUNDS} runs.`);
  console.log(`node -e '' (the floor):                            ${Math.round(floor)} ms`);
  console.log(`hrcn --help:                                       ${Math.round(help)} ms`);
  console.log(
    `First start (initdb, migrate, seed) to first page: ${Math.round(median(firsts))} ms`,
  );
  console.log(
    `Later start to first page:                         ${Math.round(median(laters))} ms`,
  );
  console.log(
    `App process RSS after ${IDLE_SECONDS} s idle:                  ${rss.toFixed(1)} MB (PostgreSQL's own processes not included)`,
  );
}
