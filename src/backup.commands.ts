/**
 * `hrcn backup [FILE]` and `hrcn restore FILE` (decision 0024): progress bars on stderr, one
 * summary line at the end. Files are taken from and put into the file store the app uses.
 */
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import type { Config } from './config.js';
import type { Database } from './platform/db/database.js';
import type { FileStore } from './platform/files/file-store.js';

type WithDatabase = <T>(run: (database: Database, config: Config) => Promise<T>) => Promise<T>;

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;
const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

export function addBackupCommands(
  program: Command,
  withDatabase: WithDatabase,
  say: (line: string) => void,
): void {
  program
    .command('backup')
    .description(
      'Write a backup of the database (one consistent snapshot) and the stored files, while the ' +
        'server keeps running.',
    )
    .argument('[file]', 'the archive to write ("-" for standard output)', '')
    .action(async (file: string) =>
      withDatabase(async (database, config) => {
        const [{ writeBackup }, { archiveName, writeBackupFile }, secret, { createProgress }] =
          await Promise.all([
            import('./platform/backup/backup.js'),
            import('./platform/backup/backup.jobs.js'),
            sessionSecretOf(config),
            import('./platform/progress.js'),
          ]);
        const started = performance.now();
        const write = (output: Writable) =>
          withFileStore(config, (files) =>
            writeBackup({
              pool: database.pool,
              files,
              sessionSecret: secret,
              output,
              progress: (title, total, unit) => createProgress(title, total, unit),
            }),
          );
        if (file === '-') {
          const summary = await write(process.stdout);
          say(
            `Backup written to standard output: ${summary.tables} tables, ${summary.rows} rows, ` +
              `${summary.files} files (${megabytes(summary.bytes)} before compression) in ${seconds(started)}.`,
          );
          return;
        }
        const path = await import('node:path');
        const { stat } = await import('node:fs/promises');
        const target = path.resolve(file || archiveName(new Date()));
        const summary = await writeBackupFile(target, write);
        say(
          `Backup written to ${target}: ${summary.tables} tables, ${summary.rows} rows, ` +
            `${summary.files} files, ${megabytes((await stat(target)).size)} ` +
            `(${megabytes(summary.bytes)} before compression) in ${seconds(started)}.`,
        );
      }),
    );

  program
    .command('restore')
    .description(
      'Restore a backup into an empty database and file store (a new DATA_DIR, or the empty ' +
        'database of DATABASE_URL); migrates it to this version of hrcn.',
    )
    .argument('<file>', 'the archive to read ("-" for standard input)')
    .action(async (file: string) => {
      const { createReadStream } = await import('node:fs');
      const { access } = await import('node:fs/promises');
      if (file !== '-')
        await access(file).catch(() => {
          throw new Error(`The archive ${file} cannot be read (no such file, or no permission).`);
        });
      await withDatabase(async (database, config) => {
        const [{ restoreBackup }, { saveSessionSecret }, { createProgress }] = await Promise.all([
          import('./platform/backup/restore.js'),
          import('./platform/secrets.js'),
          import('./platform/progress.js'),
        ]);
        const started = performance.now();
        const summary = await withFileStore(config, (files) =>
          restoreBackup({
            pool: database.pool,
            files,
            input: file === '-' ? process.stdin : createReadStream(file),
            progress: (title, total, unit) => createProgress(title, total, unit),
            // Two-factor keys are encrypted with the session secret: the restored site needs it.
            beforeCommit: ({ sessionSecret }) => saveSessionSecret(config.dataDir, sessionSecret),
          }),
        );
        say(
          `Restored ${summary.tables} tables, ${summary.rows} rows and ${summary.files} files ` +
            `(made by hrcn ${summary.from.appVersion} on PostgreSQL ${summary.from.postgresVersion}, ` +
            `schema ${summary.from.schemaVersion}, now ${summary.schemaVersion}) in ${seconds(started)}.`,
        );
        if (config.sessionSecret) {
          say(
            'SESSION_SECRET is set: unless it is the one of the backed-up site (now in ' +
              `${config.dataDir}/secrets.json), two-factor sign-in will fail. Unset it or set it to that one.`,
          );
        }
      });
    });
}

/** Runs with the file store the app uses (the same factory as app.ts), closed after. */
async function withFileStore<T>(config: Config, run: (files: FileStore) => Promise<T>): Promise<T> {
  const { openFileStore } = await import('./platform/files/open-file-store.js');
  const files = await openFileStore(config.files);
  try {
    return await run(files);
  } finally {
    files.close();
  }
}

/** The session secret the app signs with: SESSION_SECRET, or the one in DATA_DIR. */
async function sessionSecretOf(config: Config): Promise<string> {
  const { loadSecrets } = await import('./platform/secrets.js');
  return config.sessionSecret ?? (await loadSecrets(config.dataDir)).sessionSecret;
}
