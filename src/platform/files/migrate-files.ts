/**
 * Copies every file of one store to another (the local directory to a bucket: `hrcn files
 * migrate`). Resumable: a file the target already holds with the same SHA-256 is skipped, so a
 * run stopped half way is finished by running it again. Verified: each copy is read back from the
 * target and its SHA-256 compared with the source's. Never removes anything from the source.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import pLimit from 'p-limit';
import type { Progress } from '../progress.js';
import type { FileStore } from './file-store.js';

export type FileOutcome = 'copied' | 'replaced' | 'skipped' | 'failed';

export interface MigrationReport {
  /** Files in the source. */
  total: number;
  /** Copied to the target, which did not have them. */
  copied: number;
  /** Copied over an object of other bytes (damaged, or cut short by an earlier run). */
  replaced: number;
  /** Already in the target with the same SHA-256. */
  skipped: number;
  /** Bytes sent to the target. */
  bytes: number;
  /** Not copied, or copied and read back different: the reason for each. */
  failed: { key: string; reason: string }[];
  /** Source files whose SHA-256 is not the one the database recorded (copied as they are). */
  mismatched: string[];
  /** Left for another run, because the run was stopped. */
  notReached: number;
}

/** SHA-256 (hex) and length of a stream, read to its end. */
export async function hashStream(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
  }
  return { sha256: hash.digest('hex'), size };
}

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export async function migrateFiles(options: {
  from: FileStore;
  to: FileStore;
  /** The SHA-256 the database recorded for a key, where it did (item_files.sha256). */
  recorded?: ReadonlyMap<string, string>;
  /** Files copied at once (each holds at most two 8 MiB parts in memory). */
  concurrency?: number;
  /** Once aborted, no file is begun; those under way are finished. */
  signal?: AbortSignal;
  /** Starts the progress bar once the files are counted; it is stopped at the end. */
  startProgress?: (total: number) => Progress;
  /** Told of each file as it is done. */
  onFile?: (key: string, outcome: FileOutcome) => void;
}): Promise<MigrationReport> {
  const { from, to } = options;
  const keys: string[] = [];
  for await (const key of from.keys()) keys.push(key);
  keys.sort();
  const progress = options.startProgress?.(keys.length);
  const report: MigrationReport = {
    total: keys.length,
    copied: 0,
    replaced: 0,
    skipped: 0,
    bytes: 0,
    failed: [],
    mismatched: [],
    notReached: 0,
  };

  const hashOf = async (store: FileStore, key: string) => {
    const stream = await store.open(key);
    return stream ? hashStream(stream) : null;
  };

  const one = async (key: string): Promise<FileOutcome> => {
    const source = await hashOf(from, key);
    if (!source) throw new Error('it left the source directory during the run');
    const recorded = options.recorded?.get(key);
    if (recorded !== undefined && recorded !== source.sha256) report.mismatched.push(key);
    const before = await hashOf(to, key);
    if (before?.sha256 === source.sha256) return 'skipped';
    const stream = await from.open(key);
    if (!stream) throw new Error('it left the source directory during the run');
    await to.put(key, stream);
    const after = await hashOf(to, key);
    if (after?.sha256 !== source.sha256)
      throw new Error(
        after
          ? `read back with SHA-256 ${after.sha256}, not ${source.sha256}`
          : 'not found in the target after the copy',
      );
    report.bytes += source.size;
    return before ? 'replaced' : 'copied';
  };

  const limit = pLimit(Math.max(1, options.concurrency ?? 4));
  try {
    await Promise.all(
      keys.map((key) =>
        limit(async () => {
          if (options.signal?.aborted) {
            report.notReached++;
            return;
          }
          let outcome: FileOutcome;
          try {
            outcome = await one(key);
          } catch (error) {
            outcome = 'failed';
            report.failed.push({ key, reason: reasonOf(error) });
          }
          if (outcome !== 'failed') report[outcome]++;
          progress?.advance(1, key);
          options.onFile?.(key, outcome);
        }),
      ),
    );
  } finally {
    progress?.stop();
  }
  report.failed.sort((a, b) => a.key.localeCompare(b.key));
  report.mismatched.sort();
  return report;
}
