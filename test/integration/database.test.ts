import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, openDatabase } from '../../src/platform/db/database.js';
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

  it('says when an idle connection loses its server, and not once the pool is closing', async () => {
    const warnings: string[] = [];
    const log = createLogger('warn', {
      write: (line: string) => void warnings.push(String(JSON.parse(line).msg)),
    });
    const target = connect(database.url, 2, log);
    const client = await target.pool.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    client.release();
    // The server ends the idle connection (a restart, a network cut): the app is told.
    await database.pool.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
    await expect.poll(() => warnings).toEqual(['idle database connection lost']);
    // Closing: the pool lets its clients go before their server hears it, and an embedded
    // server stopped next ends them; the pool's report of it is no news.
    await target.close();
    target.pool.emit('error', new Error('terminating connection due to administrator command'));
    expect(warnings).toEqual(['idle database connection lost']);
  });

  it('names parameterised statements, so PostgreSQL prepares them once per connection', async () => {
    const log = createLogger('silent');
    // One connection, so that the session's prepared statements are the pool's.
    const prepared = connect(database.url, 1, log);
    const plain = connect(database.url, 1, log, false);
    const statements = async (target: typeof prepared): Promise<string[]> =>
      (
        await target.pool.query<{ statement: string }>(
          'SELECT statement FROM pg_prepared_statements ORDER BY statement',
        )
      ).rows.map((row) => row.statement);
    try {
      await prepared.db.execute(sql`CREATE TABLE prepared_probe (id int PRIMARY KEY, name text)`);
      await prepared.db.execute(sql`INSERT INTO prepared_probe VALUES (${1}, ${'one'})`);
      for (const id of [1, 2, 1])
        await prepared.db.execute(sql`SELECT * FROM prepared_probe WHERE id = ${id}`);
      expect(await statements(prepared)).toEqual([
        'INSERT INTO prepared_probe VALUES ($1, $2)',
        'SELECT * FROM prepared_probe WHERE id = $1',
      ]);
      // Turned off (behind a pooler that does not keep them), nothing is prepared.
      await plain.db.execute(sql`SELECT * FROM prepared_probe WHERE id = ${1}`);
      expect(await statements(plain)).toEqual([]);

      // Another instance's migration changes the table under a prepared `*`: the statement runs
      // again unnamed and answers with the new shape.
      await plain.db.execute(sql`ALTER TABLE prepared_probe ADD COLUMN place text DEFAULT 'Graz'`);
      const after = await prepared.db.execute<{ id: number; name: string; place: string }>(
        sql`SELECT * FROM prepared_probe WHERE id = ${1}`,
      );
      expect(after.rows).toEqual([{ id: 1, name: 'one', place: 'Graz' }]);
    } finally {
      await prepared.db.execute(sql`DROP TABLE IF EXISTS prepared_probe`);
      await prepared.close();
      await plain.close();
    }
  });
});
