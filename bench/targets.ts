/**
 * A benchmark target in its own process, so the load generator never shares its event loop:
 *   seed <dataDir>   the platform's data for `hrcn serve` (bench/serve.ts), which the benches
 *                    measure: migrated and seeded, BENCH_ITEMS generated items, and with
 *                    BENCH_SIGN_IN=<address> "COOKIE <header>" of a person signed in with it
 *                    printed; then it stops
 *   bare <file.json> a bare node:http server answering fixed bytes per path (and encoding);
 *                    prints "PORT <n>" when listening, stops on SIGTERM
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signedInCookie, startBenchApp } from './app.js';

const [kind, arg] = process.argv.slice(2);

if (kind === 'bare') {
  const pages = JSON.parse(readFileSync(arg ?? '', 'utf8')) as Record<
    string,
    { type: string; body: string; encoding?: string }
  >;
  const bodies = new Map(
    Object.entries(pages).map(([path, page]) => [
      path,
      {
        headers: {
          'content-type': page.type,
          ...(page.encoding ? { 'content-encoding': page.encoding } : {}),
        },
        body: Buffer.from(page.body, 'base64'),
      },
    ]),
  );
  const server = http.createServer((request, response) => {
    const page = bodies.get(request.url ?? '');
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { ...page.headers, 'content-length': page.body.length });
    response.end(page.body);
  });
  server.listen(0, '127.0.0.1', () =>
    console.log(`PORT ${(server.address() as AddressInfo).port}`),
  );
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else if (kind === 'seed') {
  const { app, database, close } = await startBenchApp(arg ?? '', {
    renderCacheBytes: 0,
    items: Number(process.env.BENCH_ITEMS ?? 0),
  });
  if (process.env.BENCH_SIGN_IN)
    console.log(`COOKIE ${await signedInCookie(app, database, process.env.BENCH_SIGN_IN)}`);
  await close();
} else {
  console.error('usage: targets.ts seed <dataDir> | bare <pages.json>');
  process.exit(2);
}
