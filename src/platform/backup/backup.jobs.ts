/**
 * The daily backup (BACKUP_DIR, BACKUP_KEEP): a pg-boss job, so that with several instances one
 * writes it; the archive is written under a temporary name and renamed when complete, then the
 * oldest archives beyond BACKUP_KEEP are deleted. Off when BACKUP_DIR is unset.
 */
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import type { FileStore } from '../files/file-store.js';
import type { Logger } from '../logging/logger.js';
import type { BackupSummary } from './archive.js';
import { writeBackup } from './backup.js';

export const BACKUP_JOBS = {
  daily: { name: 'backup.daily', cron: '17 3 * * *' },
} as const;

/** The archives the job writes: hrcn-backup-<UTC date and time>.tar.gz, sorting by age. */
const ARCHIVE_NAME = /^hrcn-backup-\d{4}-\d{2}-\d{2}T\d{6}Z\.tar\.gz$/;

/** The file name of an archive made at `at`, e.g. hrcn-backup-2026-05-01T031700Z.tar.gz. */
export const archiveName = (at: Date): string =>
  `hrcn-backup-${at.toISOString().slice(0, 19).replaceAll(':', '')}Z.tar.gz`;

/**
 * Writes the archive to `file` through `file.part`, renamed only when complete: a file with the
 * final name is always a whole archive. The part is removed when the backup fails.
 */
export async function writeBackupFile(
  file: string,
  write: (output: Writable) => Promise<BackupSummary>,
): Promise<BackupSummary> {
  const part = `${file}.part`;
  try {
    const summary = await write(createWriteStream(part, { flags: 'wx', mode: 0o600 }));
    await fs.rename(part, file);
    return summary;
  } catch (error) {
    await fs.rm(part, { force: true });
    throw error;
  }
}

export interface BackupJobDeps {
  pool: pg.Pool;
  files: FileStore;
  sessionSecret: string;
  /** Where the archives go. */
  directory: string;
  /** How many archives to keep (the newest). */
  keep: number;
  clock: () => Date;
  log: Logger;
}

/** One run: a new archive in the directory, then the oldest beyond `keep` deleted. */
export async function runDailyBackup(
  deps: BackupJobDeps,
): Promise<{ file: string; deleted: string[] }> {
  await fs.mkdir(deps.directory, { recursive: true, mode: 0o700 });
  const started = performance.now();
  const file = path.join(deps.directory, archiveName(deps.clock()));
  const summary = await writeBackupFile(file, (output) =>
    writeBackup({ ...deps, output, clock: deps.clock }),
  );
  const { size } = await fs.stat(file);
  deps.log.info(
    { file, archiveBytes: size, ...summary, ms: Math.round(performance.now() - started) },
    'backup written',
  );
  const archives = (await fs.readdir(deps.directory)).filter((name) => ARCHIVE_NAME.test(name));
  const deleted = archives.sort().slice(0, Math.max(0, archives.length - deps.keep));
  for (const name of deleted) await fs.rm(path.join(deps.directory, name), { force: true });
  if (deleted.length > 0) deps.log.info({ deleted }, 'old backups deleted');
  return { file, deleted };
}
