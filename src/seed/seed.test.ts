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
    // No address is invented: most entries wait for an editor.
    const withUrl = await database.db
      .select()
      .from(links)
      .where(sql`${links.url} IS NOT NULL`);
    expect(withUrl.length).toBeLessThan(30);
    for (const link of withUrl) expect(link.url).toMatch(/^https:\/\//);
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
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await count(links);
    const report = await seedInitialContent(database.db);
    expect(report.added).toMatchObject({ pages: 0, links: 0, organisations: 0 });
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
