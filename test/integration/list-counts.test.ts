/**
 * Lists are counted from counters kept by triggers (item_facet_counts, migration 0045) when they
 * are narrowed by one facet at most. The counters must say what counting anew says, for a visitor
 * and a member, after every kind of change: an item added, published, retagged, translated, made
 * members-only, archived, deleted, and one published for later until it is due.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  LAYER_READERS,
  readableLevels,
  type AccessLevel,
} from '../../src/features/access/index.js';
import {
  countList,
  createItemsRepository,
  type ItemFilter,
  type ListCounts,
} from '../../src/features/knowledge/items.repository.js';
import { createKnowledgeRepository } from '../../src/features/knowledge/knowledge.repository.js';
import { createMemo } from '../../src/platform/cache/memo.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const LAYERS: readonly (readonly AccessLevel[])[] = [['public'], ['public', 'members']];

/** Every list a reader can ask for with one facet, for the facet values the items have. */
async function listsToCheck(): Promise<ItemFilter[]> {
  const { rows } = await database.pool.query<{
    section: string;
    type: string;
    theme: string | null;
    sdg: number | null;
    right: number | null;
    country: string | null;
    language: string | null;
    year: number;
  }>(`SELECT section, type, themes[1] AS theme, sdgs[1] AS sdg, rights[1] AS "right",
             countries[1] AS country, locales[1] AS language, extract(year FROM date)::int AS year
        FROM items`);
  const lists: ItemFilter[] = [{}];
  for (const row of rows) {
    const section = row.section as ItemFilter['section'];
    lists.push(
      { section },
      { section, type: row.type as ItemFilter['type'] },
      { section, year: row.year },
      { year: row.year },
    );
    if (row.theme) lists.push({ section, theme: row.theme }, { theme: row.theme });
    if (row.sdg) lists.push({ section, sdg: row.sdg });
    if (row.right) lists.push({ section, right: row.right });
    if (row.country) lists.push({ section, country: row.country });
    if (row.language) lists.push({ section, language: row.language });
  }
  return [...new Map(lists.map((list) => [JSON.stringify(list), list])).values()];
}

/** The lists whose kept count differs from the count made anew: none, when the counters hold. */
async function disagreements(now = new Date()): Promise<string[]> {
  const wrong: string[] = [];
  for (const filter of await listsToCheck())
    for (const levels of LAYERS) {
      const [kept, anew] = await Promise.all(
        [false, true].map((fresh) => countList(database.db, filter, levels, now, fresh)),
      );
      if (JSON.stringify(kept) !== JSON.stringify(anew))
        wrong.push(
          `${JSON.stringify(filter)} as ${levels.join('+')}: kept ${JSON.stringify(kept)}, anew ${JSON.stringify(anew)}`,
        );
    }
  return wrong;
}

const item = (slug: string) => sql`(SELECT id FROM items WHERE slug = ${slug})`;

