/**
 * Running the embedded PostgreSQL as root: PostgreSQL refuses root, so the server runs as the
 * system user `postgres` (created if missing), and its cluster lives where that user can enter.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../logging/logger.js';

const execFileAsync = promisify(execFile);

/** The server's system user when the app runs as root. */
export const SYSTEM_USER = 'postgres';

/** As root, the home of clusters whose data directory the system user cannot enter. */
export const SYSTEM_CLUSTERS_DIR = '/var/lib/hrcn';

/** The server's programs. */
export interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/** Who the server's processes run as. */
export interface RunAs {
  uid: number;
  gid: number;
}

/** As root, the system user (made on first use); otherwise undefined: the server runs as we do. */
export async function systemUser(log: Logger): Promise<RunAs | undefined> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const lookUp = async (): Promise<RunAs> => {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', SYSTEM_USER]),
      execFileAsync('id', ['-g', SYSTEM_USER]),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookUp();
  } catch {
    log.info({ user: SYSTEM_USER }, 'running as root: creating a system user for PostgreSQL');
    await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', SYSTEM_USER]);
    return lookUp();
  }
}

/** The first directory on the way to `dir` (itself included) that the server's user cannot enter. */
async function closedOnTheWay(dir: string, runAs: RunAs): Promise<string | null> {
  let current = path.resolve(dir);
  while (true) {
    const stat = await fs.stat(current);
    const enters =
      stat.uid === runAs.uid
        ? (stat.mode & 0o100) !== 0
        : stat.gid === runAs.gid
          ? (stat.mode & 0o010) !== 0
          : (stat.mode & 0o001) !== 0;
    if (!enters) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/**
 * Where the cluster lives: `<dataDir>/postgres`, unless the app runs as root and the server's user
 * cannot enter the data directory; then under the system clusters directory, linked from there.
 * Nothing is opened to anyone; what was done is said once, when it is done.
 */
export async function clusterLocation(
  dataDir: string,
  runAs: RunAs | undefined,
  options: { log: Logger; systemClustersDir?: string | undefined },
): Promise<string> {
  const inside = path.join(dataDir, 'postgres');
  if (!runAs) return inside;
  const linked = await fs.readlink(inside).catch(() => null);
  if (linked !== null) return path.resolve(dataDir, linked);
  const closed = await closedOnTheWay(dataDir, runAs);
  if (closed === null) return inside;
  if (existsSync(path.join(inside, 'PG_VERSION'))) {
    throw new Error(
      `PostgreSQL runs as the system user "${SYSTEM_USER}" when the app runs as root, and that user ` +
        `cannot enter ${closed}, where its data already is. Run the app as an ordinary user, ` +
        `or move the data directory to a place that user can reach.`,
    );
  }
  const base = options.systemClustersDir ?? SYSTEM_CLUSTERS_DIR;
  await fs.mkdir(base, { recursive: true, mode: 0o755 });
  const closedBase = await closedOnTheWay(base, runAs);
  if (closedBase !== null) {
    throw new Error(
      `PostgreSQL runs as the system user "${SYSTEM_USER}" when the app runs as root, and that user ` +
        `can enter neither ${closed} nor ${closedBase}. Run the app as an ordinary user, or choose ` +
        'a DATA_DIR that user can reach.',
    );
  }
  const id = createHash('sha256')
    .update(await fs.realpath(dataDir))
    .digest('hex')
    .slice(0, 16);
  const home = path.join(base, id);
  await fs.mkdir(home, { recursive: true, mode: 0o700 });
  await fs.chown(home, runAs.uid, runAs.gid);
  const cluster = path.join(home, 'postgres');
  await fs.rmdir(inside).catch(() => undefined); // an empty folder left by hand
  await fs.symlink(cluster, inside);
  options.log.warn(
    { dataDir, cluster },
    `PostgreSQL runs as the system user "${SYSTEM_USER}", which cannot enter ${closed}: its data is ` +
      `kept in ${cluster}, linked from ${inside}. Back up both directories.`,
  );
  return cluster;
}

export async function chownTree(dir: string, runAs: RunAs): Promise<void> {
  await fs.chown(dir, runAs.uid, runAs.gid);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(full, runAs);
    else await fs.chown(full, runAs.uid, runAs.gid);
  }
}

/**
 * As root, the server's programs as the system user can run them. Where they lie behind a
 * directory that user cannot enter (a clone in root's home directory), a copy of the server's
 * files (bin, lib, share) is kept in the system clusters directory, once per installed version,
 * said once; nothing is opened to anyone.
 */
export async function reachableBinaries(
  bin: Binaries,
  runAs: RunAs,
  options: { log: Logger; systemClustersDir?: string | undefined },
): Promise<Binaries> {
  const closed = await closedOnTheWay(path.dirname(bin.initdb), runAs);
  if (closed === null) return bin;
  const installed = path.dirname(path.dirname(bin.initdb)); // …/native, holding bin/ lib/ share/
  const base = options.systemClustersDir ?? SYSTEM_CLUSTERS_DIR;
  await fs.mkdir(base, { recursive: true, mode: 0o755 });
  const program = await fs.stat(bin.postgres);
  const id = createHash('sha256')
    .update(`${await fs.realpath(installed)} ${program.size} ${program.mtimeMs}`)
    .digest('hex')
    .slice(0, 16);
  const copy = path.join(base, `server-${id}`);
  if (!existsSync(copy)) {
    const staging = `${copy}.${process.pid}`;
    await fs.cp(installed, staging, { recursive: true, verbatimSymlinks: true });
    // Another process may have made it meanwhile: theirs is as good.
    await fs.rename(staging, copy).catch(() => fs.rm(staging, { recursive: true, force: true }));
    options.log.warn(
      { copy },
      `PostgreSQL runs as the system user "${SYSTEM_USER}", which cannot enter ${closed}: its ` +
        `programs are copied to ${copy}.`,
    );
  }
  const closedCopy = await closedOnTheWay(copy, runAs);
  if (closedCopy !== null)
    throw new Error(
      `PostgreSQL runs as the system user "${SYSTEM_USER}" when the app runs as root, and that user ` +
        `cannot enter ${closedCopy}. Run the app as an ordinary user.`,
    );
  const moved = (file: string): string => path.join(copy, path.relative(installed, file));
  return { initdb: moved(bin.initdb), pg_ctl: moved(bin.pg_ctl), postgres: moved(bin.postgres) };
}
