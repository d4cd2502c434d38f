/**
 * The only reader of the environment. Every variable is validated at start; an invalid value stops
 * the process with a message naming the variable and what is wrong. Documented in README.md.
 */
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  /** TCP port the web server listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address the web server binds to (localhost: 127.0.0.1 and ::1); 0.0.0.0 for other machines. */
  HOST: z.string().min(1).default('localhost'),
  /** Public address of the site, used in links sent by e-mail and printed on the console. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Directory for the embedded database, generated secrets and uploaded files. */
  DATA_DIR: z.string().min(1).default('data'),
  /** External PostgreSQL 15+ (postgres://user:pass@host:port/db); when unset, the embedded one is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Largest number of connections the app opens to PostgreSQL. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /** Named prepared statements (off behind a pooler that does not keep them). */
  DATABASE_PREPARED_STATEMENTS: booleanText.default(true),
  /** Memory the embedded PostgreSQL keeps for its cache (shared_buffers), in MB. */
  EMBEDDED_DB_MEMORY_MB: z.coerce.number().int().min(32).max(65_536).default(256),
  /** Secret that signs session cookies (at least 32 characters); generated in DATA_DIR when unset. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** SMTP server for outgoing e-mail (smtp:// or smtps://); without it mail goes to the outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** The From address of outgoing e-mail. */
  MAIL_FROM: z.string().min(3).optional(),
  /**
   * Port of the app's own SMTP server that takes replies to discussion e-mails
   * (reply+…@REPLY_DOMAIN, relayed by the domain's mail server); unset or 0: no replies by e-mail.
   */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Address the inbound SMTP server binds to. */
  INBOUND_SMTP_HOST: z.string().min(1).default('localhost'),
  /** The domain of the reply addresses; PUBLIC_URL's host name when unset. */
  REPLY_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$|^localhost$/i, 'must be a domain name, e.g. example.org')
    .optional(),
  /** pino log level. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** When set, /metrics answers only requests with "Authorization: Bearer <token>". */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Trust X-Forwarded-* headers from a reverse proxy in front of the app. */
  TRUST_PROXY: booleanText.default(false),
  /** Memory for rendered anonymous pages, in MB; 0 turns the render cache off. */
  RENDER_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
  /** Pages one instance renders at once; further requests wait their turn. */
  RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(6),
  /** Largest file an editor may attach to an item, in MB. */
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(20),
  /** Seed the network's initial content at start (idempotent). */
  SEED_ON_START: booleanText.default(true),
  /** Directory for the daily backup (hrcn-backup-<date>.tar.gz at 03:17 UTC); unset: no daily backup. */
  BACKUP_DIR: z.string().min(1).optional(),
  /** How many daily backups to keep in BACKUP_DIR (the newest; older ones are deleted). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  /** Newsletter messages sent a minute at most, by all instances together. */
  NEWSLETTER_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  /**
   * Where attached files live: unset for DATA_DIR/files, or an S3-compatible bucket,
   * s3://BUCKET?endpoint=https://…&region=…&path_style=true&prefix=… (parsed by parseFilesUrl).
   */
  FILES_URL: z.string().optional(),
  /** The bucket's access key; with the secret, or neither (then the AWS SDK's usual sources). */
  FILES_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  FILES_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

/** Variables whose values are never repeated in an error message. */
const SECRET_VARIABLES = new Set(['SESSION_SECRET', 'METRICS_TOKEN', 'FILES_S3_SECRET_ACCESS_KEY']);

