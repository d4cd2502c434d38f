/** buildTestApp(): the real app on a fresh database, for HTTP tests through app.inject. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../../src/app.js';
import type { ContentKind } from '../../src/channels/kind.js';
import { loadConfig, type FilesLocation } from '../../src/config.js';
import { Catalogue } from '../../src/platform/i18n/catalogue.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp extends App {
  database: TestDatabase;
  /** Where this app keeps attached files (a temporary folder), unless given a bucket. */
  filesDir: string;
  /** Closes the app, drops its database and removes its files folder. */
  close(): Promise<void>;
  /**
   * Closes the app and removes its files folder, leaving the database to its owner: for a second
   * instance on another's database.
   */
  stop(): Promise<void>;
}

let catalogue: Catalogue | undefined;

export async function buildTestApp(
  overrides: {
    metricsToken?: string;
    smtpUrl?: string;
    publicUrl?: string;
    clock?: () => Date;
    renderCacheBytes?: number;
    /** Pages rendered at once (RENDER_CONCURRENCY). */
    renderConcurrency?: number;
    allowPrivateLinkTargets?: boolean;
    /** How long a request to another site may take in all. */
    outboundTimeoutMs?: number;
    /** How long a session read is used again: 0 by default, since tests change people's roles
     * and memberships in the database directly; the sessions test turns it on. */
    viewerWindowMs?: number;
    database?: TestDatabase;
    uploadMaxBytes?: number;
    /** The domain of reply addresses, when replies by e-mail are on. */
    replyDomain?: string;
    /** Kinds of content added to the features' own, for tests of the channels. */
    extraKinds?: readonly ContentKind[];
    /** Newsletter messages a minute at most. */
    newsletterRatePerMinute?: number;
    /** Attached files in this bucket (FILES_URL) rather than a temporary folder. */
    filesUrl?: string;
    /** The bucket's keys (FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY). */
    filesCredentials?: { accessKeyId: string; secretAccessKey: string };
    /** The daily backup job's directory and how many archives it keeps. */
    backup?: { dir: string; keep: number };
    /** Reads the client's address from X-Forwarded-For (TRUST_PROXY), as behind nginx. */
    trustProxy?: boolean;
  } = {},
): Promise<TestApp> {
  // FILES_URL is read as the server reads it, so that a bad one fails here as it would there.
  const files: FilesLocation | null = overrides.filesUrl
    ? loadConfig({
        FILES_URL: overrides.filesUrl,
        FILES_S3_ACCESS_KEY_ID: overrides.filesCredentials?.accessKeyId,
        FILES_S3_SECRET_ACCESS_KEY: overrides.filesCredentials?.secretAccessKey,
      }).files
    : null;
  const database = overrides.database ?? (await createTestDatabase());
  // Attached files of this app only, removed with it.
  const filesDir = await mkdtemp(path.join(tmpdir(), 'hrcn-files-'));
  catalogue ??= new Catalogue();
  const dropAll = async () => {
    if (!overrides.database) await database.drop();
    await rm(filesDir, { recursive: true, force: true });
  };
  const app = await buildApp({
    config: {
      publicUrl: overrides.publicUrl ?? 'http://localhost:3000',
      trustProxy: overrides.trustProxy ?? false,
      renderCacheBytes: overrides.renderCacheBytes ?? 8 * 1024 * 1024,
      renderConcurrency: overrides.renderConcurrency ?? 6,
      metricsToken: overrides.metricsToken ?? null,
      smtpUrl: overrides.smtpUrl ?? null,
      mailFrom: 'Human Rights Cities Network <no-reply@example.org>',
      files: files ?? { kind: 'local', directory: filesDir },
      uploadMaxBytes: overrides.uploadMaxBytes ?? 1024 * 1024,
      replyDomain: overrides.replyDomain ?? null,
      newsletterRatePerMinute: overrides.newsletterRatePerMinute ?? 6000,
      backup: overrides.backup ?? null,
    },
    log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    database,
    cookieSecret: 'test-cookie-secret-that-is-long-enough-000',
    catalogue,
    clock: overrides.clock,
    allowPrivateLinkTargets: overrides.allowPrivateLinkTargets,
    outboundTimeoutMs: overrides.outboundTimeoutMs,
    viewerWindowMs: overrides.viewerWindowMs ?? 0,
    extraKinds: overrides.extraKinds,
  }).catch(async (error: unknown) => {
    await dropAll();
    throw error;
  });
  return {
    ...app,
    database,
    filesDir,
    close: async () => {
      try {
        await app.http.close();
        await database.drop();
      } finally {
        await rm(filesDir, { recursive: true, force: true });
      }
    },
    stop: async () => {
      try {
        await app.http.close();
      } finally {
        await rm(filesDir, { recursive: true, force: true });
      }
    },
  };
}
