import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('the database', () => {
  it('is reached through DATABASE_URL when one is given, with no embedded server', async () => {
    const external = await openDatabase({
      databaseUrl: database.url,
      dataDir: '/nonexistent/never-used',
      embeddedPassword: 'unused-unused-unused',
      poolMax: 2,
      log: createLogger('silent'),
    });
    expect(external.kind).toBe('external');
    expect(await external.ping()).toBe(true);
    await external.close();
    expect(await external.ping()).toBe(false);
  });

  it('is PostgreSQL 15 or newer, with the search extensions', async () => {
    const version = await database.db.execute<{
      server_version_num: string;
      server_version: string;
    }>(
      sql`SELECT current_setting('server_version_num') AS server_version_num, current_setting('server_version') AS server_version`,
    );
    const row = version.rows[0];
    console.log(`PostgreSQL ${row?.server_version}`);
    expect(Number(row?.server_version_num)).toBeGreaterThanOrEqual(150000);
    const extensions = await database.db.execute<{ extname: string }>(
      sql`SELECT extname FROM pg_extension`,
    );
    expect(extensions.rows.map((entry) => entry.extname)).toEqual(
      expect.arrayContaining(['pg_trgm', 'unaccent']),
    );
    const unaccented = await database.db.execute<{ value: string }>(
      sql`SELECT unaccent('Genève, Zürich, Kraków') AS value`,
    );
    expect(unaccented.rows[0]?.value).toBe('Geneve, Zurich, Krakow');
  });
});
