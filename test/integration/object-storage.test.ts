/**
 * Attached files in an S3-compatible bucket (FILES_URL), end to end over HTTP against a real S3
 * server (s3rver, started here on 127.0.0.1): an editor's upload lands in the bucket under its key
 * (and nothing on disk); downloads still pass the access check and are streamed from the bucket;
 * a removed file leaves the bucket; a wrong endpoint or a missing bucket stops the start with its
 * reason; a bucket that goes away while serving gives the 503 page, never a stack trace.
 */
import { IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import { readdir } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type S3Location } from '../../src/config.js';
import { newFileKey } from '../../src/platform/files/file-store.js';
import { FileStoreSetupError, createS3FileStore } from '../../src/platform/files/s3-file-store.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { pdfDocument } from '../support/documents.js';
import { signInAsAdministrator, type FormBrowser } from '../support/form-browser.js';
import { S3_CREDENTIALS, startS3Server, type S3TestServer } from '../support/s3.js';

const BUCKET = 'hrcn-files';
const PREFIX = 'site';

let s3: S3TestServer;
let app: TestApp;
let editor: FormBrowser;
let itemId = '';

beforeAll(async () => {
  s3 = await startS3Server();
  await s3.createBucket(BUCKET);
  app = await buildTestApp({
    filesUrl: s3.filesUrl(BUCKET, PREFIX),
    filesCredentials: S3_CREDENTIALS,
    uploadMaxBytes: 4_000_000,
  });
  editor = await signInAsAdministrator(app);
  const { db } = app.database;
  const inserted = await db.execute<{ id: string }>(sql`
    INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale)
    VALUES ('publication', 'publications', 'files-in-a-bucket', 'public', 'published',
            now() - interval '1 hour', '2026-03-01', 'en')
    RETURNING id`);
  itemId = inserted.rows[0]?.id ?? '';
  await db.execute(sql`
    INSERT INTO item_translations (item_id, locale, title, summary, body)
    VALUES (${itemId}, 'en', 'Files in a bucket', 'Kept in object storage.', '')`);
});

afterAll(async () => {
  await app?.close();
  await s3?.stop();
});

/** The bucket that FILES_URL names, read as the server reads it. */
function bucketOf(filesUrl: string): S3Location {
  const { files } = loadConfig({
    FILES_URL: filesUrl,
    FILES_S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
    FILES_S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
  });
  if (files.kind !== 's3') throw new Error('not a bucket');
  return files.s3;
}

const filesPage = () => `/en/editor/items/${itemId}/files`;
const attach = (filename: string, content: Buffer, access: 'public' | 'members') =>
  editor.upload(
    filesPage(),
    filesPage(),
    { title: filename, locale: 'en', access },
    { name: 'file', filename, type: 'application/pdf', content },
  );
const storedFiles = async () =>
  (
    await app.database.db.execute<{ id: string; storage_key: string; access: string }>(
      sql`SELECT id, storage_key, access FROM item_files ORDER BY created_at`,
    )
  ).rows;

/** A PDF of about 2.5 MB (padding after the document), to see it stream. */
const REPORT = Buffer.concat([pdfDocument(['The annual report']), randomBytes(2_500_000)]);
const ANNEX = pdfDocument(['Members annex']);

