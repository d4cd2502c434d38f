import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { linkGroups, links, pages } from '../features/knowledge/knowledge.schema.js';
import { organisations } from '../features/members/members.schema.js';
import {
  countries,
  sdgTargets,
  sdgs,
  themes,
  udhrArticles,
} from '../features/vocabularies/vocabularies.schema.js';
import { seedInitialContent } from './seed.service.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase(); // cloned from the template, which the global setup seeded
});
afterAll(async () => {
  await database.drop();
});

const count = async (table: PgTable): Promise<number> => {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row?.n ?? 0;
};

describe('initial content', () => {
  it('holds the shared vocabularies', async () => {
    expect(await count(sdgs)).toBe(17);
    expect(await count(sdgTargets)).toBe(169);
    expect(await count(udhrArticles)).toBe(30);
    expect(await count(countries)).toBe(249);
    const thematic = await database.db
      .select()
      .from(themes)
      .where(eq(themes.family, 'thematic-city'));
    expect(thematic).toHaveLength(54);
  });

  it('holds the complete useful-links directory of the seed', async () => {
    const groups = await database.db.select().from(linkGroups);
    const byKey = new Map(groups.map((group) => [group.key, group]));
    const linksOf = async (key: string) =>
      database.db
        .select()
        .from(links)
        .where(eq(links.groupId, byKey.get(key)?.id ?? ''));
    expect(await linksOf('initiatives-and-networks-of-thematic-city')).toHaveLength(54);
    expect(await count(links)).toBe(98);
    // Official addresses where one exists; the rest (mostly generic thematic-city labels) wait
    // for an editor.
    const withUrl = await database.db
      .select()
      .from(links)
      .where(sql`${links.url} IS NOT NULL`);
    expect(withUrl).toHaveLength(48);
    for (const link of withUrl) expect(link.url).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/|$)/);
    expect(withUrl.find((link) => link.title === 'C40')?.url).toBe('https://www.c40.org');
  });

  it('holds the two network pages, the section pages and the organisations', async () => {
    const slugs = (await database.db.select({ slug: pages.slug }).from(pages)).map(
      (row) => row.slug,
    );
    expect(slugs).toEqual(
      expect.arrayContaining([
        'how-we-work',
        'who-we-are',
        'useful-links',
        'human-rights-framework',
      ]),
    );
    expect(await count(organisations)).toBe(6);
    // FRA and UCLG are institutions the Knowledge Centre lists, not members of the network.
    const notMembers = await database.db
      .select({ slug: organisations.slug })
      .from(organisations)
      .where(eq(organisations.membership, 'none'));
    expect(notMembers.map((row) => row.slug).sort()).toEqual(['fundamental-rights-agency', 'uclg']);
  });

  it('holds the Knowledge Centre items the seed names, published and marked as seeded', async () => {
    const rows = await database.db.execute<{
      slug: string;
      section: string;
      status: string;
      seeded: boolean;
      title: string;
      documents: number;
    }>(sql`
      SELECT i.slug, i.section, i.status, i.seeded, t.title,
             (SELECT count(*)::int FROM search_documents d WHERE d.item_id = i.id) AS documents
        FROM items i JOIN item_translations t ON t.item_id = i.id AND t.locale = 'en'`);
    const bySlug = new Map(rows.rows.map((row) => [row.slug, row]));
    expect(bySlug.get('global-urban-justice')).toMatchObject({
      section: 'publications',
      status: 'published',
      seeded: true,
      title: 'Global Urban Justice: The Rise of Human Rights Cities',
    });
    const sections = new Set(rows.rows.map((row) => row.section));
    for (const section of [
      'publications',
      'thematic-issues',
      'other-issues',
      'work-in-progress',
      'human-rights-framework',
    ])
      expect(sections).toContain(section);
    for (const row of rows.rows) {
      expect(row.seeded, row.slug).toBe(true);
      // Found by the site search from the start.
      expect(row.documents, row.slug).toBeGreaterThan(0);
    }
  });

  it('names the US gatherings as past events, with their year alone', async () => {
    const rows = await database.db.execute<{ slug: string; year: number; precision: string }>(sql`
      SELECT slug, extract(year FROM starts_at)::int AS year, date_precision AS precision
        FROM events WHERE seeded ORDER BY starts_at, slug`);
    expect(rows.rows.map((row) => `${row.year} ${row.precision} ${row.slug}`)).toEqual([
      '2015 year us-human-rights-cities-gathering-pittsburgh-2015',
      '2016 year us-human-rights-cities-gathering-washington-2016',
      '2018 year human-rights-cities-alliance-meeting-greenville-2018',
      '2018 year human-rights-cities-alliance-meeting-washington-2018',
    ]);
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await count(links);
    const report = await seedInitialContent(database.db);
    expect(report.added).toMatchObject({
      pages: 0,
      links: 0,
      'link addresses': 0,
      organisations: 0,
      items: 0,
      events: 0,
    });
    expect(await count(links)).toBe(before);
  });

  it('never overwrites or brings back what an editor changed', async () => {
    await database.db
      .update(pages)
      .set({ title: 'Edited by an editor' })
      .where(eq(pages.slug, 'how-we-work'));
    const [removed] = await database.db.select().from(links).limit(1);
    await database.db.delete(links).where(eq(links.id, removed?.id ?? ''));
    await database.db.delete(organisations).where(eq(organisations.slug, 'global-cad'));
    await seedInitialContent(database.db);
    const [page] = await database.db.select().from(pages).where(eq(pages.slug, 'how-we-work'));
    expect(page?.title).toBe('Edited by an editor');
    expect(
      await database.db
        .select()
        .from(links)
        .where(eq(links.id, removed?.id ?? '')),
    ).toHaveLength(0);
    expect(await count(links)).toBe(97);
    expect(
      await database.db.select().from(organisations).where(eq(organisations.slug, 'global-cad')),
    ).toHaveLength(0);
  });

  it('completes a link address once, where an editor has not set one', async () => {
    const fresh = await createTestDatabase();
    try {
      // An install seeded before the addresses were known: the links have none.
      await fresh.db.execute(sql`UPDATE links SET url = NULL`);
      await fresh.db.execute(sql`DELETE FROM seed_records WHERE key LIKE 'link-url:%'`);
      await fresh.db.execute(
        sql`UPDATE links SET url = 'https://example.org/ours' WHERE title = 'C40'`,
      );
      const report = await seedInitialContent(fresh.db);
      expect(report.added['link addresses']).toBe(47);
      const urlOf = async (title: string) =>
        (await fresh.db.select().from(links).where(eq(links.title, title)))[0]?.url;
      expect(await urlOf('C40')).toBe('https://example.org/ours');
      expect(await urlOf('Local Governments for Sustainability')).toBe('https://www.iclei.org');
      // An address an editor removes afterwards stays removed.
      await fresh.db
        .update(links)
        .set({ url: null })
        .where(eq(links.title, 'Local Governments for Sustainability'));
      await seedInitialContent(fresh.db);
      expect(await urlOf('Local Governments for Sustainability')).toBeNull();
    } finally {
      await fresh.drop();
    }
  });

  it('is safe when two instances seed at once', async () => {
    const fresh = await createTestDatabase();
    try {
      await fresh.db.execute(
        sql`TRUNCATE seed_records, links, link_groups, pages, organisations CASCADE`,
      );
      await Promise.all([seedInitialContent(fresh.db), seedInitialContent(fresh.db)]);
      const [row] = await fresh.db.select({ n: sql<number>`count(*)::int` }).from(links);
      expect(row?.n).toBe(98);
    } finally {
      await fresh.drop();
    }
  });
});