/** An S3-compatible bucket for attached files, as FILES_URL and the credential variables say. */
export interface S3Location {
  bucket: string;
  /** An S3-compatible server (https://s3.example.org), or null for Amazon S3 itself. */
  endpoint: string | null;
  region: string;
  /** Address the bucket in the path (https://host/bucket/key) rather than in the host name. */
  pathStyle: boolean;
  /** Put before every key: '' or a path ending in '/'. */
  prefix: string;
  /** Given keys, or null for the AWS SDK's usual sources (AWS_* variables, profile, role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
}

/** Where attached files are kept. */
export type FilesLocation = { kind: 'local'; directory: string } | { kind: 's3'; s3: S3Location };

const FILES_URL_PARAMETERS = ['endpoint', 'region', 'path_style', 'prefix'] as const;

/**
 * Reads FILES_URL (s3://BUCKET?endpoint=…&region=…&path_style=…&prefix=…) into a location
 * without credentials; answers the problem in words when it is not one.
 */
export function parseFilesUrl(text: string): Omit<S3Location, 'credentials'> | { problem: string } {
  const form = 'must look like s3://BUCKET?endpoint=https://s3.example.org&region=eu-west-1';
  if (!URL.canParse(text)) return { problem: form };
  const url = new URL(text);
  if (url.protocol !== 's3:') return { problem: `${form} (only s3:// is known)` };
  if (url.username || url.password)
    return {
      problem:
        'holds credentials: give them in FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY',
    };
  const bucket = url.hostname;
  if (!/^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/.test(bucket))
    return { problem: `${form} (the bucket name: 3 to 63 lower-case letters, digits, . _ -)` };
  if (url.port || (url.pathname !== '' && url.pathname !== '/'))
    return { problem: `${form} (a folder in the bucket is given as ?prefix=…)` };
  for (const name of url.searchParams.keys())
    if (!(FILES_URL_PARAMETERS as readonly string[]).includes(name))
      return {
        problem: `has an unknown parameter "${name}" (known: ${FILES_URL_PARAMETERS.join(', ')})`,
      };
  const endpointText = url.searchParams.get('endpoint');
  let endpoint: string | null = null;
  if (endpointText !== null) {
    const parsed = URL.canParse(endpointText) ? new URL(endpointText) : null;
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.search || parsed.hash)
      return {
        problem: 'endpoint must be an http:// or https:// address, e.g. https://s3.example.org',
      };
    if (parsed.username || parsed.password)
      return {
        problem:
          'endpoint holds credentials: give them in FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY',
      };
    endpoint = parsed.href.replace(/\/+$/, '');
  }
  const region = url.searchParams.get('region') ?? 'us-east-1';
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(region))
    return { problem: 'region must be a region name such as eu-west-1' };
  const pathStyleText = url.searchParams.get('path_style') ?? 'false';
  const pathStyle = booleanText.safeParse(pathStyleText);
  if (!pathStyle.success) return { problem: 'path_style must be true or false' };
  const prefixText = (url.searchParams.get('prefix') ?? '').replace(/^\/+|\/+$/g, '');
  if (
    prefixText !== '' &&
    (!/^[A-Za-z0-9._/-]{1,200}$/.test(prefixText) ||
      prefixText.split('/').some((part) => part === '' || part === '.' || part === '..'))
  )
    return { problem: 'prefix must be folder names of letters, digits, . _ - joined by /' };
  return {
    bucket,
    endpoint,
    region,
    pathStyle: pathStyle.data,
    prefix: prefixText === '' ? '' : `${prefixText}/`,
  };
}

/** The files' place, or the problems of the variables that say it. */
const filesSchema = environmentSchema
  .pick({ FILES_URL: true, FILES_S3_ACCESS_KEY_ID: true, FILES_S3_SECRET_ACCESS_KEY: true })
  .transform((e, ctx): S3Location | null => {
    const keyId = e.FILES_S3_ACCESS_KEY_ID;
    const secret = e.FILES_S3_SECRET_ACCESS_KEY;
    if (keyId !== undefined && secret === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['FILES_S3_SECRET_ACCESS_KEY'],
        message: 'must be set with FILES_S3_ACCESS_KEY_ID',
      });
    if (secret !== undefined && keyId === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['FILES_S3_ACCESS_KEY_ID'],
        message: 'must be set with FILES_S3_SECRET_ACCESS_KEY',
      });
    if (e.FILES_URL === undefined) {
      if (keyId !== undefined || secret !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['FILES_URL'],
          message: 'must name the bucket (s3://…) when FILES_S3_ACCESS_KEY_ID is set',
        });
      return null;
    }
    const parsed = parseFilesUrl(e.FILES_URL);
    if ('problem' in parsed) {
      ctx.addIssue({ code: 'custom', path: ['FILES_URL'], message: parsed.problem });
      return null;
    }
    return {
      ...parsed,
      credentials:
        keyId !== undefined && secret !== undefined
          ? { accessKeyId: keyId, secretAccessKey: secret }
          : null,
    };
  });

