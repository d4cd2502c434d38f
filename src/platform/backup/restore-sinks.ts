/**
 * Where a restore puts what it reads: a table's parts go into one COPY … FROM STDIN, a file's
 * parts into the file store; each counts and hashes what it was given, for the manifest's check.
 */
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type pg from 'pg';
import type { FileStore } from '../files/file-store.js';
import { BackupError } from './archive.js';
import { columnList, qualified } from './catalog.js';
import { Digest, writeChunk } from './streams.js';

/** One table or file being written from consecutive parts. */
export interface Sink {
  readonly kind: 'tables' | 'files';
  readonly owner: string;
  /** The next part's number. */
  next: number;
  readonly digest: Digest;
  /** Counts, hashes and writes a chunk; answers how many rows (lines) ended in it. */
  write(chunk: Buffer): Promise<number>;
  /** Ends the COPY or the file; rejects when PostgreSQL or the store refused it. */
  close(): Promise<void>;
  /** Stops without completing (the restore failed elsewhere). */
  abort(): void;
}

/** A COPY FROM into `table`; PostgreSQL's refusal names the table. */
export function tableSink(client: pg.ClientBase, table: string, columns: string[]): Sink {
  const copy = client.query(
    copyFrom(`COPY ${qualified(table)} (${columnList(columns)}) FROM STDIN`),
  );
  const done = finished(copy).catch((error: unknown) => {
    throw new BackupError(
      `PostgreSQL refused the rows of table "${table}" (${error instanceof Error ? error.message : String(error)}): ` +
        'the archive is damaged or was not made by hrcn.',
    );
  });
  done.catch(() => undefined);
  return sinkOver('tables', table, copy, done);
}

/** A file written to the store under `key` (replacing none: the store was checked empty). */
export function fileSink(files: FileStore, key: string, written: Set<string>): Sink {
  const stream = new PassThrough();
  written.add(key);
  const done = files.put(key, stream);
  done.catch(() => undefined);
  return sinkOver('files', key, stream, done);
}

function sinkOver(kind: Sink['kind'], owner: string, stream: Writable, done: Promise<void>): Sink {
  const digest = new Digest();
  // Settles only by failing: a write waiting for room gives up when the COPY or the store did.
  const failed = done.then(() => new Promise<never>(() => undefined));
  failed.catch(() => undefined);
  return {
    kind,
    owner,
    next: 0,
    digest,
    async write(chunk) {
      const lines = digest.take(chunk);
      try {
        await writeChunk(stream, chunk, failed);
      } catch (error) {
        // A COPY that PostgreSQL refused throws on the next write (pg-copy-streams has let its
        // connection go): the refusal, which names the table, is what a person can act on.
        await Promise.race([failed, new Promise((resolve) => setImmediate(resolve))]);
        throw error;
      }
      return lines;
    },
    async close() {
      stream.end();
      await done;
    },
    abort: () => stream.destroy(),
  };
}
