/**
 * The daily backup job (BACKUP_DIR, BACKUP_KEEP): off without a directory; each run writes a whole
 * archive named by the day, and the oldest beyond BACKUP_KEEP are deleted, nothing else.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { BACKUP_JOBS } from '../../src/platform/backup/backup.jobs.js';
import { restoreBackup } from '../../src/platform/backup/restore.js';
import { connect } from '../../src/platform/db/database.js';
import { createFileStore } from '../../src/platform/files/file-store.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createEmptyDatabase, dropDatabase } from '../support/other-postgres.js';

let app: TestApp;
let dir = '';
let now = new Date('2026-05-01T03:17:00Z');

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-backups-'));
  app = await buildTestApp({ backup: { dir, keep: 2 }, clock: () => now });
});

afterAll(async () => {
  await app.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the daily backup', () => {
  it('is off unless BACKUP_DIR is set', async () => {
    const plain = await buildTestApp();
    try {
      expect(plain.jobs.map((job) => job.name)).not.toContain(BACKUP_JOBS.daily.name);
    } finally {
      await plain.close();
    }
  });

  it('writes an archive a day and keeps the newest BACKUP_KEEP', async () => {
    const job = app.jobs.find((candidate) => candidate.name === BACKUP_JOBS.daily.name);
    expect(job?.cron).toBe('17 3 * * *');
    await fs.writeFile(path.join(dir, 'notes.txt'), 'not an archive');
    const names: string[][] = [];
    for (const day of ['2026-05-01', '2026-05-02', '2026-05-03']) {
      now = new Date(`${day}T03:17:00Z`);
      await job?.run();
      names.push((await fs.readdir(dir)).sort());
    }
    expect(names).toEqual([
      ['hrcn-backup-2026-05-01T031700Z.tar.gz', 'notes.txt'],
      [
        'hrcn-backup-2026-05-01T031700Z.tar.gz',
        'hrcn-backup-2026-05-02T031700Z.tar.gz',
        'notes.txt',
      ],
      [
        'hrcn-backup-2026-05-02T031700Z.tar.gz',
        'hrcn-backup-2026-05-03T031700Z.tar.gz',
        'notes.txt',
      ],
    ]);

    // The newest is a whole archive of this platform: it restores.
    const name = `hrcn_t_${process.pid}_job_${randomBytes(4).toString('hex')}`;
    const url = await createEmptyDatabase(inject('adminUrl'), name);
    const target = connect(url, 2, createLogger('silent'));
    const files = await fs.mkdtemp(path.join(dir, 'files-'));
    try {
      const restored = await restoreBackup({
        pool: target.pool,
        files: createFileStore(files),
        input: createReadStream(path.join(dir, 'hrcn-backup-2026-05-03T031700Z.tar.gz')),
      });
      const rows = await app.database.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM items',
      );
      expect(restored.rows).toBeGreaterThan(rows.rows[0]?.n ?? 0);
      const copied = await target.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM items');
      expect(copied.rows[0]?.n).toBe(rows.rows[0]?.n);
    } finally {
      await target.close();
      await dropDatabase(inject('adminUrl'), name);
    }
  });
});
