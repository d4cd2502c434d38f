/**
 * Backup and restore across PostgreSQL major versions (decision 0024): the seeded platform with an
 * item and its file, a person with two-factor sign-in and an answered question is backed up from
 * the test server, restored into an empty database of another major version (15 beside the
 * embedded 18, or 18 when the tests run on 15), backed up there and restored back: every row and
 * file is the same, and the person signs in with their password and code. Damaged, truncated and
 * older archives, and targets that are not empty, are tested too.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { writeBackupFile } from '../../src/platform/backup/backup.jobs.js';
import { writeBackup } from '../../src/platform/backup/backup.js';
import { restoreBackup } from '../../src/platform/backup/restore.js';
import { tableSink } from '../../src/platform/backup/restore-sinks.js';
import { connect, type Database } from '../../src/platform/db/database.js';
import { knownMigrations, migrateDatabase, migrateWithin } from '../../src/platform/db/migrate.js';
import { createFileStore, type FileStore } from '../../src/platform/files/file-store.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { buildTestApp } from '../support/app.js';
import {
  ledger,
  platformWithContent,
  storedFiles,
  tablesIn,
  tableTexts,
  type Content,
} from '../support/backup-content.js';
import { closeDesk } from '../support/experts-desk.js';
import { FormBrowser, totpCode } from '../support/form-browser.js';
import {
  createEmptyDatabase,
  dropDatabase,
  majorVersion,
  startOtherPostgres,
  type OtherPostgres,
} from '../support/other-postgres.js';

const SECRET = 'test-cookie-secret-that-is-long-enough-000';
let content: Content;
let other: OtherPostgres;
let work = '';
const home = inject('adminUrl');
const opened: { adminUrl: string; name: string; database: Database }[] = [];

/** An empty database on the server of `adminUrl`, dropped after the tests. */
async function emptyDatabase(adminUrl: string): Promise<Database & { url: string; name: string }> {
  const name = `hrcn_t_${process.pid}_restore_${randomBytes(4).toString('hex')}`;
  const url = await createEmptyDatabase(adminUrl, name);
  const database: Database = { ...connect(url, 3, createLogger('silent')), kind: 'external' };
  opened.push({ adminUrl, name, database });
  return { ...database, url, name };
}

/** An empty file store in the work directory. */
const emptyStore = async (): Promise<FileStore> =>
  createFileStore(await fs.mkdtemp(path.join(work, 'files-')));

async function backUp(database: Database, files: FileStore, name: string): Promise<string> {
  const file = path.join(work, name);
  await writeBackupFile(file, (output) =>
    writeBackup({ pool: database.pool, files, sessionSecret: SECRET, output }),
  );
  return file;
}

const restore = (database: Database, files: FileStore, input: Readable) =>
  restoreBackup({ pool: database.pool, files, input });

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-backup-test-'));
  [content, other] = await Promise.all([
    platformWithContent(),
    majorVersion(home).then((major) => startOtherPostgres(major)),
  ]);
}, 60_000);

afterAll(async () => {
  for (const { adminUrl, name, database } of opened) {
    await database.close().catch(() => undefined);
    await dropDatabase(adminUrl, name).catch(() => undefined);
  }
  await closeDesk();
  await other?.stop();
  await fs.rm(work, { recursive: true, force: true });
});

