/**
 * Writes a backup archive (archive.ts) of a running platform without stopping it: the database
 * from ONE snapshot (a REPEATABLE READ, READ ONLY transaction: every table as of one moment), then
 * every stored file. Everything streams: memory stays the same whatever the size of the data.
 */
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { to as copyTo } from 'pg-copy-streams';
import type pg from 'pg';
import { pack as createPack, type Pack } from 'tar-stream';
import { appliedSchemaVersion, knownMigrations } from '../db/migrate.js';
import type { FileStore } from '../files/file-store.js';
import {
  appVersion,
  BackupError,
  filePart,
  FORMAT,
  FORMAT_VERSION,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  PORTABLE_TEXT_SETTINGS,
  SECRETS_ENTRY,
  tablePart,
  type BackupHeader,
  type BackupManifest,
  type BackupSummary,
} from './archive.js';
import { columnList, listSequences, listTables, qualified } from './catalog.js';
import { addEntry, addParts, Digest, noProgress, type ProgressFactory } from './streams.js';

export interface BackupOptions {
  pool: pg.Pool;
  files: FileStore;
  /** The secret better-auth encrypts two-factor keys with: without it they cannot be read. */
  sessionSecret: string;
  /** Where the archive goes (a file, stdout); ended when the archive is complete. */
  output: Writable;
  progress?: ProgressFactory;
  clock?: () => Date;
}

/** Writes the archive to `output`; resolves with what it holds once all of it is written. */
export async function writeBackup(options: BackupOptions): Promise<BackupSummary> {
  const pack = createPack();
  const writing = pipeline(pack, createGzip(), options.output);
  const failed = writing.then(
    () => new Promise<never>(() => undefined),
    (error: unknown) => Promise.reject(error),
  );
  failed.catch(() => undefined);
  try {
    const summary = await fillArchive(pack, options, failed);
    pack.finalize();
    await writing;
    return summary;
  } catch (error) {
    pack.destroy(error instanceof Error ? error : new Error(String(error)));
    await writing.catch(() => undefined);
    throw error;
  }
}

async function fillArchive(
  pack: Pack,
  options: BackupOptions,
  failed: Promise<never>,
): Promise<BackupSummary> {
  const progress = options.progress ?? noProgress;
  const manifest: BackupManifest = { tables: {}, sequences: {}, files: {} };
  const keys: string[] = [];
  for await (const key of options.files.keys()) keys.push(key);
  keys.sort();

  const client = await options.pool.connect();
  let header: BackupHeader;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    for (const setting of PORTABLE_TEXT_SETTINGS) await client.query(setting);
    const applied = await appliedSchemaVersion(client);
    if (!applied)
      throw new BackupError('The database has no schema yet: there is nothing to back up.');
    const known = knownMigrations().find((migration) => migration.createdAt === applied.createdAt);
    const server = await client.query<{ server_version: string }>('SHOW server_version');
    const tables = await listTables(client);
    for (const table of tables) {
      // Never analysed (a small table, or one just loaded): counted, for an honest progress bar.
      if (table.estimatedRows >= 0) continue;
      const counted = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${qualified(table.name)}`,
      );
      table.estimatedRows = Number(counted.rows[0]?.n ?? 0);
    }
    header = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      appVersion: appVersion(),
      createdAt: (options.clock ?? (() => new Date()))().toISOString(),
      schemaVersion: { tag: known?.tag ?? `unknown-${applied.createdAt}`, ...applied },
      postgresVersion: server.rows[0]?.server_version ?? 'unknown',
      tables: tables.map(({ name, columns }) => ({ name, columns })),
      expected: {
        rows: tables.reduce((sum, table) => sum + table.estimatedRows, 0),
        files: keys.length,
      },
    };
    await addEntry(pack, HEADER_ENTRY, Buffer.from(JSON.stringify(header, null, 2)), failed);
    const secrets = JSON.stringify({ sessionSecret: options.sessionSecret });
    await addEntry(pack, SECRETS_ENTRY, Buffer.from(secrets), failed);

    const bar = progress('Database', header.expected.rows, 'rows');
    for (const table of tables) {
      const digest = new Digest();
      const rows = client.query(
        copyTo(`COPY ${qualified(table.name)} (${columnList(table.columns)}) TO STDOUT`),
      );
      await addParts(
        pack,
        (index) => tablePart(table.name, index),
        rows,
        (chunk) => bar.advance(digest.take(chunk), table.name),
        failed,
      );
      manifest.tables[table.name] = {
        rows: digest.lines,
        bytes: digest.bytes,
        sha256: digest.sha256(),
      };
    }
    // Read last: a sequence is never behind the rows of the snapshot (a gap is harmless).
    for (const sequence of await listSequences(client)) {
      const value = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${qualified(sequence)}`,
      );
      const row = value.rows[0];
      if (row) manifest.sequences[sequence] = { value: row.last_value, isCalled: row.is_called };
    }
    const rowsDone = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
    bar.setTotal(rowsDone);
    bar.stop();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }

  // Files after the snapshot: one uploaded since is kept too (unreferenced, harmless); one
  // removed since is left out, as its row would be gone in a later snapshot.
  const bar = progress('Files', keys.length, 'files');
  for (const key of keys) {
    const stream = await options.files.open(key);
    if (stream) {
      const digest = new Digest();
      await addParts(
        pack,
        (index) => filePart(key, index),
        stream,
        (chunk) => digest.take(chunk),
        failed,
      );
      manifest.files[key] = { bytes: digest.bytes, sha256: digest.sha256() };
    }
    bar.advance(1);
  }
  bar.stop();
  await addEntry(pack, MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest)), failed);
  return summarise(header.schemaVersion.tag, manifest);
}

export function summarise(schemaVersion: string, manifest: BackupManifest): BackupSummary {
  const tables = Object.values(manifest.tables);
  const files = Object.values(manifest.files);
  return {
    schemaVersion,
    tables: tables.length,
    rows: tables.reduce((sum, table) => sum + table.rows, 0),
    files: files.length,
    bytes: [...tables, ...files].reduce((sum, entry) => sum + entry.bytes, 0),
  };
}
