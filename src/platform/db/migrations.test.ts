/** Fails when the Drizzle schema and the committed SQL migrations disagree. */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import drizzleConfig from '../../../drizzle.config.js';
import { MIGRATIONS_DIR } from './migrate.js';

const run = promisify(execFile);
const ROOT = path.resolve(MIGRATIONS_DIR, '../../../..');

describe('migrations', () => {
  it('match the schema: generating again yields nothing new', async () => {
    const copy = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-migrations-'));
    try {
      await fs.cp(MIGRATIONS_DIR, copy, { recursive: true });
      const config = path.join(copy, 'drizzle.config.json');
      await fs.writeFile(
        config,
        JSON.stringify({
          dialect: 'postgresql',
          schema: drizzleConfig.schema,
          // drizzle-kit reads `out` relative to the working directory.
          out: path.relative(ROOT, copy),
          casing: 'snake_case',
        }),
      );
      const before = await fs.readdir(copy);
      const { stdout, stderr } = await run(
        path.join(ROOT, 'node_modules/.bin/drizzle-kit'),
        ['generate', `--config=${config}`],
        { cwd: ROOT },
      );
      expect(`${stdout}${stderr}`).toContain('No schema changes');
      expect(await fs.readdir(copy), stdout).toEqual(before);
    } finally {
      await fs.rm(copy, { recursive: true, force: true });
    }
  });

  it('use only what PostgreSQL 15 runs', async () => {
    for (const file of (await fs.readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.sql'))) {
      const sql = await fs.readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
      expect(sql, file).not.toMatch(/uuidv7\(|\bVIRTUAL\b|\bOLD\.\*|WITHOUT OVERLAPS/i);
    }
  });

  it('create the search extensions first', async () => {
    const first = await fs.readFile(path.join(MIGRATIONS_DIR, '0000_extensions.sql'), 'utf8');
    expect(first).toContain('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    expect(first).toContain('CREATE EXTENSION IF NOT EXISTS unaccent');
  });
});
