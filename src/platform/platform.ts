/**
 * What the platform hands every feature: the database, mail, messages, clock, cache and queue.
 * Built once in app.ts; a feature takes what it needs from it in its `create`.
 */
import type { RenderCache } from './cache/render-cache.js';
import type { Database } from './db/database.js';
import type { FileStore } from './files/file-store.js';
import type { Catalogue } from './i18n/catalogue.js';
import type { Logger } from './logging/logger.js';
import type { Mailer } from './mail/mailer.js';

export interface Platform {
  /** Public base address without trailing slash. */
  publicUrl: string;
  /** The site's From address (also the contact address of harvesters and API users). */
  mailFrom: string;
  /** Where attached files are kept: the local directory or an object store. */
  files: FileStore;
  /** Largest attached file, in bytes. */
  uploadMaxBytes: number;
  database: Database;
  log: Logger;
  catalogue: Catalogue;
  /** Outgoing e-mail: SMTP when configured, else the outbox. */
  mailer: Mailer;
  /** The time; tests pass a fixed one. */
  clock: () => Date;
  /** The clock a test gave, or undefined: services then use their own default. */
  fixedClock: (() => Date) | undefined;
  /** Signs cookies and derives link secrets. */
  secret: string;
  /** Rendered anonymous pages; null when caching is off. */
  renderCache: RenderCache | null;
  /** Every write that changes what a page shows calls this: the render cache empties everywhere. */
  contentChanged(): Promise<void>;
  /** Asks the queue for a run of a job now (no-op until the server process attaches the queue). */
  runJobNow(name: string): void;
  /** Let the link checker reach this machine's own addresses: for tests only. */
  allowPrivateLinkTargets: boolean;
  /** How long a request to another site may take in all (tests shorten it); the callers' default when absent. */
  outboundTimeoutMs?: number;
  /** How long a session read is used again; the access feature's default when absent. */
  viewerWindowMs?: number;
}
