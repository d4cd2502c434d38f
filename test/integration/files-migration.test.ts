/**
 * `hrcn files migrate` (src/files-migration.ts) against a real S3 server (s3rver on 127.0.0.1):
 * a site's files, attached through HTTP on the local store, are copied to the bucket with a
 * progress bar; a run stopped half way is finished by the next; an object damaged in the bucket is
 * copied again; a local file that differs from the database's SHA-256 is reported (exit 1); the
 * local files are never removed.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type S3Location } from '../../src/config.js';
import { runFilesMigration } from '../../src/files-migration.js';
import { FileStoreSetupError } from '../../src/platform/files/s3-file-store.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { pdfDocument } from '../support/documents.js';
import { signInAsAdministrator } from '../support/form-browser.js';
import { S3_CREDENTIALS, startS3Server, type S3TestServer } from '../support/s3.js';

const BUCKET = 'migrated-files';

let s3: S3TestServer;
let app: TestApp;
/** Every file of the site, by key: its bytes as uploaded. */
const site = new Map<string, Buffer>();
/** Keys recorded in item_files (with their SHA-256); the others are files without a record. */
const recorded: string[] = [];

function bucketOf(filesUrl: string): S3Location {
  const { files } = loadConfig({
    FILES_URL: filesUrl,
    FILES_S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
    FILES_S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
  });
  if (files.kind !== 's3') throw new Error('not a bucket');
  return files.s3;
}

const localPath = (key: string) => path.join(app.filesDir, key.slice(0, 2), key);

beforeAll(async () => {
  s3 = await startS3Server();
  await s3.createBucket(BUCKET);
  app = await buildTestApp();
  const editor = await signInAsAdministrator(app);
  const { db } = app.database;
  const inserted = await db.execute<{ id: string }>(sql`
    INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale)
    VALUES ('publication', 'publications', 'moving-house', 'public', 'published',
            now() - interval '1 hour', '2026-03-01', 'en')
    RETURNING id`);
  const itemId = inserted.rows[0]?.id ?? '';
  const page = `/en/editor/items/${itemId}/files`;
  for (const name of ['one', 'two', 'three']) {
    const content = pdfDocument([`The ${name} report`]);
    const added = await editor.upload(
      page,
      page,
      { title: name, locale: 'en', access: 'public' },
      { name: 'file', filename: `${name}.pdf`, type: 'application/pdf', content },
    );
    expect(added.statusCode).toBe(303);
    const row = await db.execute<{ storage_key: string }>(
      sql`SELECT storage_key FROM item_files WHERE title = ${name}`,
    );
    const key = row.rows[0]?.storage_key ?? '';
    site.set(key, content);
    recorded.push(key);
  }
  // Files the database records no hash of (as dialogue attachments), saved straight to the store.
  for (const text of ['attachment a', 'attachment b']) {
    const bytes = Buffer.from(text);
    site.set(await app.files.save(bytes), bytes);
  }
});

afterAll(async () => {
  await app?.close();
  await s3?.stop();
});

/** A run of the command as `hrcn files migrate` makes it, with what it prints. */
async function migrate(options: { stopAfter?: number; from?: string } = {}) {
  const printed: string[] = [];
  const progress: string[] = [];
  const stop = new AbortController();
  let done = 0;
  const progressStream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        progress.push(chunk.toString());
        callback();
      },
    }),
    { isTTY: false },
  ) as unknown as NodeJS.WriteStream;
  const outcome = await runFilesMigration({
    from: options.from ?? app.filesDir,
    to: bucketOf(s3.filesUrl(BUCKET)),
    db: app.database.db,
    concurrency: 1,
    signal: stop.signal,
    print: (line) => printed.push(line),
    progressStream,
    onFile: () => {
      if (++done === options.stopAfter) stop.abort();
    },
  });
  return { ...outcome, printed: printed.join('\n'), progress: progress.join('') };
}

