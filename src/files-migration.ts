/**
 * `hrcn files migrate`: copies the local directory of attached files (DATA_DIR/files, or --from)
 * to the bucket of FILES_URL with a progress bar, checks each file against the SHA-256 the
 * database recorded (Knowledge Centre files; dialogue attachments record none), and says what it
 * copied, skipped and could not copy. The copy itself is platform/files/migrate-files.ts. The local
 * files are never removed.
 */
import { stat } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { ConfigError, type S3Location } from './config.js';
import type { Db } from './platform/db/database.js';
import { createFileStore } from './platform/files/file-store.js';
import {
  migrateFiles,
  type FileOutcome,
  type MigrationReport,
} from './platform/files/migrate-files.js';
import { openFileStore } from './platform/files/open-file-store.js';
import { createProgress } from './platform/progress.js';

export interface FilesMigrationOutcome {
  report: MigrationReport;
  /** Keys the database names that the directory does not have (nothing to copy). */
  missing: string[];
  /** 0 when everything is in the bucket; 1 after a failure or a mismatch; 130 when stopped. */
  exitCode: number;
}

/** Every stored file the database names, with the SHA-256 it recorded where it did. */
async function recordedFiles(db: Db): Promise<Map<string, string | null>> {
  const rows = await db.execute<{ storage_key: string; sha256: string | null }>(sql`
    SELECT storage_key, sha256 FROM item_files
    UNION ALL
    SELECT storage_key, NULL FROM dialogue_attachments`);
  return new Map(rows.rows.map((row) => [row.storage_key, row.sha256]));
}

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;
const listed = (keys: readonly string[]): string =>
  keys.length <= 10
    ? keys.join(', ')
    : `${keys.slice(0, 10).join(', ')} and ${keys.length - 10} more`;

export async function runFilesMigration(options: {
  /** The local directory to copy from. */
  from: string;
  to: S3Location;
  /** The database, to compare each file with its recorded SHA-256; null to skip that. */
  db: Db | null;
  concurrency: number;
  signal?: AbortSignal;
  /** Where the report goes (stdout). */
  print: (line: string) => void;
  /** Where the progress bar goes (stderr). */
  progressStream?: NodeJS.WriteStream;
  onFile?: (key: string, outcome: FileOutcome) => void;
}): Promise<FilesMigrationOutcome> {
  const isDirectory = await stat(options.from).then(
    (found) => found.isDirectory(),
    () => false,
  );
  if (!isDirectory) throw new ConfigError(`${options.from} is not a directory: nothing to copy.`);
  const from = createFileStore(options.from);
  const to = await openFileStore({ kind: 's3', s3: options.to });
  try {
    const recordedAll = options.db ? await recordedFiles(options.db) : new Map<string, null>();
    const recorded = new Map<string, string>();
    for (const [key, sha256] of recordedAll) if (sha256 !== null) recorded.set(key, sha256);
    const report = await migrateFiles({
      from,
      to,
      recorded,
      concurrency: options.concurrency,
      signal: options.signal,
      startProgress: (total) =>
        createProgress('Copying files', total, 'files', options.progressStream),
      onFile: options.onFile,
    });
    const present = new Set<string>();
    for await (const key of from.keys()) present.add(key);
    const missing = [...recordedAll.keys()].filter((key) => !present.has(key)).sort();

    const { print } = options;
    print(`Files of ${options.from} to ${to.description}:`);
    print(
      `  copied:   ${report.copied + report.replaced} (${megabytes(report.bytes)})${report.replaced > 0 ? `, ${report.replaced} of them over other bytes the bucket held` : ''}`,
    );
    print(`  skipped:  ${report.skipped} (already in the bucket with the same SHA-256)`);
    print(`  failed:   ${report.failed.length}`);
    for (const failure of report.failed) print(`    ${failure.key}: ${failure.reason}`);
    if (report.notReached > 0)
      print(`  not yet:  ${report.notReached} (stopped before them: run the command again)`);
    if (report.mismatched.length > 0)
      print(
        `  ${report.mismatched.length} differ from the SHA-256 the database recorded, and were copied as they are (damaged on disk? restore them from a back-up and run again): ${listed(report.mismatched)}`,
      );
    if (missing.length > 0)
      print(
        `  ${missing.length} named in the database are not in the directory (nothing to copy; they were missing before): ${listed(missing)}`,
      );
    print('The local files are left as they were.');
    const exitCode =
      report.failed.length > 0 || report.mismatched.length > 0
        ? 1
        : report.notReached > 0
          ? 130
          : 0;
    return { report, missing, exitCode };
  } finally {
    to.close();
  }
}
