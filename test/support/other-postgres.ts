/**
 * A second PostgreSQL server of ANOTHER major version than the test server, for round trips across
 * versions: Debian's PostgreSQL 15 (in /usr/lib/postgresql/15/bin, or PG15_BIN) beside the embedded
 * 18, or the embedded 18 when the tests run on PostgreSQL 15 (CI's TEST_DATABASE_URL pass). Started
 * in a temporary directory on a free port of 127.0.0.1; `stop()` stops it and removes the directory.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded.js';
import { systemUser } from '../../src/platform/db/embedded-root.js';
import { createLogger } from '../../src/platform/logging/logger.js';

const execFileAsync = promisify(execFile);
const PG15_BIN = process.env.PG15_BIN ?? '/usr/lib/postgresql/15/bin';

export interface OtherPostgres {
  /** Connection string of its maintenance database (superuser). */
  adminUrl: string;
  /** Its major version, e.g. 15. */
  major: number;
  stop(): Promise<void>;
}

/** The major version of the server at `url`. */
export async function majorVersion(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ v: string }>('SHOW server_version_num');
    return Math.floor(Number(result.rows[0]?.v) / 10_000);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startPostgres15(): Promise<OtherPostgres> {
  if (!existsSync(path.join(PG15_BIN, 'postgres')))
    throw new Error(
      `PostgreSQL 15 is not installed in ${PG15_BIN} (apt-get install postgresql-15).`,
    );
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-pg15-'));
  await fs.chmod(dir, 0o755);
  // PostgreSQL refuses root: as root, the cluster belongs to the system user "postgres".
  const runAs = await systemUser(createLogger('silent'));
  if (runAs) await fs.chown(dir, runAs.uid, runAs.gid);
  const data = path.join(dir, 'data');
  const options = { ...(runAs ?? {}), cwd: dir };
  const stop = async () => {
    await execFileAsync(
      path.join(PG15_BIN, 'pg_ctl'),
      ['stop', '-D', data, '-m', 'fast', '-w'],
      options,
    ).catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    await execFileAsync(
      path.join(PG15_BIN, 'initdb'),
      ['-D', data, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C.UTF-8'],
      options,
    );
    const port = await freePort();
    await execFileAsync(
      path.join(PG15_BIN, 'pg_ctl'),
      [
        'start',
        '-D',
        data,
        '-w',
        '-l',
        path.join(dir, 'server.log'),
        '-o',
        `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off`,
      ],
      options,
    );
    return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, major: 15, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startEmbedded18(): Promise<OtherPostgres> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-pg18-'));
  await fs.chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: dir,
    password: randomBytes(18).toString('base64url'),
    log: createLogger('silent'),
  }).catch(async (error: unknown) => {
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    adminUrl: server.adminUrl,
    major: await majorVersion(server.adminUrl),
    stop: async () => {
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Starts a server whose major version differs from `thanMajor`'s. */
export const startOtherPostgres = (thanMajor: number): Promise<OtherPostgres> =>
  thanMajor === 15 ? startEmbedded18() : startPostgres15();

/** Creates an empty database on the server of `adminUrl`; answers its connection string. */
export async function createEmptyDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database (closing its connections). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
