/**
 * The platform as the benchmarks run it: the embedded PostgreSQL in `dataDir` (or DATABASE_URL),
 * migrated and seeded, no mail, no metrics. One set-up for every bench, so that they measure the
 * same thing.
 */
import path from 'node:path';
import { buildApp, type App } from '../src/app.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { loadSecrets } from '../src/platform/secrets.js';
import { seedInitialContent } from '../src/seed/index.js';

export interface BenchApp {
  app: App;
  database: Database;
  /** Stops the app, then its database. */
  close(): Promise<void>;
}

export async function startBenchApp(
  dataDir: string,
  options: {
    renderCacheBytes: number;
    joinRunningServer?: boolean;
    /** Where mail goes (an SMTP sink of the bench); none: the outbox. */
    smtpUrl?: string;
    /** The app's time, when the bench moves it. */
    clock?: () => Date;
  },
): Promise<BenchApp> {
  const log = createLogger('warn');
  const secrets = await loadSecrets(dataDir);
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL ?? null,
    dataDir,
    embeddedPassword: secrets.databasePassword,
    poolMax: 10,
    log,
    // A second target on the same data directory uses the first one's PostgreSQL.
    joinRunningServer: options.joinRunningServer ?? false,
  });
  await migrateDatabase(database.pool);
  await seedInitialContent(database.db);
  const app = await buildApp({
    config: {
      publicUrl: 'http://localhost:3000',
      trustProxy: false,
      renderCacheBytes: options.renderCacheBytes,
      metricsToken: null,
      smtpUrl: options.smtpUrl ?? null,
      mailFrom: 'Bench <no-reply@localhost>',
      files: { kind: 'local', directory: path.join(dataDir, 'files') },
      uploadMaxBytes: 20 * 1024 * 1024,
      replyDomain: null,
      newsletterRatePerMinute: 600,
      backup: null,
    },
    log,
    database,
    cookieSecret: secrets.sessionSecret,
    clock: options.clock,
  });
  return {
    app,
    database,
    close: async () => {
      await app.http.close();
      await database.close();
    },
  };
}