describe('files in a bucket', () => {
  it('keeps an attached file in the bucket under its key, and nothing on disk', async () => {
    expect(app.files.description).toBe(
      `s3://${BUCKET}?endpoint=${s3.endpoint}&region=us-east-1&path_style=true&prefix=${PREFIX}`,
    );
    expect((await attach('report.pdf', REPORT, 'public')).statusCode).toBe(303);
    expect((await attach('annex.pdf', ANNEX, 'members')).statusCode).toBe(303);
    const [report, annex] = await storedFiles();
    expect(await s3.objectNames(BUCKET)).toEqual(
      [`${PREFIX}/${report?.storage_key}`, `${PREFIX}/${annex?.storage_key}`].sort(),
    );
    // Buffers compared with equals(): a deep toEqual over 2.5 MB takes seconds.
    const inBucket = await s3.objectBytes(BUCKET, `${PREFIX}/${report?.storage_key}`);
    expect(inBucket.equals(REPORT)).toBe(true);
    expect(await readdir(app.filesDir)).toEqual([]);
    const keys: string[] = [];
    for await (const key of app.files.keys()) keys.push(key);
    expect(keys.sort()).toEqual([report?.storage_key, annex?.storage_key].sort());
  });

  it('serves the public file to a visitor, streamed from the bucket, bytes identical', async () => {
    const [report] = await storedFiles();
    // What the features get is the bucket's HTTP response itself, not bytes gathered first.
    const opened = await app.files.open(report?.storage_key ?? '');
    expect(opened).toBeInstanceOf(IncomingMessage);
    opened?.destroy();
    // Over a real socket, as a browser gets it.
    const address = await app.http.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${address}/en/files/${report?.id}/report.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(REPORT.length));
    const chunks: Buffer[] = [];
    for await (const chunk of Readable.fromWeb(response.body as never)) chunks.push(chunk);
    expect(Buffer.concat(chunks).equals(REPORT)).toBe(true);
    expect((await app.files.read(report?.storage_key ?? '')).equals(REPORT)).toBe(true);
  });

  it('refuses the members-only file to a visitor and serves it to a member', async () => {
    const [, annex] = await storedFiles();
    expect(annex?.access).toBe('members');
    const refused = await app.http.inject({ url: `/en/files/${annex?.id}/annex.pdf` });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('For network members');
    const served = await editor.get(`/en/files/${annex?.id}/annex.pdf`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['cache-control']).toBe('private, no-store');
    expect(served.rawPayload.equals(ANNEX)).toBe(true);
  });

  it('removes the object when the file is removed', async () => {
    const [report, annex] = await storedFiles();
    const removed = await editor.submit(filesPage(), `${filesPage()}/${report?.id}/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect(await s3.objectNames(BUCKET)).toEqual([`${PREFIX}/${annex?.storage_key}`]);
    expect((await app.http.inject({ url: `/en/files/${report?.id}/x.pdf` })).statusCode).toBe(404);
    expect(await app.files.open(report?.storage_key ?? '')).toBeNull();
  });
});

describe('the S3 file store', () => {
  it('streams in a file of unknown length in parts, lists page by page, and forgets', async () => {
    await s3.createBucket('store-test');
    const store = createS3FileStore(bucketOf(s3.filesUrl('store-test')), { pageSize: 2 });
    try {
      // 9 MB in uneven pieces: more than one 8 MiB part of a multipart upload.
      const big = randomBytes(9_000_000);
      const key = newFileKey();
      await store.put(
        key,
        Readable.from([
          big.subarray(0, 1_000_001),
          big.subarray(1_000_001, 8_500_000),
          big.subarray(8_500_000),
        ]),
      );
      expect((await store.read(key)).equals(big)).toBe(true);
      const small = [await store.save(Buffer.from('one')), await store.save(Buffer.from('two'))];
      await s3.putObject('store-test', 'not-a-key.txt', Buffer.from('ignored'));
      const keys: string[] = [];
      for await (const found of store.keys()) keys.push(found);
      expect(keys.sort()).toEqual([key, ...small].sort());
      expect(await store.open(newFileKey())).toBeNull();
      await expect(store.read(newFileKey())).rejects.toMatchObject({ code: 'ENOENT' });
      await store.remove(key);
      await store.remove(key);
      expect(await store.open(key)).toBeNull();
      await expect(store.open('../../etc/passwd')).rejects.toThrow('malformed file key');
    } finally {
      store.close();
    }
  });
});

describe('a bucket that cannot be used', () => {
  it('stops the start with the reason: an endpoint that does not answer', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const start = buildTestApp({
      filesUrl: `s3://${BUCKET}?endpoint=http://127.0.0.1:${closedPort}&path_style=true`,
      filesCredentials: S3_CREDENTIALS,
    });
    await expect(start).rejects.toThrow(FileStoreSetupError);
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(
      `FILES_URL s3://${BUCKET}?endpoint=http://127.0.0.1:${closedPort}&region=us-east-1&path_style=true: http://127.0.0.1:${closedPort} does not answer (ECONNREFUSED): check endpoint=… in FILES_URL`,
    );
  });

  it('stops the start with the reason: a bucket that does not exist', async () => {
    await expect(
      buildTestApp({ filesUrl: s3.filesUrl('no-such-bucket'), filesCredentials: S3_CREDENTIALS }),
    ).rejects.toThrow(`the bucket "no-such-bucket" does not exist at ${s3.endpoint}`);
  });

  it('gives the 503 page, without internals, when the bucket goes away while serving', async () => {
    const [annex] = await storedFiles();
    expect(annex?.access).toBe('members');
    await s3.deleteBucket(BUCKET);
    const gone = await editor.get(`/en/files/${annex?.id}/annex.pdf`);
    expect(gone.statusCode).toBe(503);
    expect(gone.headers['retry-after']).toBe('60');
    expect(gone.headers['content-type']).toMatch(/^text\/html/);
    expect(gone.body).toContain('Temporarily unavailable');
    expect(gone.body).toContain('Reference');
    expect(gone.body).not.toMatch(/NoSuchBucket|s3-file-store|\bat .*\.ts:\d+/);
    // An upload meanwhile gets the same page, and nothing is recorded.
    const upload = await attach('later.pdf', ANNEX, 'public');
    expect(upload.statusCode).toBe(503);
    expect(await storedFiles()).toHaveLength(1);
    // A server that no longer answers at all: the same.
    await s3.stop();
    const down = await editor.get(`/en/files/${annex?.id}/annex.pdf`);
    expect(down.statusCode).toBe(503);
    expect(down.body).not.toMatch(/ECONNREFUSED|\bat .*\.ts:\d+/);
  });
});
