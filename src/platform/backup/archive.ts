/**
 * The backup archive's format (decision 0024): a gzip-compressed tar whose entries come in this
 * order — the header (what made it, the schema version, each table's columns), the session secret,
 * each table's rows as PostgreSQL COPY text in parts of at most CHUNK_BYTES, each stored file in
 * parts, and last the manifest (row counts, sizes and SHA-256 of everything before it), written
 * when all is known. A restore checks every part against the manifest before it commits.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Entries are cut into parts of this size: tar needs an entry's size before its bytes. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

export const HEADER_ENTRY = 'hrcn-backup.json';
export const SECRETS_ENTRY = 'secrets.json';
export const MANIFEST_ENTRY = 'manifest.json';
export const FORMAT = 'hrcn-backup';
export const FORMAT_VERSION = 1;

/** A table's part: tables/<table>/<part number>. */
export const tablePart = (table: string, index: number): string =>
  `tables/${table}/${String(index).padStart(6, '0')}`;
/** A file's part: files/<key>/<part number>. */
export const filePart = (key: string, index: number): string =>
  `files/${key}/${String(index).padStart(6, '0')}`;

/** Where a part belongs, from its entry's name; null for any other name. */
export function partOf(
  name: string,
): { kind: 'tables' | 'files'; owner: string; index: number } | null {
  const match = /^(tables|files)\/([A-Za-z0-9_-]{1,63})\/(\d{6})$/.exec(name);
  if (!match) return null;
  return {
    kind: match[1] === 'tables' ? 'tables' : 'files',
    owner: match[2] ?? '',
    index: Number(match[3]),
  };
}

/**
 * Session settings under which COPY text means the same on every PostgreSQL version and machine:
 * dates, intervals, floats and byte strings are written and read in one fixed style.
 */
export const PORTABLE_TEXT_SETTINGS = [
  "SET LOCAL DateStyle TO 'ISO, YMD'",
  "SET LOCAL IntervalStyle TO 'postgres'",
  "SET LOCAL TimeZone TO 'UTC'",
  'SET LOCAL extra_float_digits TO 1',
  "SET LOCAL bytea_output TO 'hex'",
  "SET LOCAL client_encoding TO 'UTF8'",
];

const schemaVersion = z.object({
  tag: z.string(),
  createdAt: z.number().int(),
  hash: z.string(),
});

export const headerSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  appVersion: z.string(),
  createdAt: z.string(),
  /** The last migration applied to the database that was backed up. */
  schemaVersion,
  /** `server_version` of the source, for people. */
  postgresVersion: z.string(),
  /** Tables in the order they are in the archive (each after those it refers to). */
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()) })),
  /** Estimates for progress bars: rows of all tables (from statistics), stored files. */
  expected: z.object({ rows: z.number(), files: z.number() }),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export const secretsSchema = z.object({ sessionSecret: z.string().min(32) });

const digest = z.object({ bytes: z.number().int().min(0), sha256: z.string().length(64) });

export const manifestSchema = z.object({
  tables: z.record(z.string(), digest.extend({ rows: z.number().int().min(0) })),
  /** Every sequence of the app's schema: setval(name, value, isCalled) on restore. */
  sequences: z.record(z.string(), z.object({ value: z.string(), isCalled: z.boolean() })),
  files: z.record(z.string(), digest),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** What a backup or a restore did, for the summary line and the job's log. */
export interface BackupSummary {
  schemaVersion: string;
  tables: number;
  rows: number;
  files: number;
  /** Bytes of table data and of files (before compression). */
  bytes: number;
}

/** A refused archive or target: the message is for the person running the command. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** The database or file store to restore into holds something already. */
export class TargetNotEmptyError extends BackupError {}

/** The app's version, from package.json (two folders up from src/ and from dist/ alike). */
export const appVersion = (): string =>
  (
    JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
