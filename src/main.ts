/**
 * Entry point of the server: read config, open and migrate the database, seed, build the app,
 * listen; stop everything in order on SIGINT/SIGTERM.
 */
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './platform/db/database.js';
import { migrateDatabase } from './platform/db/migrate.js';
import { startJobs, type Jobs } from './platform/jobs/jobs.js';
import { createLogger } from './platform/logging/logger.js';
import type { InboundServer } from './platform/mail/inbound.js';
import { loadSecrets } from './platform/secrets.js';
import { seedInitialContent } from './seed/index.js';

/** Starts the platform and resolves once it listens. */
export async function serve(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const secrets = await loadSecrets(config.dataDir);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPassword: secrets.databasePassword,
    poolMax: config.databasePoolMax,
    preparedStatements: config.databasePreparedStatements,
    embeddedMemoryMb: config.embeddedMemoryMb,
    log,
  });
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // In-flight requests finish; a kept-alive connection left idle after its last answer is
    // closed within a quarter of a second, so that a proxy does not keep the process waiting.
    const sweep = setInterval(() => app?.http.server.closeIdleConnections(), 250);
    await app?.http.close().catch((error: unknown) => log.error({ err: error }, 'http close'));
    clearInterval(sweep);
    await inbound?.close().catch((error: unknown) => log.error({ err: error }, 'inbound close'));
    await jobs?.stop().catch((error: unknown) => log.error({ err: error }, 'jobs stop'));
    await database.close().catch((error: unknown) => log.error({ err: error }, 'database close'));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let jobs: Jobs | undefined;
  let inbound: InboundServer | undefined;
  try {
    await migrateDatabase(database.pool);
    if (config.seedOnStart) {
      const report = await seedInitialContent(database.db);
      log.info({ added: report.added }, 'initial content checked');
    }
    app = await buildApp({
      config,
      log,
      database,
      cookieSecret: config.sessionSecret ?? secrets.sessionSecret,
    });
    jobs = await startJobs({ pool: database.pool, log });
    await app.attachJobs(jobs);
    await app.http.listen({ port: config.port, host: config.host });
    // The SMTP server and the mail parser are loaded only when replies by e-mail are on.
    if (config.inboundSmtp)
      inbound = await (
        await import('./platform/mail/inbound.js')
      ).startInboundSmtp({ ...config.inboundSmtp, mailbox: app.mailbox, log });
  } catch (error) {
    await inbound?.close().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await app?.http.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
  log.info(
    { url: config.publicUrl, database: database.kind, ms: Math.round(performance.now() - started) },
    'ready',
  );
  if (process.stdout.isTTY) {
    process.stdout.write(
      `\n  The Human Rights Cities Network platform is running at ${config.publicUrl}\n`,
    );
  }
  if (await app.access.needsFirstAdministrator()) {
    const link = await app.access.issueSetupLink();
    process.stdout.write(
      `\n  No administrator yet. Create the first one with this one-time link (valid 24 hours):\n\n` +
        `    ${link.url}\n\n`,
    );
  }
}
