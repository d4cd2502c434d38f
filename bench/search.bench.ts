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

const EN = `human rights city cities local government municipality council mayor residents participation
housing water sanitation education health discrimination equality gender migrants refugees children
older persons disability accessibility budget participatory budgeting monitoring indicators report
strategy plan action policy culture dialogue network workshop practice approach results transfer
sustainable development goals agenda poverty inclusion safety justice police ombudsperson complaint
office training awareness campaign youth women minorities roma lgbti climate environment transport
public space digital data privacy food work employment social services community neighbourhood`;
const FR = `droits humains ville villes municipalité conseil maire habitants participation logement eau
éducation santé discrimination égalité migrants réfugiés enfants handicap budget participatif rapport
stratégie politique culture dialogue réseau atelier pratique résultats développement durable inclusion`;
const DE = `Menschenrechte Stadt Städte Gemeinde Rat Bürgermeister Einwohner Beteiligung Wohnen Wasser
Bildung Gesundheit Diskriminierung Gleichstellung Migranten Flüchtlinge Kinder Haushalt Bericht Strategie`;
const ES = `derechos humanos ciudad ciudades municipio consejo alcalde vecinos participación vivienda agua
educación salud discriminación igualdad migrantes refugiados niños presupuesto participativo informe`;
const IT = `diritti umani città comune consiglio sindaco abitanti partecipazione abitazione acqua istruzione
salute discriminazione uguaglianza migranti rifugiati bambini bilancio partecipativo rapporto strategia`;
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

const TYPES = [
  'publication',
  'resource',
  'practice',
  'institution',
  'thematic-issue',
  'news',
  'page',
];
const SECTIONS = [
  'publications',
  'publications',
  'good-practices',
  'institutions',
  'thematic-issues',
  'other-issues',
  'work-in-progress',
];
const THEMES = ['housing', 'water', 'education', 'health', 'non-discrimination', 'participation'];

async function seed(db: Awaited<ReturnType<typeof openDatabase>>['db'], count: number) {
  await db.execute(sql`TRUNCATE items CASCADE`);
  await db.execute(sql`TRUNCATE search_terms`);
  await db.execute(sql`
    INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale,
                       themes, sdgs, countries, restricted_fields)
    SELECT (${sql.param(TYPES)}::text[])[1 + g % 7], (${sql.param(SECTIONS)}::text[])[1 + g % 7],
           'bench-' || g, CASE WHEN g % 10 = 0 THEN 'members' ELSE 'public' END::access_level,
           'published', now() - interval '1 day', date '2005-01-01' + (g * 7919 % 7600),
           (ARRAY['en','en','en','en','en','en','fr','de','es','it'])[1 + g % 10],
           ARRAY[(${sql.param(THEMES)}::text[])[1 + g % 6]], ARRAY[(1 + g % 17)::smallint],
           ARRAY[(ARRAY['FR','DE','ES','IT','AT','SE','NL','PT'])[1 + g % 8]],
           CASE WHEN g % 7 = 2 THEN ARRAY['results'] ELSE '{}'::text[] END
      FROM generate_series(1, ${count}) g`);
  // Text in the item's language: a title, a summary and a body drawn from its vocabulary.
  await db.execute(sql`
    WITH v AS (
      SELECT 'en' AS locale, ${sql.param(words(EN))}::text[] AS w UNION ALL
      SELECT 'fr', ${sql.param(words(FR))}::text[] UNION ALL
      SELECT 'de', ${sql.param(words(DE))}::text[] UNION ALL
      SELECT 'es', ${sql.param(words(ES))}::text[] UNION ALL
      SELECT 'it', ${sql.param(words(IT))}::text[]
    )
    INSERT INTO item_translations (item_id, locale, title, summary, body, fields)
    SELECT i.id, i.original_locale,
           initcap((SELECT string_agg(v.w[1 + floor(random() * array_length(v.w, 1))::int + 0 * n], ' ')
                      FROM generate_series(1, 6) n WHERE n > 0 AND i.id IS NOT NULL)),
           -- Many English summaries speak of the "human rights city", as real ones do.
           CASE WHEN i.original_locale = 'en' AND random() < 0.4 THEN 'A human rights city ' ELSE '' END ||
           (SELECT string_agg(v.w[1 + floor(random() * array_length(v.w, 1))::int + 0 * n], ' ')
              FROM generate_series(1, 30) n WHERE n > 0 AND i.id IS NOT NULL),
           (SELECT string_agg(v.w[1 + floor(random() * array_length(v.w, 1))::int + 0 * n], ' ')
              FROM generate_series(1, 160) n WHERE n > 0 AND i.id IS NOT NULL),
           CASE WHEN i.type = 'practice' THEN jsonb_build_object('results',
             (SELECT string_agg(v.w[1 + floor(random() * array_length(v.w, 1))::int + 0 * n], ' ')
                FROM generate_series(1, 40) n WHERE n > 0 AND i.id IS NOT NULL)) ELSE '{}'::jsonb END
      FROM items i JOIN v ON v.locale = i.original_locale`);
  await refreshSearchDocuments(db, null);
}

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
      await seed(database.db, size);
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
