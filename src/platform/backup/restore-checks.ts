/** What a restore checks: an empty target before, the manifest after, and plain words for errors. */
import type pg from 'pg';
import type { FileStore } from '../files/file-store.js';
import { appliedSchemaVersion } from '../db/migrate.js';
import {
  BackupError,
  TargetNotEmptyError,
  type BackupHeader,
  type BackupManifest,
} from './archive.js';
import { APP_SCHEMA } from './catalog.js';

/** Refuses a database with any table of the app's schema or an applied migration, or any file. */
export async function assertEmptyTarget(client: pg.ClientBase, files: FileStore): Promise<void> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    [APP_SCHEMA],
  );
  if (tables.rows.length > 0 || (await appliedSchemaVersion(client))) {
    const some = tables.rows.slice(0, 3).map((row) => row.name);
    throw new TargetNotEmptyError(
      `The database is not empty (it has ${tables.rows.length} tables` +
        `${some.length > 0 ? `, such as ${some.join(', ')}` : ''}). A restore never overwrites ` +
        'data: restore into a new, empty database (or an empty DATA_DIR).',
    );
  }
  for await (const key of files.keys()) {
    throw new TargetNotEmptyError(
      `The file store ${files.description} is not empty (it holds ${key}, among others). A ` +
        'restore never overwrites files: restore into an empty one.',
    );
  }
}

/** Throws unless every table and file read matches the manifest, and nothing is missing. */
export function checkAgainstManifest(
  header: BackupHeader,
  manifest: BackupManifest,
  seen: Map<string, { rows: number; bytes: number; sha256: string }>,
  seenFiles: Map<string, { bytes: number; sha256: string }>,
): void {
  const damaged = (what: string) =>
    new BackupError(`The archive is damaged: ${what} does not match its manifest.`);
  const names = header.tables.map((table) => table.name);
  if (Object.keys(manifest.tables).sort().join() !== [...names].sort().join())
    throw damaged('the list of tables');
  for (const name of names) {
    const expected = manifest.tables[name];
    const got = seen.get(name);
    if (!expected || !got) throw damaged(`table "${name}"`);
    if (
      expected.rows !== got.rows ||
      expected.bytes !== got.bytes ||
      expected.sha256 !== got.sha256
    )
      throw new BackupError(
        `The archive is damaged: table "${name}" (${got.rows} rows read, ${expected.rows} listed) ` +
          'does not match its manifest.',
      );
  }
  const keys = Object.keys(manifest.files);
  if (keys.length !== seenFiles.size) throw damaged('the number of files');
  for (const key of keys) {
    const expected = manifest.files[key];
    const got = seenFiles.get(key);
    if (!expected || !got || expected.bytes !== got.bytes || expected.sha256 !== got.sha256)
      throw damaged(`file ${key}`);
  }
}

/** The error a person reads: what is wrong with the archive, and that nothing was restored. */
export function explain(error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  let reason: string;
  if (error instanceof TargetNotEmptyError) return error;
  if (error instanceof BackupError) reason = message;
  else if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(message))
    reason = 'The archive ends too soon: it is truncated.';
  else if (/tar header/i.test(message))
    reason = 'The archive is damaged (a tar header is invalid).';
  else if (code === 'Z_DATA_ERROR') reason = `The archive is damaged (${message}).`;
  else return error instanceof Error ? error : new Error(message);
  return new BackupError(`${reason} Nothing was restored.`);
}
