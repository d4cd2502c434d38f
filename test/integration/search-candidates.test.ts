/**
 * Search takes the newest matches up to CANDIDATE_LIMIT and ranks only those (decision 0011). It
 * finds them in one of two ways: common words by walking the layer's rows newest first, other
 * words a year at a time through the words index. Whichever way a query takes, the candidates
 * must be exactly the newest matches the viewer may read: checked here against a plain query over
 * 6,000 items spread over thirty-three years, with gaps, several translations and members-only items.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer } from '../../src/features/access/index.js';
import { refreshSearchDocuments } from '../../src/features/knowledge/index.js';
import {
  CANDIDATE_LIMIT,
  createItemsSearchRepository,
  type ItemSearchFilter,
  RESULTS_PER_PAGE,
} from '../../src/features/search/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const MEMBER = {
  kind: 'user',
  id: '00000000-0000-4000-8000-000000000001',
  role: 'practitioner',
  administers: [],
} as unknown as Viewer;

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  // Only this test's items: the seeded Knowledge Centre would change its figures.
  await db.execute(sql`DELETE FROM items WHERE seeded`);
  // Item g is dated 2g days before 2026-06-01 (about thirty-three years), except for a gap: nothing
  // in 2008–2011. Every item says "alpha"; one in three "beta"; one in three "gamma", but none of the
  // newest 600 (so the newest rows say the word is rare while it has more than a thousand
  // matches); three old items say "omega". One in five is members-only; one in seven has a
  // French translation that says "gamma" too.
  await db.execute(sql`
    INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale)
    SELECT CASE WHEN g % 2 = 0 THEN 'publication' ELSE 'practice' END,
           CASE WHEN g % 2 = 0 THEN 'publications' ELSE 'good-practices' END,
           'scale-' || g, CASE WHEN g % 5 = 0 THEN 'members' ELSE 'public' END::access_level,
           'published', now() - interval '1 day', date '2026-06-01' - g * 2, 'en'
      FROM generate_series(1, 6000) g
     WHERE NOT (date '2026-06-01' - g * 2 BETWEEN date '2008-01-01' AND date '2011-12-31')`);
  await db.execute(sql`
    INSERT INTO item_translations (item_id, locale, title, summary, body)
    SELECT id, 'en', 'Item ' || n,
           concat_ws(' ', 'alpha', CASE WHEN n % 3 = 1 THEN 'beta' END,
                     CASE WHEN n % 3 = 0 AND n > 600 THEN 'gamma' END,
                     CASE WHEN n IN (4201, 4703, 5991) THEN 'omega' END),
           'A body of text about the network.'
      FROM (SELECT id, substring(slug FROM 7)::int AS n FROM items) i`);
  await db.execute(sql`
    INSERT INTO item_translations (item_id, locale, title, summary, body)
    SELECT id, 'fr', 'Élément ' || n, CASE WHEN n > 600 THEN 'gamma' ELSE 'alpha' END, 'Un texte.'
      FROM (SELECT id, substring(slug FROM 7)::int AS n FROM items) i
     WHERE n % 7 = 0`);
  await refreshSearchDocuments(db, null);
  await db.execute(sql`ANALYZE search_documents`);
}, 120_000);

afterAll(async () => {
  await database.drop();
});

interface Expected {
  /** Items among the newest CANDIDATE_LIMIT matching translations. */
  items: number;
  more: boolean;
  years: Record<string, number>;
  slugs: string[];
}

/**
 * What the search should find, by plain SQL: the newest translations the viewer may read that
 * have the word (up to CANDIDATE_LIMIT), their items, and those items per year.
 */
