/**
 * Restores a backup archive into an EMPTY database and file store, all or nothing: one
 * transaction creates the schema with the app's migrations up to the archive's version, loads
 * every table with COPY in the archive's order (each table after those it refers to), checks every
 * table and file against the manifest at the archive's end, sets the sequences, migrates forward
 * to the app's schema and only then commits. A damaged or truncated archive rolls it all back and
 * the files written so far are removed again.
 */
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type pg from 'pg';
import { extract as createExtract, type ExtractEvents } from 'tar-stream';
import { knownMigrations, lockSchemaWithin, migrateWithin } from '../db/migrate.js';
import type { FileStore } from '../files/file-store.js';
import {
  BackupError,
  HEADER_ENTRY,
  headerSchema,
  MANIFEST_ENTRY,
  manifestSchema,
  partOf,
  PORTABLE_TEXT_SETTINGS,
  SECRETS_ENTRY,
  secretsSchema,
  type BackupHeader,
  type BackupManifest,
  type BackupSummary,
} from './archive.js';
import { summarise } from './backup.js';
import { listTables, qualified } from './catalog.js';
import { fileSink, tableSink, type Sink } from './restore-sinks.js';
import { noProgress, type ProgressFactory } from './streams.js';
import type { Progress } from '../progress.js';
import { assertEmptyTarget, checkAgainstManifest, explain } from './restore-checks.js';

export interface RestoreOptions {
  pool: pg.Pool;
  files: FileStore;
  input: Readable;
  progress?: ProgressFactory;
  /**
   * Called once the archive is read and checked, before the commit: the CLI keeps the archive's
   * session secret here. A failure rolls the restore back.
   */
  beforeCommit?: (archive: { header: BackupHeader; sessionSecret: string }) => Promise<void>;
}

export interface RestoreSummary extends BackupSummary {
  /** The app version and schema the archive was made with. */
  from: { appVersion: string; schemaVersion: string; postgresVersion: string };
  /** The schema after the restore (the app's own). */
  schemaVersion: string;
}

/** What the reading of one archive has found so far. */
interface Reading {
  header: BackupHeader | null;
  sessionSecret: string | null;
  manifest: BackupManifest | null;
  sink: Sink | null;
  seen: Map<string, { rows: number; bytes: number; sha256: string }>;
  seenFiles: Map<string, { bytes: number; sha256: string }>;
  rowsBar: Progress | null;
  filesBar: Progress | null;
}

/** One entry of the archive being read. */
type Entry = ExtractEvents['entry'][1];

const MAX_JSON_BYTES = 512 * 1024 * 1024;

async function readJson(entry: Entry): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of entry as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) throw new BackupError(`${entry.header.name} is too large.`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BackupError(`${entry.header.name} is not readable JSON: the archive is damaged.`);
  }
}

/** Restores `input` into the empty database of `pool` and the empty `files`. */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreSummary> {
  const progress = options.progress ?? noProgress;
  const client = await options.pool.connect();
  const written = new Set<string>();
  const reading: Reading = {
    header: null,
    sessionSecret: null,
    manifest: null,
    sink: null,
    seen: new Map(),
    seenFiles: new Map(),
    rowsBar: null,
    filesBar: null,
  };
  let unpacking: Promise<void> | null = null;
  try {
    await client.query('BEGIN');
    await lockSchemaWithin(client);
    for (const setting of PORTABLE_TEXT_SETTINGS) await client.query(setting);
    await assertEmptyTarget(client, options.files);

    const extract = createExtract();
    unpacking = pipeline(options.input, createGunzip(), extract);
    unpacking.catch(() => undefined);
    for await (const entry of extract)
      await take(entry, reading, client, options, progress, written);
    await unpacking;
    await closeSink(reading);
    reading.rowsBar?.stop();
    reading.filesBar?.stop();

    const { header, manifest, sessionSecret } = reading;
    if (!header) throw new BackupError('The archive is empty: it is not an hrcn backup.');
    if (!manifest || sessionSecret === null)
      throw new BackupError('The archive ends before its manifest: it is truncated.');
    checkAgainstManifest(header, manifest, reading.seen, reading.seenFiles);
    for (const [sequence, { value, isCalled }] of Object.entries(manifest.sequences))
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
        qualified(sequence),
        value,
        isCalled,
      ]);
    for (const table of header.tables)
      await client.query(`ALTER TABLE ${qualified(table.name)} ENABLE TRIGGER USER`);
    await migrateWithin(client);
    await options.beforeCommit?.({ header, sessionSecret });
    await client.query('COMMIT');
    const latest = knownMigrations().at(-1);
    return {
      ...summarise(latest?.tag ?? header.schemaVersion.tag, manifest),
      from: {
        appVersion: header.appVersion,
        schemaVersion: header.schemaVersion.tag,
        postgresVersion: header.postgresVersion,
      },
    };
  } catch (error) {
    reading.sink?.abort();
    reading.rowsBar?.stop();
    reading.filesBar?.stop();
    await client.query('ROLLBACK').catch(() => undefined);
    for (const key of written) await options.files.remove(key).catch(() => undefined);
    // An entry cut short by the archive's own failure (truncated, not gzip) reports only that it
    // was destroyed: the cause a person can act on is the archive's.
    throw explain((await causeOf(unpacking, error)) ?? error);
  } finally {
    client.release();
  }
}

/**
 * The codes of a stream's error when another stream's failure cut it short: Node's streams', and
 * streamx's (tar-stream's entries and extractor), which one of them reports depends on timing.
 */