export interface Config {
  port: number;
  host: string;
  /** Public base address without a trailing slash. */
  publicUrl: string;
  /** Absolute path of the data directory. */
  dataDir: string;
  /** The local directory of attached files, DATA_DIR/files (never served as a folder). */
  filesDir: string;
  /** Where attached files are kept: that directory, or the bucket of FILES_URL. */
  files: FilesLocation;
  /** Largest attached file, in bytes. */
  uploadMaxBytes: number;
  /** External database, or null for the embedded one. */
  databaseUrl: string | null;
  databasePoolMax: number;
  /** Name parameterised statements (PostgreSQL parses and plans them once per connection). */
  databasePreparedStatements: boolean;
  /** shared_buffers of the embedded server, in MB. */
  embeddedMemoryMb: number;
  /** Given in the environment, or null to use the one generated in the data directory. */
  sessionSecret: string | null;
  /** SMTP server, or null for the outbox. */
  smtpUrl: string | null;
  /** The From header of outgoing e-mail. */
  mailFrom: string;
  /** The app's own SMTP server for replies by e-mail, or null when they are off. */
  inboundSmtp: { host: string; port: number } | null;
  /** The domain of reply addresses, or null when replies by e-mail are off. */
  replyDomain: string | null;
  logLevel: (typeof LOG_LEVELS)[number];
  trustProxy: boolean;
  /** Bearer token required by /metrics, or null for open metrics (behind a private network). */
  metricsToken: string | null;
  /** Bytes of rendered pages kept in memory; 0 when the cache is off. */
  renderCacheBytes: number;
  /** Pages rendered at once by this instance (the rest wait: memory stays flat under a burst). */
  renderConcurrency: number;
  seedOnStart: boolean;
  /** Newsletter messages a minute at most. */
  newsletterRatePerMinute: number;
  /** The daily backup: where, and how many to keep; null when BACKUP_DIR is unset. */
  backup: { dir: string; keep: number } | null;
}

/** Raised when the environment is invalid; its message is meant for the person starting the app. */
export class ConfigError extends Error {}

/** A variable's value as an error message repeats it: never a secret, nor a password in an address. */
function shown(name: string, value: string | undefined): string {
  if (value === undefined) return 'nothing';
  if (SECRET_VARIABLES.has(name)) return 'a value, not shown';
  return JSON.stringify(value.replace(/\/\/[^/@\s]*@/, '//…@'));
}

/** Reads and validates the environment. Throws ConfigError naming every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  // The files' variables are read together: a key needs its secret, and both need a bucket.
  const files = filesSchema.safeParse(present);
  const issues = [...(parsed.error?.issues ?? []), ...(files.error?.issues ?? [])];
  if (!parsed.success || !files.success) {
    const lines = issues.map((issue) => {
      const name = String(issue.path[0]);
      return `  ${issue.path.join('.')}: ${issue.message} (got ${shown(name, present[name])})`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const filesDir = path.join(path.resolve(e.DATA_DIR), 'files');
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir: path.resolve(e.DATA_DIR),
    filesDir,
    files: files.data ? { kind: 's3', s3: files.data } : { kind: 'local', directory: filesDir },
    // Megabytes as the upload form says them (decimal): 20 means 20,000,000 bytes, shown "20 MB".
    uploadMaxBytes: e.UPLOAD_MAX_MB * 1_000_000,
    databaseUrl: e.DATABASE_URL ?? null,
    databasePoolMax: e.DATABASE_POOL_MAX,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS,
    embeddedMemoryMb: e.EMBEDDED_DB_MEMORY_MB,
    sessionSecret: e.SESSION_SECRET ?? null,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom:
      e.MAIL_FROM ?? `Human Rights Cities Network <no-reply@${new URL(publicUrl).hostname}>`,
    inboundSmtp:
      e.INBOUND_SMTP_PORT > 0 ? { host: e.INBOUND_SMTP_HOST, port: e.INBOUND_SMTP_PORT } : null,
    replyDomain: e.INBOUND_SMTP_PORT > 0 ? (e.REPLY_DOMAIN ?? new URL(publicUrl).hostname) : null,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN ?? null,
    renderCacheBytes: Math.round(e.RENDER_CACHE_MB * 1024 * 1024),
    renderConcurrency: e.RENDER_CONCURRENCY,
    seedOnStart: e.SEED_ON_START,
    newsletterRatePerMinute: e.NEWSLETTER_RATE_PER_MINUTE,
    backup: e.BACKUP_DIR ? { dir: path.resolve(e.BACKUP_DIR), keep: e.BACKUP_KEEP } : null,
  };
}