async function expected(word: string, member: boolean, filter: ItemSearchFilter = {}) {
  const result = await database.db.execute<{ result: Expected }>(sql`
    WITH matches AS (
      SELECT i.id, i.slug, i.date FROM items i JOIN item_translations t ON t.item_id = i.id
       WHERE (${member} OR i.access = 'public')
         AND (${filter.type ?? null}::text IS NULL OR i.type = ${filter.type ?? null})
         AND (${filter.year ?? null}::int IS NULL
              OR extract(year FROM i.date) = ${filter.year ?? null}::int)
         AND to_tsvector('simple', t.summary) @@ to_tsquery('simple', ${word})
       ORDER BY i.date DESC, i.id LIMIT ${CANDIDATE_LIMIT + 1}),
    newest AS (SELECT DISTINCT id, slug, date FROM (
      SELECT * FROM matches ORDER BY date DESC, id LIMIT ${CANDIDATE_LIMIT}) m)
    SELECT json_build_object(
      'items', (SELECT count(*) FROM newest),
      'more', (SELECT count(*) FROM matches) > ${CANDIDATE_LIMIT},
      'years', coalesce((SELECT json_object_agg(year, n) FROM (
                 SELECT extract(year FROM date)::text AS year, count(*) AS n FROM newest GROUP BY 1) y),
               '{}'::json),
      'slugs', coalesce((SELECT json_agg(slug ORDER BY slug) FROM newest), '[]'::json)) AS result`);
  const found = result.rows[0]?.result;
  if (!found) throw new Error('no result');
  return found;
}

/** The slugs of every page of a search's results, sorted. */
async function everyHit(viewer: Viewer, word: string): Promise<string[]> {
  const search = createItemsSearchRepository(database.db);
  const slugs: string[] = [];
  for (let page = 1; page <= Math.ceil(CANDIDATE_LIMIT / RESULTS_PER_PAGE); page += 1)
    slugs.push(...(await search.search(viewer, word, 'en', {}, page)).hits.map((hit) => hit.slug));
  return slugs.sort();
}

const years = (facets: { value: string; count: number }[]) =>
  Object.fromEntries(facets.map((facet) => [facet.value, facet.count]));

describe('the newest matches of a search', () => {
  const search = () => createItemsSearchRepository(database.db);

  it.each([
    ['alpha', 'in every item: found by walking the newest rows'],
    ['beta', 'in one item in three: walked too'],
    ['gamma', 'in one item in three, but not in the newest: a year at a time'],
  ])('"%s" (%s) gives the newest 1,000 matches and says there are more', async (word) => {
    for (const [viewer, member] of [
      [ANONYMOUS, false],
      [MEMBER, true],
    ] as const) {
      const want = await expected(word, member);
      expect(want.more).toBe(true);
      const found = await search().search(viewer, word, 'en');
      expect(found).toMatchObject({ more: true, total: want.items });
      expect(years(found.facets.year)).toEqual(want.years);
      expect(await everyHit(viewer, word)).toEqual(want.slugs);
    }
  });

  it('finds a word of three old items across the years without items', async () => {
    const want = await expected('omega', false);
    expect(want.items).toBe(3);
    const found = await search().search(ANONYMOUS, 'omega', 'en');
    expect(found).toMatchObject({ total: 3, more: false });
    expect(found.hits.map((hit) => hit.slug).sort()).toEqual(want.slugs);
    expect(years(found.facets.year)).toEqual(want.years);
  });

  it('narrowed to a kind or a year, still gives the newest matches of that kind or year', async () => {
    const kind = await search().search(ANONYMOUS, 'gamma', 'en', { type: 'practice' });
    const wantKind = await expected('gamma', false, { type: 'practice' });
    expect(kind).toMatchObject({ total: wantKind.items, more: wantKind.more });
    expect(years(kind.facets.year)).toEqual(wantKind.years);
    expect(kind.facets.type).toEqual([{ value: 'practice', count: wantKind.items }]);

    const year = await search().search(MEMBER, 'alpha', 'en', { year: 2005 });
    const wantYear = await expected('alpha', true, { year: 2005 });
    expect(wantYear.items).toBeGreaterThan(0);
    expect(year).toMatchObject({ total: wantYear.items, more: false });
    expect(years(year.facets.year)).toEqual({ '2005': wantYear.items });

    const gap = await search().search(MEMBER, 'alpha', 'en', { year: 2009 });
    expect(gap).toMatchObject({ total: 0, hits: [] });
  });

  it('gives an item once, in the reader’s language when that translation matches', async () => {
    const found = await search().search(ANONYMOUS, 'gamma', 'fr');
    const slugs = found.hits.map((hit) => hit.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(found.hits.some((hit) => hit.locale === 'fr')).toBe(true);
  });
});
