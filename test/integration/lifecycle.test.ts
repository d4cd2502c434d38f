/**
 * The server as a user runs it: `hrcn serve` on a data directory, in a child process, with the
 * embedded PostgreSQL. A second process, a SIGKILL and a SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive as alive } from '../../src/platform/db/embedded.js';

const BIN = fileURLToPath(new URL('../../bin/hrcn.js', import.meta.url));

interface Running {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the port once the server listens, rejects if the process ends first. */
  ready: Promise<number>;
  exited: Promise<number | null>;
}

function serve(dataDir: string): Running {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  ready.catch(() => undefined);
  return { child, output: () => output, ready, exited };
}

async function postmasterPid(dataDir: string): Promise<number | null> {
  const text = await fs
    .readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')
    .catch(() => null);
  return text ? Number(text.split('\n')[0]) : null;
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-lifecycle-'));
  await fs.chmod(dataDir, 0o755);
});
afterAll(async () => {
  const pid = await postmasterPid(dataDir);
  if (pid && alive(pid)) process.kill(pid, 'SIGINT');
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('hrcn serve on the embedded database', () => {
  it('initialises, seeds, serves and prints a one-time set-up link on first start', async () => {
    const first = serve(dataDir);
    const port = await first.ready;
    const home = await fetch(`http://127.0.0.1:${port}/en/`);
    expect(home.status).toBe(200);
    await expect.poll(first.output).toMatch(/\/en\/setup\/[A-Za-z0-9_-]{43}/);
    expect((await fs.stat(path.join(dataDir, 'secrets.json'))).mode & 0o777).toBe(0o600);

    // A second process on the same data directory is refused with a clear message.
    const second = serve(dataDir);
    expect(await second.exited).toBe(78);
    expect(second.output()).toContain('is in use by another hrcn process');
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    // Killed without a chance to clean up: PostgreSQL is left running on its own.
    const orphan = await postmasterPid(dataDir);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(orphan && alive(orphan)).toBe(true);

    // The next start recovers with no hand work, and the content is still there, once.
    const third = serve(dataDir);
    const thirdPort = await third.ready;
    expect(third.output()).toContain('stopping the PostgreSQL left running by an earlier run');
    const links = await (
      await fetch(`http://127.0.0.1:${thirdPort}/en/knowledge/useful-links`)
    ).text();
    expect(links.match(/Gwangju World Human Rights Cities Forum/g)).toHaveLength(1);

    // SIGTERM stops the app and its database in order.
    const running = await postmasterPid(dataDir);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    expect(running && alive(running)).toBe(false);
    expect(existsSync(path.join(dataDir, 'hrcn.pid'))).toBe(false);
  });
});
