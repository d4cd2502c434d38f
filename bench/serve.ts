/**
 * `hrcn serve` from the compiled build, as production runs it, on a bench's data directory; and
 * a process's resident memory. Shared by bench:pages and bench:soak.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Served {
  child: ChildProcess;
  port: number;
  base: string;
}

/** Starts `hrcn serve` on a free-ish port of 127.0.0.1 and waits for /readyz. */
export async function serve(dataDir: string, env: Record<string, string> = {}): Promise<Served> {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['bin/hrcn.js', 'serve'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  const base = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 600; tries += 1) {
    if (child.exitCode !== null) throw new Error(`hrcn serve exited with ${child.exitCode}`);
    if ((await fetch(`${base}/readyz`).catch(() => null))?.ok) return { child, port, base };
    await sleep(100);
  }
  child.kill();
  throw new Error('hrcn serve did not get ready in 60 s');
}

/** A process's resident memory now, in MB (Linux). */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) / 1024;
}
