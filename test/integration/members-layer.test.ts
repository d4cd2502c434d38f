/**
 * The members layer never leaks. Members-only items hold canary strings; every anonymous output
 * the platform has so far is crawled and must not contain any. Each new channel joins this test.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkGroups, links, pages } from '../../src/modules/knowledge/knowledge.schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';

const CANARY = 'CANARY-7f3a9c-members-only';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
  const { db } = app.database;
  // A members-only version of a public page, a members-only page, group and link.
  await db.insert(pages).values([
    {
      slug: 'how-we-work',
      locale: 'fr',
      title: `${CANARY} title`,
      summary: CANARY,
      body: CANARY,
      access: 'members',
    },
    {
      slug: 'work-in-progress',
      locale: 'de',
      title: `${CANARY} wip`,
      summary: CANARY,
      body: CANARY,
      access: 'members',
    },
  ]);
  const [group] = await db
    .insert(linkGroups)
    .values({ key: 'members-group', title: `${CANARY} group`, position: 99, access: 'members' })
    .returning();
  const [publicGroup] = await db
    .select()
    .from(linkGroups)
    .where(eq(linkGroups.key, 'refugees-and-migrants'));
  await db.insert(links).values([
    {
      groupId: group?.id ?? '',
      title: `${CANARY} link in hidden group`,
      url: 'https://canary.example',
      position: 0,
    },
    {
      groupId: publicGroup?.id ?? '',
      title: `${CANARY} members link`,
      url: 'https://canary.example',
      position: 99,
      access: 'members',
    },
  ]);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(links)
    .where(sql`title LIKE ${`%${CANARY}%`}`);
  expect(count?.n).toBe(2);
});
afterAll(async () => {
  await app.close();
});

describe('the members layer', () => {
  it('shows a visitor a teaser for a members-only page, and nothing of the page', async () => {
    await app.database.db
      .insert(pages)
      .values({
        slug: 'who-we-are',
        locale: 'it',
        title: `${CANARY} chi`,
        summary: CANARY,
        body: CANARY,
        access: 'members',
      })
      .onConflictDoNothing();
    await app.database.db
      .update(pages)
      .set({ access: 'members' })
      .where(eq(pages.slug, 'who-we-are'));
    await app.renderCache?.invalidateEverywhere();
    const teaser = await app.http.inject({ url: '/it/about/who-we-are' });
    expect(teaser.statusCode).toBe(200);
    expect(teaser.body).toContain('Per i membri della rete');
    expect(teaser.body).toContain('href="/it/sign-in"');
    expect(teaser.body).not.toContain(CANARY);
    expect(teaser.body).not.toContain('Who we are</h1>');
    // Put it back for the crawl below.
    await app.database.db
      .update(pages)
      .set({ access: 'public' })
      .where(eq(pages.slug, 'who-we-are'));
    await app.database.db.delete(pages).where(eq(pages.title, `${CANARY} chi`));
    await app.renderCache?.invalidateEverywhere();
  });

  it('appears in no anonymous page, search result or error page', async () => {
    const seen = new Set<string>();
    const queue = [
      '/',
      '/robots.txt',
      '/en/search?q=CANARY',
      '/fr/search?q=members',
      '/de/search?q=wip',
      '/en/nothing',
      '/api/nothing',
    ];
    for (const locale of ['en', 'fr', 'de', 'es', 'it']) queue.push(`/${locale}/`);
    while (queue.length > 0) {
      const url = queue.shift() ?? '';
      if (seen.has(url) || seen.size > 400) continue;
      seen.add(url);
      const response = await app.http.inject({ url });
      expect(response.body, url).not.toContain(CANARY);
      expect(response.body, url).not.toContain('canary.example');
      for (const match of response.body.matchAll(/href="(\/[^"#]*)"/g)) {
        const next = match[1] ?? '';
        if (!next.startsWith('/assets/') && !seen.has(next)) queue.push(next);
      }
    }
    // The crawl reached the whole site: every section page in every language.
    expect(seen.has('/fr/about/how-we-work')).toBe(true);
    expect(seen.has('/de/knowledge/work-in-progress')).toBe(true);
    expect(seen.has('/it/knowledge/useful-links')).toBe(true);
    expect(seen.size).toBeGreaterThan(80);
  });
});
