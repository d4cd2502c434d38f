/**
 * A benchmark target in its own process, so the load generator never shares its event loop:
 *   app <dataDir>    the platform on the embedded PostgreSQL (migrated and seeded)
 *   bare <file.json> a bare node:http server answering fixed bytes per path
 * Prints "PORT <n>" when listening; stops on SIGTERM.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { loadSecrets } from '../src/platform/secrets.js';
import { seedInitialContent } from '../src/seed/index.js';

const [kind, arg] = process.argv.slice(2);

if (kind === 'bare') {
  const pages = JSON.parse(readFileSync(arg ?? '', 'utf8')) as Record<
    string,
    { type: string; body: string }
  >;
  const bodies = new Map(
    Object.entries(pages).map(([path, page]) => [
      path,
      { type: page.type, body: Buffer.from(page.body, 'base64') },
    ]),
  );
  const server = http.createServer((request, response) => {
    const page = bodies.get(request.url ?? '');
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': page.type, 'content-length': page.body.length });
    response.end(page.body);
  });
  server.listen(0, '127.0.0.1', () =>
    console.log(`PORT ${(server.address() as AddressInfo).port}`),
  );
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else if (kind === 'app') {
  const dataDir = arg ?? '';
  const log = createLogger('warn');
  const secrets = await loadSecrets(dataDir);
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL ?? null,
    dataDir,
    embeddedPassword: secrets.databasePassword,
    poolMax: 10,
    log,
    // A second target on the same data directory uses the first one's PostgreSQL.
    joinRunningServer: process.env.HRCN_JOIN_DATABASE === '1',
  });
  await migrateDatabase(database.pool);
  await seedInitialContent(database.db);
  const app = await buildApp({
    config: {
      publicUrl: 'http://localhost:3000',
      trustProxy: false,
      renderCacheBytes: Number(process.env.RENDER_CACHE_MB ?? 64) * 1024 * 1024,
      metricsToken: null,
      smtpUrl: null,
      mailFrom: 'Bench <no-reply@localhost>',
      filesDir: path.join(dataDir, 'files'),
      uploadMaxBytes: 20 * 1024 * 1024,
    },
    log,
    database,
    cookieSecret: secrets.sessionSecret,
  });
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  console.log(`PORT ${(app.http.server.address() as AddressInfo).port}`);
  process.on('SIGTERM', () => {
    void app.http
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
} else {
  console.error('usage: targets.ts app <dataDir> | bare <pages.json>');
  process.exit(2);
}
