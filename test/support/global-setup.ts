/**
 * Once per test run: a PostgreSQL server (the embedded one in a temporary directory, or the one at
 * TEST_DATABASE_URL) and a template database, migrated and seeded, that every test file clones.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/platform/db/database.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/platform/db/embedded.js';
import { migrateDatabase } from '../../src/platform/db/migrate.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { seedInitialContent } from '../../src/seed/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of a maintenance database, with the right to create databases. */
    adminUrl: string;
    /** The migrated and seeded database each test file clones. */
    templateDatabase: string;
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = createLogger('silent');
  let server: EmbeddedPostgres | null = null;
  let tempDir: string | null = null;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    // Under /tmp (world-traversable), so that the server's system user can reach it when root.
    tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-test-'));
    await fs.chmod(tempDir, 0o755);
    server = await startEmbeddedPostgres({
      dataDir: tempDir,
      password: randomBytes(18).toString('base64url'),
      log,
    });
    adminUrl = server.adminUrl;
  }
  const templateDatabase = `hrcn_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  const stopServer = async (): Promise<void> => {
    if (server) await server.stop();
    if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
  };
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
    await admin.query(`CREATE DATABASE ${templateDatabase}`);
    const template = connect(withDatabase(adminUrl, templateDatabase), 2, log);
    try {
      await migrateDatabase(template.pool);
      await seedInitialContent(template.db);
    } finally {
      await template.close();
    }
  } catch (error) {
    await admin.end().catch(() => undefined);
    await stopServer();
    throw error;
  }

  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'hrcn_t\\_${process.pid}\\_%' OR datname = $1`,
      [templateDatabase],
    );
    for (const row of leftovers.rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    }
    await admin.end();
    await stopServer();
  };
}