describe('a backup', () => {
  it('made at an older schema is migrated forward on restore', async () => {
    const migrations = knownMigrations();
    const older = migrations.at(-4);
    const source = await emptyDatabase(home);
    const client = await source.pool.connect();
    try {
      await client.query('BEGIN');
      await migrateWithin(client, older?.createdAt);
      await client.query(
        `INSERT INTO users (name, email, email_verified) VALUES ('Olga Older', 'olga@example.org', true)`,
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const file = await backUp(source, await emptyStore(), 'older.tar.gz');
    const target = await emptyDatabase(home);
    const summary = await restore(target, await emptyStore(), createReadStream(file));
    expect(summary.from.schemaVersion).toBe(older?.tag);
    expect(summary.schemaVersion).toBe(migrations.at(-1)?.tag);
    const people = await target.pool.query<{ email: string }>('SELECT email FROM users');
    expect(people.rows).toEqual([{ email: 'olga@example.org' }]);
    // The ledger is drizzle's own: the app's migrator finds nothing left to do.
    const restoredLedger = await ledger(target.pool);
    expect(restoredLedger).toEqual(await ledger(content.app.database.pool));
    await migrateDatabase(target.pool);
    expect(await ledger(target.pool)).toEqual(restoredLedger);
  });

  let final: Database & { url: string; name: string };
  let archive = '';

  it('restored on another major version and back holds every row and file', async () => {
    const sourceFiles = createFileStore(content.app.filesDir);
    archive = await backUp(content.app.database, sourceFiles, 'first.tar.gz');

    const middle = await emptyDatabase(other.adminUrl);
    const middleFiles = await emptyStore();
    const restored = await restore(middle, middleFiles, createReadStream(archive));
    expect(other.major).not.toBe(await majorVersion(home));
    expect(restored.from.postgresVersion).toMatch(/^\d+/);
    expect(restored.files).toBe(1);
    expect(restored.rows).toBeGreaterThan(100);
    const second = await backUp(middle, middleFiles, 'second.tar.gz');

    final = await emptyDatabase(home);
    const finalFiles = await emptyStore();
    await restore(final, finalFiles, createReadStream(second));

    const [before, across, after] = await Promise.all(
      [content.app.database, middle, final].map((database) => tableTexts(database.pool)),
    );
    expect([...(before?.keys() ?? [])]).toContain('two_factors');
    expect(before?.get('questions')?.join('\n')).toContain('general budget');
    expect(across).toEqual(before);
    expect(after).toEqual(before);
    expect(await ledger(final.pool)).toEqual(await ledger(content.app.database.pool));
    const files = await storedFiles(sourceFiles);
    expect(files.size).toBe(1);
    expect(await storedFiles(middleFiles)).toEqual(files);
    expect(await storedFiles(finalFiles)).toEqual(files);
  }, 60_000);

  it('lets people sign in with their password and second factor on the restored platform', async () => {
    const app = await buildTestApp({
      database: { ...final, drop: () => final.close() },
    });
    try {
      const browser = new FormBrowser(app, '127.0.5.1');
      const { email, password, totpUri } = content.person;
      const first = await browser.submit('/en/sign-in', '/en/sign-in', { email, password });
      expect(first.headers.location).toBe('/en/sign-in/two-factor');
      const second = await browser.submit('/en/sign-in/two-factor', '/en/sign-in/two-factor', {
        code: await totpCode(totpUri),
      });
      expect(second.headers.location).toBe('/en/account');
      expect((await browser.get('/en/account')).statusCode).toBe(200);
      const answer = await app.http.inject({ url: `/en/experts/answers/${content.questionId}` });
      expect(answer.body).toContain('<strong>general budget</strong>');
    } finally {
      await app.stop();
    }
  });

  it('refuses a truncated or damaged archive and leaves the target empty', async () => {
    const whole = await fs.readFile(archive);
    const flipped = (at: number) => {
      const copy = Buffer.from(whole);
      copy[at] = (copy[at] ?? 0) ^ 0xff;
      return copy;
    };
    const cases: [string, Buffer, RegExp][] = [
      ['truncated', whole.subarray(0, Math.floor(whole.length * 0.6)), /truncated/],
      ['flipped in the middle', flipped(Math.floor(whole.length / 2)), /damaged/],
      ['flipped in the last byte', flipped(whole.length - 1), /damaged/],
      [
        'a row changed',
        gzipSync(
          Buffer.from(
            gunzipSync(whole).toString('latin1').replace('A report worth', 'A rEport worth'),
            'latin1',
          ),
        ),
        /damaged: table "item_translations" .*does not match its manifest/,
      ],
    ];
    for (const [label, bytes, message] of cases) {
      const target = await emptyDatabase(home);
      const files = await emptyStore();
      const error = await restore(target, files, Readable.from([bytes])).catch((e: unknown) => e);
      expect(error, label).toBeInstanceOf(Error);
      expect((error as Error).message, label).toMatch(message);
      expect((error as Error).message, label).toMatch(/Nothing was restored\.$/);
      expect(await tablesIn(target.pool), label).toEqual([]);
      expect((await storedFiles(files)).size, label).toBe(0);
    }
  }, 30_000);

  it('names the table whose rows PostgreSQL refused when more of them follow', async () => {
    // A damaged archive can hold a table's rows in several parts: PostgreSQL refuses the COPY at
    // the first bad row, and the parts after it must report that refusal, not a broken stream.
    const target = await emptyDatabase(home);
    const client = await target.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('CREATE TABLE refused_probe (n int)');
      const sink = tableSink(client, 'refused_probe', ['n']);
      await sink.write(Buffer.from('1\nnot a number\n'));
      // PostgreSQL's refusal arrives.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(sink.write(Buffer.from('2\n'))).rejects.toThrow(
        /PostgreSQL refused the rows of table "refused_probe" \(invalid input syntax/,
      );
      sink.abort();
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  });

  it('is never restored over data: a database or a file store that is not empty is refused', async () => {
    const full = restore(content.app.database, await emptyStore(), createReadStream(archive));
    await expect(full).rejects.toThrow(/The database is not empty .*restore into a new, empty/);
    const target = await emptyDatabase(home);
    const files = createFileStore(content.app.filesDir);
    await expect(restore(target, files, createReadStream(archive))).rejects.toThrow(
      /The file store .* is not empty/,
    );
    expect(await tablesIn(target.pool)).toEqual([]);
    expect((await storedFiles(files)).size).toBe(1);
  });
});
