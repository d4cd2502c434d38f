/**
 * The one table of search documents: every kind that declares a search source is written to it as
 * a visitor and as a member read it, follows changes, and is found by stem in its own language.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYER_READERS } from '../../src/features/access/index.js';
import { links, pages } from '../../src/features/knowledge/knowledge.schema.js';
import { createSearchRepository } from '../../src/features/search/search.repository.js';
import { buildTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let search: ReturnType<typeof createSearchRepository>;

beforeAll(async () => {
  app = await buildTestApp();
  search = createSearchRepository(app.database.db, () => app.kinds);
});
afterAll(async () => {
  await app.close();
});

const rowsOf = async (kind: string, key: string) =>
  (
    await app.database.db.execute<{ layer: string; locale: string; xmin: string }>(sql`
      SELECT layer, locale, xmin::text FROM search_documents
       WHERE kind = ${kind} AND key = ${key} ORDER BY layer, locale`)
  ).rows;

describe('the search documents', () => {
  it('hold every kind but items once per layer that may read an entry', async () => {
    const counts = await app.database.db.execute<{ kind: string; layer: string; n: number }>(sql`
      SELECT kind, layer, count(*)::integer AS n FROM search_documents
       WHERE kind <> 'item' GROUP BY kind, layer ORDER BY kind, layer`);
    const kinds = new Set(counts.rows.map((row) => row.kind));
    // The seed has written pages, useful links and member organisations.
    expect([...kinds]).toEqual(expect.arrayContaining(['link', 'organisation', 'page']));
    for (const kind of kinds) {
      const members = counts.rows.find((row) => row.kind === kind && row.layer === 'members');
      const visitors = counts.rows.find((row) => row.kind === kind && row.layer === 'public');
      // Members read everything visitors read, and more.
      expect(members?.n ?? 0, kind).toBeGreaterThanOrEqual(visitors?.n ?? 0);
    }

    await app.database.db.insert(pages).values({
      slug: 'working-group-notes',
      locale: 'en',
      title: 'Working group notes',
      summary: 'Notes of the working group on participatory budgets',
      body: 'Minutes.',
      access: 'members',
    });
    await app.contentChanged();
    expect((await rowsOf('page', 'working-group-notes')).map((row) => row.layer)).toEqual([
      'members',
    ]);
    const visitor = await app.http.inject({ url: '/en/search?q=participatory+budgets' });
    expect(visitor.body).not.toContain('Working group notes');
    const member = await search.search(LAYER_READERS.members, 'participatory budgets', 'en');
    expect(member.map((hit) => hit.title)).toContain('Working group notes');
  });

  it('find words by their stem in the entry’s own language, the reader’s translation first', async () => {
    await app.database.db.insert(pages).values([
      {
        slug: 'housing-guide',
        locale: 'en',
        title: 'A guide to the right to housing',
        summary: 'What a city can do',
        body: 'Preventing forced evictions and homelessness.',
        access: 'public',
      },
      {
        slug: 'housing-guide',
        locale: 'fr',
        title: 'Guide du droit au logement',
        summary: 'Ce qu’une ville peut faire',
        body: 'Prévenir les expulsions forcées et le sans-abrisme.',
        access: 'public',
      },
    ]);
    await app.contentChanged();
    // "eviction" is not in the text; its English stem is.
    const english = await app.http.inject({ url: '/en/search?q=eviction' });
    expect(english.body).toContain('A guide to the right to housing');
    // The French reader finds the French translation, by a French stem ("expulsion").
    const french = await app.http.inject({ url: '/fr/search?q=expulsion' });
    expect(french.body).toContain('Guide du droit au logement');
    const both = await search.search(LAYER_READERS.public, 'guide', 'fr');
    expect(both.filter((hit) => hit.url === '/about/housing-guide')).toHaveLength(1);
  });

  it('find Portuguese, Dutch and Arabic by stem, Arabic letters written either way', async () => {
    const page = (locale: string, title: string, body: string) => ({
      slug: 'evictions-guide',
      locale,
      title,
      summary: '',
      body,
      access: 'public' as const,
    });
    await app.database.db
      .insert(pages)
      .values([
        page('pt', 'Guia contra os despejos', 'Prevenir os despejos forçados.'),
        page('nl', 'Gids tegen uitzettingen', 'Gedwongen uitzettingen voorkomen.'),
        page('ar', 'دليل الحق في السكن', 'منع الإخلاء القسري في المدينة ومستشفى الحي.'),
      ]);
    await app.contentChanged();
    const titles = async (query: string, locale: string) =>
      (await search.search(LAYER_READERS.public, query, locale)).map((hit) => hit.title);
    expect(await titles('despejo', 'pt')).toContain('Guia contra os despejos');
    expect(await titles('uitzetting', 'nl')).toContain('Gids tegen uitzettingen');
    // Without the hamza, with short vowels, with ya for alef maqsura, with tatweel: one word each.
    for (const query of ['الاخلاء', 'السَّكَن', 'مستشفي', 'المـدينة'])
      expect(await titles(query, 'ar'), query).toContain('دليل الحق في السكن');
    // An Arabic reader searching in Latin letters still finds the Latin text.
    expect(await titles('uitzettingen', 'ar')).toContain('Gids tegen uitzettingen');
    const arabic = await app.http.inject({ url: `/en/search?q=${encodeURIComponent('الإخلاء')}` });
    expect(arabic.body).toContain('دليل الحق في السكن');
  });

  it('follow changes, and leave unchanged rows untouched', async () => {
    const [link] = await app.database.db
      .select({ id: links.id })
      .from(links)
      .orderBy(links.position)
      .limit(1);
    const id = link?.id ?? '';
    const before = await rowsOf('link', id);
    await app.contentChanged();
    expect(await rowsOf('link', id)).toEqual(before);

    await app.database.db
      .update(links)
      .set({ title: 'Observatorio municipal de derechos' })
      .where(sql`id = ${id}`);
    await app.contentChanged();
    const renamed = await search.search(LAYER_READERS.public, 'observatorio', 'en');
    expect(renamed.map((hit) => hit.title)).toContain('Observatorio municipal de derechos');

    await app.database.db.delete(links).where(sql`id = ${id}`);
    await app.contentChanged();
    expect(await rowsOf('link', id)).toEqual([]);
  });

  it('match nothing, and fail nothing, on a query of stop words or signs', async () => {
    for (const query of ['the', '---', '"', '!!', '-'.repeat(200)]) {
      const response = await app.http.inject({ url: `/en/search?q=${encodeURIComponent(query)}` });
      expect(response.statusCode, query).toBe(200);
    }
    expect(await search.search(LAYER_READERS.public, '---', 'en')).toEqual([]);
  });
});
