/**
 * npm run bench:digests — a day's digests for a large network: BENCH_PEOPLE people (default
 * 50,000; one in ten a practitioner, in five languages), each following three topics, and 200
 * Knowledge Centre items published over the day (one in five for members only). It times the
 * matching job and the daily digest run (every entry read again as each person, one message
 * each, through SMTP to a sink in this process), samples the memory, and sends the same number of
 * messages of the same size straight through nodemailer to the same sink: the ratio is what the
 * platform adds to plain sending.
 */
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { startBenchApp } from './app.js';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50_000);
const ITEMS = 200;

// The sink: takes every message and throws its bytes away.
let received = 0;
let bytes = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  disableReverseLookup: true,
  onData(stream, _session, callback) {
    stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
    stream.on('end', () => {
      received += 1;
      callback();
    });
  },
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const smtpUrl = `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;

let now: Date | null = null;
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-bench-digests-'));
await fs.chmod(dataDir, 0o755);
const bench = await startBenchApp(dataDir, {
  renderCacheBytes: 0,
  smtpUrl,
  clock: () => now ?? new Date(),
});
const db = bench.database.db;
const job = (name: string) => {
  const found = bench.app.jobs.find((entry) => entry.name === name);
  if (!found) throw new Error(`no job ${name}`);
  return found;
};

/** Peak RSS and heap (MB) while `task` runs, sampled every 50 ms. */
async function measured<T>(task: () => Promise<T>) {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const before = { rss, heap };
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  }, 50);
  const started = performance.now();
  try {
    const result = await task();
    const mb = (value: number) => Math.round(value / 1024 / 1024);
    return {
      result,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      rssMB: { before: mb(before.rss), peak: mb(rss) },
      heapMB: { before: mb(before.heap), peak: mb(heap) },
    };
  } finally {
    clearInterval(sampler);
  }
}

try {
  const built = performance.now();
  await db.execute(sql`
    INSERT INTO users (name, email, email_verified, role, locale)
    SELECT 'Person ' || g, 'person' || g || '@bench.example', true,
           CASE WHEN g % 10 = 0 THEN 'practitioner' ELSE 'registered' END,
           (ARRAY['en', 'fr', 'de', 'es', 'it'])[g % 5 + 1]
      FROM generate_series(1, ${PEOPLE}) g`);
  const themes = await db.execute<{ key: string }>(
    sql`SELECT key FROM themes ORDER BY key LIMIT 20`,
  );
  const keys = themes.rows.map((row) => row.key);
  const list = keys.map((key) => `theme:${key}`);
  await db.execute(sql`
    INSERT INTO follows (user_id, topic)
    SELECT DISTINCT u.id, (${sql.param(list)}::text[])[1 + (abs(hashtext(u.id::text || k)) % ${list.length})]
      FROM users u CROSS JOIN generate_series(1, 3) k
     WHERE u.email LIKE '%@bench.example'
    ON CONFLICT DO NOTHING`);
  await db.execute(sql`
    INSERT INTO follow_cursors (kind, seen_until)
    SELECT unnest(${sql.param(bench.app.kinds.map((kind) => kind.name))}::text[]),
           now() - interval '1 day'
    ON CONFLICT (kind) DO UPDATE SET seen_until = excluded.seen_until`);
  await db.execute(sql`
    INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale,
                       restricted_fields, themes)
    SELECT 'publication', 'publications', 'bench-digest-' || g,
           (CASE WHEN g % 5 = 0 THEN 'members' ELSE 'public' END)::access_level, 'published',
           now() - (g || ' minutes')::interval, '2026-12-01', 'en', '{}',
           ARRAY[(${sql.param(keys)}::text[])[1 + g % ${keys.length}]]
      FROM generate_series(1, ${ITEMS}) g`);
  await db.execute(sql`
    INSERT INTO item_translations (item_id, locale, title, summary, body, fields)
    SELECT id, 'en', 'Bench publication ' || slug, 'What cities learned (' || slug || ').',
           'Body.', '{}'
      FROM items WHERE slug LIKE 'bench-digest-%'`);
  const follows = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM follows`);
  console.log(
    `built ${PEOPLE} people, ${follows.rows[0]?.n} follows, ${ITEMS} items in ${Math.round(performance.now() - built)} ms`,
  );

  const matching = await measured(() => job('following.deliver').run());
  const notes = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications`);
  console.log(`match: ${matching.seconds} s, ${notes.rows[0]?.n} notifications`, matching.rssMB);

  const tomorrow = new Date();
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  tomorrow.setUTCHours(0, 5, 0, 0);
  now = tomorrow;
  const daily = await measured(() => job('following.deliver').run());
  const sent = received;
  const averageBytes = Math.round(bytes / Math.max(sent, 1));
  console.log(
    `daily digests: ${sent} sent in ${daily.seconds} s (${Math.round(sent / daily.seconds)}/s);` +
      ` RSS ${daily.rssMB.before} → peak ${daily.rssMB.peak} MB; heap ${daily.heapMB.before} → peak ${daily.heapMB.peak} MB;` +
      ` ${averageBytes} bytes a message`,
  );
  const again = await measured(() => job('following.deliver').run());
  console.log(`run again (nothing owed): ${again.seconds} s, ${received - sent} more sent`);

  // Bare: the same number of messages of the same size, straight to the sink.
  const transport = nodemailer.createTransport(`${smtpUrl}?pool=true&maxConnections=2`);
  const body = 'x'.repeat(Math.max(averageBytes - 600, 100));
  const bare = await measured(async () => {
    for (let i = 0; i < sent; i += 1)
      await transport.sendMail({
        from: 'bench@localhost',
        to: `person${i}@bench.example`,
        subject: 'Your daily digest',
        text: body,
      });
  });
  transport.close();
  console.log(
    `bare nodemailer: ${sent} sent in ${bare.seconds} s; the platform takes ${(daily.seconds / bare.seconds).toFixed(1)}× as long`,
  );
} finally {
  await bench.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  await fs.rm(dataDir, { recursive: true, force: true });
}
