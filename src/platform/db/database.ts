/**
 * Opens the database: the embedded PostgreSQL by default, or any PostgreSQL 15+ at DATABASE_URL.
 * One node-postgres pool, one Drizzle instance over it.
 */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Logger } from '../logging/logger.js';
import { prepareStatements } from './prepared.js';
import {
  EMBEDDED_DATABASE_NAME,
  findRunningEmbeddedPostgres,
  startEmbeddedPostgres,
} from './embedded.js';

export type Db = NodePgDatabase;

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** 'embedded' or 'external', for logs and the readiness report. */
  kind: 'embedded' | 'external';
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /** Ends the pool, then stops the embedded server if there is one. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** External database, or null for the embedded one. */
  databaseUrl: string | null;
  dataDir: string;
  /** Password of the embedded server's superuser. */
  embeddedPassword: string;
  poolMax: number;
  /**
   * Name parameterised statements so PostgreSQL parses and plans them once per connection
   * (default); off behind a pooler that does not keep them (PgBouncer before 1.21 in transaction
   * mode).
   */
  preparedStatements?: boolean;
  /** shared_buffers of the embedded server, in MB. */
  embeddedMemoryMb?: number;
  log: Logger;
  /**
   * For CLI commands: when the server already runs the embedded database on this data directory,
   * use it instead of failing on the data directory lock.
   */
  joinRunningServer?: boolean;
}

async function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0)
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Wraps an existing connection string in a pool and a Drizzle instance. */
export function connect(
  url: string,
  poolMax: number,
  log: Logger,
  preparedStatements = true,
): Omit<Database, 'kind'> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'hrcn',
  });
  // An idle client can lose its server (restart, network); the pool replaces it, the app goes on.
  // Once closing, the pool has let its clients go before their server hears it (pg-pool's end()
  // does not wait for their sockets): an embedded server stopped next ends them, which is no news.
  let closing = false;
  pool.on('error', (error) => {
    if (!closing) log.warn({ err: error }, 'idle database connection lost');
  });
  if (preparedStatements) prepareStatements(pool);
  return {
    db: drizzle({ client: pool }),
    pool,
    ping: async () => {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}

/** Opens the configured database, starting the embedded server when no DATABASE_URL is given. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    return {
      ...connect(options.databaseUrl, options.poolMax, options.log, options.preparedStatements),
      kind: 'external',
    };
  }
  if (options.joinRunningServer) {
    const running = await findRunningEmbeddedPostgres(options.dataDir, options.embeddedPassword);
    if (running)
      return {
        ...connect(running.url, options.poolMax, options.log, options.preparedStatements),
        kind: 'embedded',
      };
  }
  const server = await startEmbeddedPostgres({
    dataDir: options.dataDir,
    password: options.embeddedPassword,
    log: options.log,
    memoryMb: options.embeddedMemoryMb,
  });
  try {
    await ensureDatabaseExists(server.adminUrl, EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await server.stop();
    throw error;
  }
  // The app's own queries go through the server's Unix socket when it has one.
  const connection = connect(
    server.socketUrl ?? server.url,
    options.poolMax,
    options.log,
    options.preparedStatements,
  );
  return {
    ...connection,
    kind: 'embedded',
    close: async () => {
      await connection.close();
      await server.stop();
    },
  };
}

/** True when a write failed on a unique constraint (PostgreSQL 23505), however it was wrapped. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  ((error as { code?: unknown }).code === '23505' ||
    isUniqueViolation((error as { cause?: unknown }).cause));
