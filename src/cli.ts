/**
 * The `hrcn` command-line interface: serve, database, user, mail and file administration. A command loads
 * what it needs when it runs, so that `hrcn --help` answers at once.
 */
import path from 'node:path';
import { Command } from 'commander';
import { addBackupCommands } from './backup.commands.js';
import { loadConfig, ConfigError, type Config } from './config.js';
import type { Database } from './platform/db/database.js';
import { DataDirectoryInUseError } from './platform/db/embedded.js';

/** Progress lines go to stderr so that stdout stays clean for what a command prints. */
const say = (line: string): void => void process.stderr.write(`${line}\n`);

async function withDatabase<T>(
  run: (database: Database, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const [{ createLogger }, { loadSecrets }, { openDatabase }] = await Promise.all([
    import('./platform/logging/logger.js'),
    import('./platform/secrets.js'),
    import('./platform/db/database.js'),
  ]);
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const secrets = await loadSecrets(config.dataDir);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPassword: secrets.databasePassword,
    poolMax: 2,
    embeddedMemoryMb: config.embeddedMemoryMb,
    log,
    joinRunningServer: true,
  });
  try {
    return await run(database, config);
  } finally {
    await database.close();
  }
}

async function timed(label: string, run: () => Promise<void>): Promise<void> {
  const started = performance.now();
  say(`${label}…`);
  await run();
  say(`${label}: done in ${Math.round(performance.now() - started)} ms`);
}

export function createProgram(): Command {
  const program = new Command('hrcn')
    .description('The Human Rights Cities Network platform.')
    .showHelpAfterError();

  program
    .command('serve')
    .description('Start the web server (embedded PostgreSQL unless DATABASE_URL is set).')
    .action(async () => (await import('./main.js')).serve());

  const db = program.command('db').description('Database administration.');
  db.command('migrate')
    .description('Apply the pending schema migrations.')
    .action(async () =>
      withDatabase(async (database) => {
        const { migrateDatabase } = await import('./platform/db/migrate.js');
        await timed('Applying migrations', () => migrateDatabase(database.pool));
      }),
    );
  db.command('seed')
    .description('Load the initial content that has never been loaded (safe to repeat).')
    .action(async () =>
      withDatabase(async (database) => {
        const { migrateDatabase } = await import('./platform/db/migrate.js');
        const { seedInitialContent } = await import('./seed/index.js');
        await timed('Applying migrations', () => migrateDatabase(database.pool));
        await timed('Seeding initial content', async () => {
          const report = await seedInitialContent(database.db, (step, done, total) => {
            if (step !== 'done') say(`  [${done + 1}/${total}] ${step}`);
          });
          for (const [kind, count] of Object.entries(report.added))
            say(`  ${kind}: ${count} added`);
        });
      }),
    );

  addBackupCommands(program, withDatabase, say);

  const user = program.command('user').description('User administration.');
  user
    .command('create-admin')
    .description('Print a one-time link that creates an administrator account (valid 24 hours).')
    .option('--locale <locale>', 'language of the set-up page', 'en')
    .action(async (options: { locale: string }) =>
      withDatabase(async (database, config) => {
        const { migrateDatabase } = await import('./platform/db/migrate.js');
        const { createAccessRepository, createAccessService } =
          await import('./features/access/index.js');
        await migrateDatabase(database.pool);
        const access = createAccessService({
          repository: createAccessRepository(database.db),
          publicUrl: config.publicUrl,
        });
        const link = await access.issueSetupLink(options.locale);
        say(`One-time administrator set-up link, valid until ${link.expiresAt.toISOString()}:`);
        process.stdout.write(`${link.url}\n`);
      }),
    );
  const mail = program.command('mail').description('E-mail administration.');
  mail
    .command('test')
    .description(
      'Send a test message, through SMTP_URL or into the outbox, to check the mail set-up.',
    )
    .argument('<address>', 'where to send it')
    .option('--locale <locale>', 'language of the message', 'en')
    .action(async (address: string, options: { locale: string }) =>
      withDatabase(async (database, config) => {
        const [
          { migrateDatabase },
          { testMessage },
          { Catalogue },
          { createMailer },
          { createLogger },
        ] = await Promise.all([
          import('./platform/db/migrate.js'),
          import('./features/admin/index.js'),
          import('./platform/i18n/catalogue.js'),
          import('./platform/mail/mailer.js'),
          import('./platform/logging/logger.js'),
        ]);
        await migrateDatabase(database.pool);
        const catalogue = new Catalogue();
        const translator = catalogue.translator(
          catalogue.isSupported(options.locale) ? options.locale : 'en',
        );
        const mailer = createMailer({
          smtpUrl: config.smtpUrl,
          from: config.mailFrom,
          db: database.db,
          log: createLogger('warn'),
        });
        try {
          await mailer.send(testMessage(address, translator));
        } finally {
          mailer.close();
        }
        say(translator.t('mail.test.sent', { address, channel: mailer.kind }));
      }),
    );

  const files = program.command('files').description('Attached files.');
  files
    .command('migrate')
    .description(
      'Copy every attached file of the local directory to the bucket of FILES_URL, verified by ' +
        'SHA-256; files already there are skipped, so running it again finishes an interrupted ' +
        'run. The local files are never removed.',
    )
    .option('--from <dir>', 'the directory to copy (default: DATA_DIR/files)')
    .option('--concurrency <n>', 'files copied at once', '4')
    .action(async (options: { from?: string; concurrency: string }) => {
      const config = loadConfig();
      if (config.files.kind !== 's3')
        throw new ConfigError(
          'FILES_URL is not set: it names the bucket to copy the files to (s3://…, see README).',
        );
      const concurrency = Number(options.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
        throw new ConfigError('--concurrency must be a whole number from 1 to 64.');
      const to = config.files.s3;
      const from = path.resolve(options.from ?? config.filesDir);
      const { runFilesMigration } = await import('./files-migration.js');
      // Ctrl-C stops starting files and reports; those under way are finished first.
      const stop = new AbortController();
      process.once('SIGINT', () => {
        say('Stopping after the files under way…');
        stop.abort();
      });
      const { exitCode } = await withDatabase(async (database) => {
        const { migrateDatabase } = await import('./platform/db/migrate.js');
        await migrateDatabase(database.pool);
        return runFilesMigration({
          from,
          to,
          db: database.db,
          concurrency,
          signal: stop.signal,
          print: (line) => void process.stdout.write(`${line}\n`),
        });
      });
      process.exitCode = exitCode;
    });
  return program;
}

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirectoryInUseError) {
    say(error.message);
    process.exit(78); // EX_CONFIG
  }
  // A refused archive or target, or an unreadable file: the message says it all.
  if (
    error instanceof Error &&
    (error.name === 'BackupError' || /^The archive /.test(error.message))
  ) {
    say(error.message);
    process.exit(1);
  }
  say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
