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

/** Every server this file starts, so that a failing test leaves none running. */
const started: ChildProcess[] = [];

function serve(dataDir: string): Running {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    // From another directory than the project's, as a service manager would start it.
    cwd: os.tmpdir(),
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
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

/** Runs an `hrcn` command to its end. */
function hrcn(
  dataDir: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: os.tmpdir(),
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
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
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  const pid = await postmasterPid(dataDir);
  if (pid && alive(pid)) process.kill(pid, 'SIGINT');
  await fs.rm(dataDir, { recursive: true, force: true });
});

// Each test starts the command (TypeScript loaded at run time, issue #13) and often PostgreSQL: 16–22 s
// on a loaded 2-core machine, under half of this.
const PROCESS_TIMEOUT = { timeout: 60_000 };

describe('hrcn serve on the embedded database', PROCESS_TIMEOUT, () => {
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

    // The CLI, run beside the server, joins its PostgreSQL and prints a working set-up link.
    const cli = await hrcn(dataDir, ['user', 'create-admin', '--locale', 'fr']);
    expect(cli.code).toBe(0);
    const setupPath = new URL(cli.stdout.trim()).pathname;
    expect(setupPath).toMatch(/^\/fr\/setup\/[A-Za-z0-9_-]{43}$/);
    expect((await fetch(`http://127.0.0.1:${thirdPort}${setupPath}`)).status).toBe(200);

    // SIGTERM stops the app and its database in order.
    const running = await postmasterPid(dataDir);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    expect(running && alive(running)).toBe(false);
    expect(existsSync(path.join(dataDir, 'hrcn.pid'))).toBe(false);
  });
});

describe('hrcn commands', PROCESS_TIMEOUT, () => {
  it('explain themselves with --help', async () => {
    const help = await hrcn(dataDir, ['--help']);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'db', 'user']) expect(help.stdout).toContain(command);
    for (const args of [
      ['serve', '--help'],
      ['db', 'migrate', '--help'],
      ['db', 'seed', '--help'],
      ['user', 'create-admin', '--help'],
    ]) {
      const result = await hrcn(dataDir, args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).toContain('Usage: hrcn');
    }
  });

  it('migrate and seed a new data directory with progress, and say what is wrong in the config', async () => {
    const fresh = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-cli-'));
    await fs.chmod(fresh, 0o755);
    try {
      const seed = await hrcn(fresh, ['db', 'seed']);
      expect(seed.code, seed.stderr).toBe(0);
      expect(seed.stderr).toContain('[1/9] vocabularies');
      expect(seed.stderr).toMatch(/Seeding initial content: done in \d+ ms/);
      expect(seed.stderr).toContain('links: 109 added'); // 98 links and their 11 groups
      expect(seed.stderr).toContain('items: 21 added');
      expect(seed.stderr).toContain('watched sources: 12 added');
      expect(seed.stderr).toContain('indicators: 6 added');
      const again = await hrcn(fresh, ['db', 'seed']);
      expect(again.stderr).toContain('links: 0 added');
      const migrate = await hrcn(fresh, ['db', 'migrate']);
      expect(migrate.code).toBe(0);
      const wrong = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'db', 'migrate'], {
          env: { ...process.env, DATA_DIR: fresh, PORT: 'eighty' },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      expect(wrong.code).toBe(78);
      expect(wrong.stderr).toContain('PORT');
      expect(wrong.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    } finally {
      await fs.rm(fresh, { recursive: true, force: true });
    }
  });
});