const CUT_SHORT = new Set([
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_PREMATURE_CLOSE',
  'STREAM_DESTROYED',
  'PREMATURE_CLOSE',
]);

/** The archive's own error when reading it failed and cut `error`'s stream short, else nothing. */
export async function causeOf(unpacking: Promise<void> | null, error: unknown): Promise<unknown> {
  const code = (error as { code?: unknown }).code;
  if (!unpacking || typeof code !== 'string' || !CUT_SHORT.has(code)) return null;
  return unpacking.then(
    () => null,
    (cause: unknown) => cause,
  );
}

/** Ends the table or file being written and records what it received. */
async function closeSink(reading: Reading): Promise<void> {
  const sink = reading.sink;
  if (!sink) return;
  reading.sink = null;
  await sink.close();
  const record = { bytes: sink.digest.bytes, sha256: sink.digest.sha256() };
  if (sink.kind === 'tables') reading.seen.set(sink.owner, { ...record, rows: sink.digest.lines });
  else {
    reading.seenFiles.set(sink.owner, record);
    reading.filesBar?.advance(1);
  }
}

async function take(
  entry: Entry,
  reading: Reading,
  client: pg.ClientBase,
  options: RestoreOptions,
  progress: ProgressFactory,
  written: Set<string>,
): Promise<void> {
  const name = entry.header.name;
  if (!reading.header) {
    if (name !== HEADER_ENTRY)
      throw new BackupError(`This is not an hrcn backup (its first entry is "${name}").`);
    const parsed = headerSchema.safeParse(await readJson(entry));
    if (!parsed.success)
      throw new BackupError("The archive's header is not one this version of hrcn reads.");
    reading.header = parsed.data;
    await prepareSchema(client, parsed.data);
    reading.rowsBar = progress('Database', parsed.data.expected.rows, 'rows');
    return;
  }
  if (reading.manifest) throw new BackupError(`Unexpected entry "${name}" after the manifest.`);
  if (name === SECRETS_ENTRY) {
    const parsed = secretsSchema.safeParse(await readJson(entry));
    if (!parsed.success) throw new BackupError("The archive's secrets entry is damaged.");
    reading.sessionSecret = parsed.data.sessionSecret;
    return;
  }
  if (name === MANIFEST_ENTRY) {
    await closeSink(reading);
    const parsed = manifestSchema.safeParse(await readJson(entry));
    if (!parsed.success) throw new BackupError("The archive's manifest is damaged.");
    reading.manifest = parsed.data;
    return;
  }
  const part = partOf(name);
  if (!part) throw new BackupError(`Unexpected entry "${name}": the archive is damaged.`);
  if (reading.sink?.kind !== part.kind || reading.sink.owner !== part.owner) {
    await closeSink(reading);
    reading.sink = openSink(part.kind, part.owner, reading, client, options, progress, written);
  }
  const sink = reading.sink;
  if (!sink || part.index !== sink.next)
    throw new BackupError(`A part of "${part.owner}" is missing: the archive is damaged.`);
  sink.next++;
  for await (const chunk of entry as AsyncIterable<Buffer>) {
    const lines = await sink.write(chunk);
    if (part.kind === 'tables') reading.rowsBar?.advance(lines, part.owner);
  }
}

function openSink(
  kind: 'tables' | 'files',
  owner: string,
  reading: Reading,
  client: pg.ClientBase,
  options: RestoreOptions,
  progress: ProgressFactory,
  written: Set<string>,
): Sink {
  const seen = kind === 'tables' ? reading.seen : reading.seenFiles;
  if (seen.has(owner)) throw new BackupError(`"${owner}" appears twice: the archive is damaged.`);
  if (kind === 'files') {
    if (!reading.filesBar) {
      reading.rowsBar?.stop();
      reading.filesBar = progress('Files', reading.header?.expected.files ?? 0, 'files');
    }
    return fileSink(options.files, owner, written);
  }
  if (reading.filesBar) throw new BackupError(`Table "${owner}" comes after the files.`);
  const table = reading.header?.tables.find((candidate) => candidate.name === owner);
  if (!table) throw new BackupError(`The archive's header does not list table "${owner}".`);
  return tableSink(client, table.name, table.columns);
}

/**
 * Creates the schema the archive was made with, empties what its migrations put in the tables (the
 * archive holds those rows as they were) and turns off the app's own triggers while loading.
 */
async function prepareSchema(client: pg.ClientBase, header: BackupHeader): Promise<void> {
  const migrations = knownMigrations();
  const version = header.schemaVersion;
  if (!migrations.some((migration) => migration.createdAt === version.createdAt)) {
    throw new BackupError(
      `The archive's schema (${version.tag}) is unknown to this version of hrcn, whose newest is ` +
        `${migrations.at(-1)?.tag ?? 'none'}: restore it with hrcn ${header.appVersion} or newer.`,
    );
  }
  await migrateWithin(client, version.createdAt);
  const tables = await listTables(client);
  const expected = JSON.stringify(header.tables);
  const actual = JSON.stringify(tables.map(({ name, columns }) => ({ name, columns })));
  if (expected !== actual)
    throw new BackupError(
      `The archive's tables differ from those of schema ${version.tag}: it was not made by hrcn.`,
    );
  if (tables.length > 0)
    await client.query(`TRUNCATE ${tables.map((table) => qualified(table.name)).join(', ')}`);
  for (const table of tables)
    await client.query(`ALTER TABLE ${qualified(table.name)} DISABLE TRIGGER USER`);
}
