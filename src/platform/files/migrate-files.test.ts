/**
 * The copy between two stores, on two local directories (the bucket is in
 * test/integration/files-migration.test.ts): a target that reads back other bytes than were sent
 * is a failure, never "copied"; a source file gone during the run is a failure too; the source is
 * left as it was.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileStore, type FileStore } from './file-store.js';
import { hashStream, migrateFiles } from './migrate-files.js';

let folders: string[] = [];
const folder = async () => {
  const made = await mkdtemp(path.join(tmpdir(), 'hrcn-migrate-'));
  folders.push(made);
  return made;
};
beforeEach(() => {
  folders = [];
});
afterEach(async () => {
  for (const made of folders) await rm(made, { recursive: true, force: true });
});

describe('copying files between stores', () => {
  it('copies, then skips what is there, and says so', async () => {
    const from = createFileStore(await folder());
    const to = createFileStore(await folder());
    const keys = [await from.save(Buffer.from('one')), await from.save(Buffer.from('two'))];
    const lines: string[] = [];
    const first = await migrateFiles({
      from,
      to,
      startProgress: (total) => ({
        advance: (by, label) => lines.push(`+${by} ${label}`),
        setTotal: () => undefined,
        stop: () => lines.push(`stop of ${total}`),
      }),
    });
    expect(first).toMatchObject({ total: 2, copied: 2, skipped: 0, bytes: 6, failed: [] });
    expect(lines).toHaveLength(3);
    expect(lines.at(-1)).toBe('stop of 2');
    expect((await to.read(keys[0] ?? '')).toString()).toBe('one');
    const second = await migrateFiles({ from, to });
    expect(second).toMatchObject({ copied: 0, skipped: 2, bytes: 0 });
  });

  it('fails a file the target reads back different, and one that left the source', async () => {
    const from = createFileStore(await folder());
    const inner = createFileStore(await folder());
    const kept = await from.save(Buffer.from('kept'));
    const damagedKey = await from.save(Buffer.from('damaged on the way'));
    // A target that loses the last byte of one file.
    const lossy: FileStore = {
      ...inner,
      async put(key, data) {
        const chunks: Buffer[] = [];
        for await (const chunk of data) chunks.push(chunk as Buffer);
        const bytes = Buffer.concat(chunks);
        await inner.put(key, Readable.from([key === damagedKey ? bytes.subarray(1) : bytes]));
      },
    };
    const report = await migrateFiles({ from, to: lossy });
    expect(report.copied).toBe(1);
    expect(report.failed).toEqual([
      {
        key: damagedKey,
        reason: expect.stringMatching(/^read back with SHA-256 [0-9a-f]{64}, not/),
      },
    ]);
    // Nothing of the source is touched.
    expect((await from.read(kept)).toString()).toBe('kept');
    expect((await from.read(damagedKey)).toString()).toBe('damaged on the way');

    const vanishing: FileStore = { ...from, open: async () => null };
    const gone = await migrateFiles({ from: vanishing, to: inner });
    expect(gone.failed.map((failure) => failure.reason)).toEqual([
      'it left the source directory during the run',
      'it left the source directory during the run',
    ]);
  });

  it('names the files whose bytes are not what the database recorded', async () => {
    const from = createFileStore(await folder());
    const to = createFileStore(await folder());
    const good = await from.save(Buffer.from('good'));
    const bad = await from.save(Buffer.from('bad'));
    const sha = async (text: string) =>
      (await hashStream(Readable.from([Buffer.from(text)]))).sha256;
    const report = await migrateFiles({
      from,
      to,
      recorded: new Map([
        [good, await sha('good')],
        [bad, await sha('what was uploaded')],
      ]),
    });
    expect(report).toMatchObject({ copied: 2, mismatched: [bad] });
  });
});
