/**
 * The platform as the benchmarks run it: the embedded PostgreSQL in `dataDir` (or DATABASE_URL),
 * migrated and seeded, no mail, no metrics. One set-up for every bench, so that they measure the
 * same thing.
 */
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { buildApp, type App } from '../src/app.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { loadSecrets } from '../src/platform/secrets.js';
import { mailOutbox } from '../src/platform/mail/mail.schema.js';
import { seedInitialContent } from '../src/seed/index.js';
import { seedBenchItems } from './items.js';

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
    /** Where mail goes (an SMTP sink of the bench); none: the outbox. */
    smtpUrl?: string;
    /** The app's time, when the bench moves it. */
    clock?: () => Date;
    /** Replace the Knowledge Centre's items with this many generated ones (bench/items.ts). */
    items?: number;
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
  });
  await migrateDatabase(database.pool);
  await seedInitialContent(database.db);
  if (options.items) await seedBenchItems(database.db, options.items);
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

/** The cookies of a request's answer, as a Cookie header adds them to `jar`. */
function keepCookies(jar: Map<string, string>, setCookie: string | string[] | undefined): void {
  for (const line of [setCookie ?? []].flat()) {
    const [name = '', value = ''] = (line.split(';')[0] ?? '').split(/=(.*)/s);
    jar.set(name, value);
  }
}
const cookieHeader = (jar: Map<string, string>): string =>
  [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/**
 * Signs a new person up, confirms their address from the outbox and signs them in, through the
 * real forms; returns the Cookie header of their session.
 */
export async function signedInCookie(app: App, database: Database, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const password = 'a long enough passphrase for the bench';
  const submit = async (page: string, fields: Record<string, string>) => {
    const form = await app.http.inject({ url: page, headers: { cookie: cookieHeader(jar) } });
    keepCookies(jar, form.headers['set-cookie']);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const answer = await app.http.inject({
      method: 'POST',
      url: page,
      headers: {
        cookie: cookieHeader(jar),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
    keepCookies(jar, answer.headers['set-cookie']);
    return answer;
  };
  await submit('/en/sign-up', {
    name: 'Bench Reader',
    email,
    password,
    passwordConfirmation: password,
    consent: 'yes',
  });
  const [mail] = await database.db
    .select({ text: mailOutbox.textBody })
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, email))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  const link = /https?:\/\/\S+\/en\/verify-email\S*/.exec(mail?.text ?? '')?.[0];
  if (!link) throw new Error(`no confirmation link mailed to ${email}`);
  const url = new URL(link);
  const confirmed = await app.http.inject({
    url: url.pathname + url.search,
    headers: { cookie: cookieHeader(jar) },
  });
  keepCookies(jar, confirmed.headers['set-cookie']);
  const account = () =>
    app.http.inject({ url: '/en/account', headers: { cookie: cookieHeader(jar) } });
  // Confirming the address signs the person in; else they sign in.
  if ((await account()).statusCode !== 200) await submit('/en/sign-in', { email, password });
  const signedIn = await account();
  if (signedIn.statusCode !== 200) throw new Error(`not signed in: ${signedIn.statusCode}`);
  return cookieHeader(jar);
}