describe('the kept list counts', () => {
  it('agree with counting anew after every kind of change', async () => {
    // The seeded Knowledge Centre, counted by the migration's first fill and the seed's inserts.
    const seeded = await database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM items WHERE status = 'published'`,
    );
    expect(seeded.rows[0]?.n).toBeGreaterThan(10);
    expect(await disagreements()).toEqual([]);
    const { db } = database;

    // Added as a draft (not counted), then published with facets of its own.
    await db.execute(sql`
      INSERT INTO items (type, section, slug, access, status, date, original_locale, themes, sdgs,
                         rights, countries)
      VALUES ('publication', 'publications', 'counted-one', 'public', 'draft', '2019-05-01', 'en',
              ARRAY['housing', 'water'], ARRAY[6, 11]::smallint[], ARRAY[25]::smallint[],
              ARRAY['AT', 'PT'])`);
    await db.execute(sql`
      INSERT INTO item_translations (item_id, locale, title) VALUES (${item('counted-one')}, 'en', 'One')`);
    expect(await disagreements()).toEqual([]);
    await db.execute(sql`
      UPDATE items SET status = 'published', published_at = now() - interval '1 minute'
       WHERE slug = 'counted-one'`);
    expect(await disagreements()).toEqual([]);

    // Retagged, translated, moved to another year, made members-only.
    await db.execute(sql`
      UPDATE items SET themes = ARRAY['education'], countries = ARRAY['NL'], date = '2021-02-03'
       WHERE slug = 'counted-one'`);
    await db.execute(sql`
      INSERT INTO item_translations (item_id, locale, title) VALUES (${item('counted-one')}, 'ar', 'واحد')`);
    await db.execute(sql`UPDATE items SET access = 'members' WHERE slug = 'counted-one'`);
    expect(await disagreements()).toEqual([]);

    // Many at once (one statement), and some of them archived in another.
    await db.execute(sql`
      INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale,
                         themes, countries)
      SELECT 'practice', 'good-practices', 'counted-many-' || n,
             (CASE WHEN n % 3 = 0 THEN 'members' ELSE 'public' END)::access_level, 'published',
             now() - interval '1 day', make_date(2010 + n % 7, 1, 1), 'en',
             ARRAY['housing'], ARRAY['FR']
        FROM generate_series(1, 40) n`);
    await db.execute(sql`
      UPDATE items SET status = 'archived' WHERE slug LIKE 'counted-many-%' AND right(slug, 1) = '7'`);
    expect(await disagreements()).toEqual([]);

    // Published for tomorrow: counted by the kept counters, left out until it is due.
    await db.execute(sql`
      INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale,
                         themes)
      VALUES ('publication', 'publications', 'counted-later', 'public', 'published',
              now() + interval '1 day', '2026-01-01', 'en', ARRAY['housing'])`);
    expect(await disagreements()).toEqual([]);
    expect(await disagreements(new Date(Date.now() + 2 * 86_400_000))).toEqual([]);

    // Deleted, one and many.
    await db.execute(sql`DELETE FROM items WHERE slug = 'counted-one'`);
    await db.execute(sql`DELETE FROM items WHERE slug LIKE 'counted-many-%'`);
    expect(await disagreements()).toEqual([]);
  });
});

describe('a page of a list', () => {
  it('read with its counts in one statement is the page read after its counts were kept', async () => {
    const now = new Date();
    const lists = await listsToCheck();
    expect(lists.length).toBeGreaterThan(10);
    let compared = 0;
    let pagesBeyondOne = 0;
    for (const viewer of Object.values(LAYER_READERS))
      for (const filter of lists)
        for (const page of [1, 2, 99]) {
          // A fresh memo each time: the first read counts in one statement and keeps the counts,
          // the second reads the page alone with them.
          const counts = createMemo<ListCounts>(10);
          const items = createItemsRepository(database.db, () => now, { counts });
          const together = await items.listItems(viewer, filter, 'fr', page, 3);
          const apart = await items.listItems(viewer, filter, 'fr', page, 3);
          expect(apart, `${JSON.stringify(filter)} page ${page}`).toEqual(together);
          expect(together.page).toBe(Math.min(page, together.pages));
          expect(together.items.length).toBe(
            together.page < together.pages ? 3 : together.total - (together.pages - 1) * 3,
          );
          const anew = await countList(database.db, filter, readableLevels(viewer), now, true);
          expect({ total: together.total, withheld: together.withheld }).toEqual({
            total: anew.total,
            withheld: anew.withheld,
          });
          compared++;
          if (together.pages > 1) pagesBeyondOne++;
        }
    expect(compared).toBe(lists.length * 6);
    expect(pagesBeyondOne).toBeGreaterThan(20);
  });

  it('of a section, read with its introduction, is the page and the introduction read apart', async () => {
    const now = new Date();
    // Introductions in one language or two, one of them for members only, one section with none.
    await database.db.execute(
      sql`DELETE FROM pages WHERE slug IN ('good-practices', 'publications', 'other-issues')`,
    );
    await database.db.execute(sql`
      INSERT INTO pages (slug, locale, title, summary, body, access) VALUES
        ('good-practices', 'en', 'Practices, in English', 'All of them.', 'The *body*.', 'public'),
        ('good-practices', 'fr', 'Pratiques, pour les membres', 'Toutes.', 'Le corps.', 'members'),
        ('publications', 'fr', 'Publications, en français', 'Toutes.', 'Le corps.', 'public')`);
    const knowledge = createKnowledgeRepository(database.db);
    let introduced = 0;
    for (const viewer of Object.values(LAYER_READERS))
      for (const section of ['good-practices', 'publications', 'other-issues'] as const)
        for (const filter of [{ section }, { section, theme: 'housing' }])
          for (const locale of ['fr', 'en']) {
            const what = `${viewer.kind} ${JSON.stringify(filter)} ${locale}`;
            const counts = createMemo<ListCounts>(10);
            const items = createItemsRepository(database.db, () => now, { counts });
            const introduction = await knowledge.findPage(viewer, section, locale, 'en');
            const listing = await createItemsRepository(database.db, () => now).listItems(
              viewer,
              filter,
              locale,
              2,
            );
            // Counted with the page and the introduction; then with the counts kept.
            for (let read = 0; read < 2; read++)
              expect(await items.listSection(viewer, filter, locale, 2, 'en'), what).toEqual({
                listing,
                introduction,
              });
            if (introduction) introduced++;
          }
    // A visitor reads the English introduction of good practices in French too, a member the
    // French one; nobody reads one for other issues.
    expect(
      (
        await createItemsRepository(database.db).listSection(
          ANONYMOUS,
          { section: 'good-practices' },
          'fr',
          1,
          'en',
        )
      ).introduction?.title,
    ).toBe('Practices, in English');
    expect(introduced).toBeGreaterThan(6);
  });

  it('that is empty has its counts and no items', async () => {
    const items = createItemsRepository(database.db);
    const page = await items.listItems(ANONYMOUS, { theme: 'no-such-theme' }, 'en', 3);
    expect(page).toEqual({ items: [], total: 0, withheld: 0, page: 1, pages: 1, years: null });
  });
});
