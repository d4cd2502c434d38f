/** A fresh database per test file, cloned from the migrated and seeded template. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type Database } from '../../src/platform/db/database.js';
import { createLogger } from '../../src/platform/logging/logger.js';

export interface TestDatabase extends Database {
  url: string;
  name: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('adminUrl') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates a database from the template; the global teardown drops any left behind. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const owner = inject('templateDatabase').replace('hrcn_template_', '');
  const name = `hrcn_t_${owner}_${randomBytes(6).toString('hex')}`;
  await admin((client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`),
  );
  const parsed = new URL(inject('adminUrl'));
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  const connection = connect(url, 5, createLogger('silent'));
  let closed = false;
  return {
    ...connection,
    kind: 'external',
    url,
    name,
    close: async () => {
      if (!closed) await connection.close();
      closed = true;
    },
    drop: async () => {
      if (!closed) await connection.close();
      closed = true;
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