const localKeys = async () =>
  (
    await Promise.all(
      (await readdir(app.filesDir)).map((shard) => readdir(path.join(app.filesDir, shard))),
    )
  )
    .flat()
    .sort();

describe('hrcn files migrate', () => {
  it('copies part of the files, stops when told, and says what is left', async () => {
    const run = await migrate({ stopAfter: 2 });
    expect(run.report).toMatchObject({
      total: 5,
      copied: 2,
      skipped: 0,
      notReached: 3,
      failed: [],
    });
    expect(run.exitCode).toBe(130);
    expect(run.printed).toContain('not yet:  3 (stopped before them: run the command again)');
    expect(await s3.objectNames(BUCKET)).toHaveLength(2);
    expect(run.progress).toContain('Copying files: 0/5 files (0 %)');
  });

  it('finishes the job when run again, every object with the bytes of its file', async () => {
    const run = await migrate();
    expect(run.report).toMatchObject({ total: 5, copied: 3, replaced: 0, skipped: 2, failed: [] });
    expect(run.exitCode).toBe(0);
    expect(run.printed).toContain('  copied:   3 (');
    expect(run.printed).toContain('  skipped:  2 (already in the bucket with the same SHA-256)');
    expect(run.printed).toContain('  failed:   0');
    expect(run.printed).toContain('The local files are left as they were.');
    expect(run.progress).toContain('Copying files: 5/5 files (100 %)');
    expect(await s3.objectNames(BUCKET)).toEqual([...site.keys()].sort());
    for (const [key, bytes] of site)
      expect((await s3.objectBytes(BUCKET, key)).equals(bytes)).toBe(true);
    // The site now reads the same files from the bucket.
    const onBucket = await buildTestApp({
      filesUrl: s3.filesUrl(BUCKET),
      filesCredentials: S3_CREDENTIALS,
      database: app.database,
    });
    try {
      for (const [key, bytes] of site)
        expect((await onBucket.files.read(key)).equals(bytes)).toBe(true);
    } finally {
      // Not onBucket.close(): the database is this file's app's.
      await onBucket.stop();
    }
  });

  it('copies again an object damaged in the bucket, and skips the rest', async () => {
    const [damaged = ''] = recorded;
    await s3.putObject(BUCKET, damaged, Buffer.from('not the report'));
    const run = await migrate();
    expect(run.report).toMatchObject({ copied: 0, replaced: 1, skipped: 4, failed: [] });
    expect(run.printed).toContain('1 of them over other bytes the bucket held');
    expect(
      (await s3.objectBytes(BUCKET, damaged)).equals(site.get(damaged) ?? Buffer.alloc(0)),
    ).toBe(true);
  });

  it('reports a local file that is not what the database recorded, and one that is gone', async () => {
    const [, damaged = '', gone = ''] = recorded;
    await writeFile(localPath(damaged), 'bit rot');
    await rm(localPath(gone));
    const run = await migrate();
    expect(run.report.mismatched).toEqual([damaged]);
    expect(run.missing).toEqual([gone]);
    expect(run.exitCode).toBe(1);
    expect(run.printed).toContain(
      `1 differ from the SHA-256 the database recorded, and were copied as they are (damaged on disk? restore them from a back-up and run again): ${damaged}`,
    );
    expect(run.printed).toContain(`1 named in the database are not in the directory`);
    // Nothing local was removed by any run: only the file this test removed is missing.
    expect(await localKeys()).toEqual([...site.keys()].filter((key) => key !== gone).sort());
  });

  it('says clearly when there is nothing to copy from, or no bucket to copy to', async () => {
    await expect(migrate({ from: path.join(app.filesDir, 'nowhere') })).rejects.toThrow(
      ConfigError,
    );
    await expect(
      runFilesMigration({
        from: app.filesDir,
        to: bucketOf(s3.filesUrl('no-such-bucket')),
        db: null,
        concurrency: 1,
        print: () => undefined,
      }),
    ).rejects.toThrow(FileStoreSetupError);
  });
});
