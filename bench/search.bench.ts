/**
 * npm run bench:search — search and list latencies of the Knowledge Centre at 1,000 and 100,000
 * items on a real PostgreSQL (embedded, or BENCH_DATABASE_URL), through the same repositories the
 * pages use. The query mix includes words found in most items ("rights", "city", "human"), phrases,
 * exclusions, other languages and a typo; each runs as a visitor and as a member.
 *
 * BENCH_SIZES (default "1000,100000") and BENCH_ROUNDS (default 20; lists run five times as
 * many) tune it; BENCH_DATA_DIR keeps the database of the last size there, and BENCH_REUSE=1 runs
 * again on it without seeding anew; EMBEDDED_DB_MEMORY_MB sets the server's cache (256 MB).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { ANONYMOUS, type Viewer } from '../src/features/access/index.js';
import {
  createItemsRepository,
  type ListCounts,
  refreshSearchDocuments,
} from '../src/features/knowledge/index.js';
import { createItemsSearchRepository } from '../src/features/search/index.js';
import { createMemo } from '../src/platform/cache/memo.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { seedBenchItems } from './items.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const MEMBER: Viewer = {
  kind: 'user',
  id: '00000000-0000-4000-8000-000000000000',
  role: 'practitioner',
  administers: [],
} as unknown as Viewer;

const QUERIES: { query: string; filter?: Record<string, string | number> }[] = [
  { query: 'rights' },
  { query: 'city' },
  { query: 'human rights' },
  { query: 'human rights city' },
  { query: '"human rights city"' },
  { query: 'housing' },
  { query: 'participatory budgeting' },
  { query: 'rights -housing' },
  { query: 'water OR sanitation' },
  { query: 'droits ville' },
  { query: 'logement' },
  { query: 'Menschenrechte Stadt' },
  { query: 'derechos' },
  { query: 'diritti' },
  { query: 'ombudsperson' },
  { query: 'rights', filter: { type: 'practice' } },
  { query: 'city', filter: { theme: 'housing', year: 2020 } },
  { query: 'hosuing' },
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function time(runs: number, task: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return samples;
}

const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

// BENCH_DATA_DIR keeps the seeded database for a look afterwards.
const keep = process.env.BENCH_DATA_DIR;
if (keep) await fs.mkdir(keep, { recursive: true });
const dataDir = keep ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-search-bench-')));
await fs.chmod(dataDir, 0o755);
const log = createLogger('warn');
const database = await openDatabase({
  databaseUrl: process.env.BENCH_DATABASE_URL ?? null,
  dataDir,
  embeddedPassword: 'bench',
  poolMax: 4,
  // As the server starts it by default (EMBEDDED_DB_MEMORY_MB).
  embeddedMemoryMb: Number(process.env.EMBEDDED_DB_MEMORY_MB ?? 256),
  log,
});
const results: Record<
  number,
  {
    search: ReturnType<typeof summary>;
    list: ReturnType<typeof summary>;
    counted: ReturnType<typeof summary>;
  }
> = {};
try {
  await migrateDatabase(database.pool);
  // As the app builds it: lists' counts kept until content changes (emptied with the render
  // cache); the second one counts every time, as the first view after a change does.
  const items = createItemsRepository(database.db, undefined, {
    counts: createMemo<ListCounts>(500),
  });
  const counting = createItemsRepository(database.db);
  const search = createItemsSearchRepository(database.db);
  for (const size of SIZES) {
    const started = performance.now();
    const present = await database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM items WHERE slug LIKE 'bench-%'`,
    );
    if (process.env.BENCH_REUSE === '1' && present.rows[0]?.n === size) {
      // Rebuilt, not reseeded: the same items, with the search documents of the current code
      // (emptied first, so that the table is as compact as after a seed).
      await database.db.execute(sql`TRUNCATE search_documents`);
      await refreshSearchDocuments(database.db, null);
      console.log(`${size} items kept from an earlier run; search documents rebuilt`);
    } else {
      await seedBenchItems(database.db, size);
      console.log(
        `${size} items seeded and indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    await database.db.execute(sql`VACUUM ANALYZE`);
    const runSearch = async () => {
      for (const viewer of [ANONYMOUS, MEMBER])
        for (const { query, filter } of QUERIES) {
          const found = await search.search(viewer, query, 'en', filter ?? {});
          if (found.total === 0) await search.suggest(query);
        }
    };
    await runSearch(); // warm-up
    const searchSamples: number[] = [];
    const perQuery = new Map<string, number[]>();
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const viewer of [ANONYMOUS, MEMBER])
        for (const { query, filter } of QUERIES) {
          const [ms = 0] = await time(1, async () => {
            const found = await search.search(viewer, query, 'en', filter ?? {});
            if (found.total === 0) await search.suggest(query);
          });
          searchSamples.push(ms);
          const key = `${query}${filter ? ` ${JSON.stringify(filter)}` : ''}`;
          perQuery.set(key, [...(perQuery.get(key) ?? []), ms]);
        }
    }
    const lists = (repository: typeof items): (() => Promise<unknown>)[] => [
      () => repository.listItems(ANONYMOUS, { section: 'publications' }, 'en', 1),
      () => repository.listItems(ANONYMOUS, { section: 'publications' }, 'fr', 5),
      () => repository.listItems(MEMBER, { section: 'good-practices', theme: 'housing' }, 'en', 1),
      () =>
        repository.listItems(ANONYMOUS, { section: 'other-issues', sdg: 11, year: 2015 }, 'de', 1),
      () => repository.listItems(ANONYMOUS, { section: 'publications', language: 'fr' }, 'fr', 2),
    ];
    const listSamples: number[] = [];
    const countedSamples: number[] = [];
    for (const [repository, samples] of [
      [items, listSamples],
      [counting, countedSamples],
    ] as const) {
      for (const list of lists(repository)) await list();
      // A list page takes ~2 ms: five times the rounds, so that its p95 is not one pause's.
      for (let round = 0; round < ROUNDS * 5; round += 1)
        for (const list of lists(repository)) samples.push(...(await time(1, list)));
    }
    results[size] = {
      search: summary(searchSamples),
      list: summary(listSamples),
      counted: summary(countedSamples),
    };
    console.log(
      `\nAt ${size} items (${searchSamples.length} searches, ${listSamples.length} list pages):`,
    );
    for (const [key, samples] of perQuery) {
      const s = summary(samples);
      console.log(
        `  ${key.padEnd(42)} p50 ${s.p50.toFixed(1).padStart(6)} ms  p95 ${s.p95.toFixed(1).padStart(6)} ms`,
      );
    }
    const s = results[size].search;
    const l = results[size].list;
    const c = results[size].counted;
    console.log(
      `  search: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`,
    );
    console.log(
      `  lists:  p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms`,
    );
    console.log(
      `  lists, counted anew (first view after a change): p50 ${c.p50.toFixed(1)} ms, p95 ${c.p95.toFixed(1)} ms, p99 ${c.p99.toFixed(1)} ms`,
    );
  }
  const [small, large] = [SIZES[0] ?? 0, SIZES[SIZES.length - 1] ?? 0];
  if (small !== large && results[small] && results[large]) {
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
    console.log(
      `\nRatio ${large}/${small}: search p95 ${ratio(results[large].search.p95, results[small].search.p95)}×, list p95 ${ratio(results[large].list.p95, results[small].list.p95)}× (counted anew ${ratio(results[large].counted.p95, results[small].counted.p95)}×)`,
    );
  }
} finally {
  await database.close();
  if (!keep) await fs.rm(dataDir, { recursive: true, force: true });
}
