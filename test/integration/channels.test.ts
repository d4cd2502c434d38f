/**
 * Feeds and the sitemap on the real database: they carry published public items only, in the
 * language asked for, with language alternates; schema.org and Open Graph describe item pages.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../src/features/access/index.js';
import { refreshSearchDocuments } from '../../src/features/knowledge/index.js';
import { Catalogue } from '../../src/platform/i18n/catalogue.js';
import { buildTestApp, type TestApp } from '../support/app.js';

let app: TestApp;

beforeAll(async () => {
  app = await buildTestApp();
  const { db } = app.database;
  // Only this test's items: the seeded Knowledge Centre would change its figures.
  await db.execute(sql`DELETE FROM items WHERE seeded`);
  await db.execute(sql`
    INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale,
                       themes, attributes)
    VALUES ('publication', 'publications', 'city-report', 'public', 'published',
            now() - interval '1 day', '2026-03-01', 'en', '{housing}', '{"authors": "A. Author"}'),
           ('publication', 'publications', 'secret-report', 'members', 'published',
            now() - interval '1 day', '2026-03-02', 'en', '{housing}', '{}'),
           ('publication', 'publications', 'draft-report', 'public', 'draft',
            NULL, '2026-03-03', 'en', '{housing}', '{}'),
           ('publication', 'publications', 'future-report', 'public', 'published',
            now() + interval '1 day', '2026-03-04', 'en', '{housing}', '{}')`);
  await db.execute(sql`
    INSERT INTO item_translations (item_id, locale, title, summary, body)
    SELECT id, 'en', initcap(replace(slug, '-', ' ')), 'Summary of ' || slug, 'Body & more'
      FROM items
    UNION ALL
    SELECT id, 'fr', 'Rapport sur la ville', 'Résumé du rapport', 'Texte'
      FROM items WHERE slug = 'city-report'`);
  await refreshSearchDocuments(db, null);
});

afterAll(async () => {
  await app.close();
});

describe('channels', () => {
  it('feed a section and a theme as Atom and RSS, public and published only', async () => {
    const atom = await app.http.inject({ url: '/fr/knowledge/publications/feed.atom' });
    expect(atom.statusCode).toBe(200);
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toContain('<title type="html"><![CDATA[Rapport sur la ville]]></title>');
    expect(atom.body).toContain('http://localhost:3000/fr/knowledge/publications/city-report');
    for (const hidden of ['secret-report', 'draft-report', 'future-report'])
      expect(atom.body).not.toContain(hidden);
    const rss = await app.http.inject({ url: '/en/knowledge/themes/housing/feed.rss' });
    expect(rss.statusCode).toBe(200);
    expect(rss.body).toContain('<rss');
    expect(rss.body).toContain('City Report');
    expect(rss.body).not.toContain('Secret Report');
    // The site's "what's new": the whole Knowledge Centre and the answers, newest first.
    const whatsNew = await app.http.inject({ url: '/fr/feed.atom' });
    expect(whatsNew.statusCode).toBe(200);
    expect(whatsNew.body).toContain('<title>Quoi de neuf · ');
    expect(whatsNew.body).toContain('<link rel="self" href="http://localhost:3000/fr/feed.atom"/>');
    expect(whatsNew.body).toContain('http://localhost:3000/fr/knowledge/publications/city-report');
    for (const hidden of ['secret-report', 'draft-report', 'future-report'])
      expect(whatsNew.body).not.toContain(hidden);
    const knowledge = await app.http.inject({ url: '/en/knowledge/feed.rss' });
    expect(knowledge.body).toContain('City Report');
    for (const url of [
      '/xx/feed.atom',
      '/en/feed.pdf',
      '/en/knowledge/useful-links/feed.atom',
      '/en/knowledge/themes/no-such-theme/feed.atom',
      '/xx/knowledge/publications/feed.atom',
      '/en/knowledge/publications/feed.pdf',
    ])
      expect((await app.http.inject({ url })).statusCode, url).toBe(404);
  });

  it('list every public page and item in the sitemap, with their language versions', async () => {
    const index = await app.http.inject({ url: '/sitemap.xml' });
    expect(index.body).toContain('<loc>http://localhost:3000/sitemap-pages.xml</loc>');
    expect(index.body).toContain('<loc>http://localhost:3000/sitemap-items-1.xml</loc>');
    const pages = await app.http.inject({ url: '/sitemap-pages.xml' });
    expect(pages.body).toContain('<loc>http://localhost:3000/de/knowledge/good-practices</loc>');
    const items = await app.http.inject({ url: '/sitemap-items-1.xml' });
    expect(items.body).toContain(
      '<loc>http://localhost:3000/it/knowledge/publications/city-report</loc>',
    );
    expect(items.body).toContain(
      'hreflang="fr" href="http://localhost:3000/fr/knowledge/publications/city-report"',
    );
    for (const hidden of ['secret-report', 'draft-report', 'future-report'])
      expect(items.body).not.toContain(hidden);
    expect((await app.http.inject({ url: '/sitemap-items-2.xml' })).statusCode).toBe(404);
  });

  it('describe an item with schema.org JSON-LD and Open Graph', async () => {
    const page = await app.http.inject({ url: '/en/knowledge/publications/city-report' });
    expect(page.body).toContain('<meta property="og:title" content="City Report"/>');
    expect(page.body).toContain('<meta property="og:type" content="article"/>');
    const jsonLd = /<script type="application\/ld\+json"[^>]*>([^<]+)<\/script>/.exec(page.body);
    const data = JSON.parse(jsonLd?.[1] ?? '{}') as Record<string, unknown>;
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      // A publication is a book, a report or an article: a creative work (it was a Dataset).
      '@type': 'CreativeWork',
      name: 'City Report',
      inLanguage: 'en',
      url: 'http://localhost:3000/en/knowledge/publications/city-report',
    });
    // The page carries what the item kind's metadata says, from the same reading.
    const t = new Catalogue().translator('en');
    const described = await app.kinds
      .find((kind) => kind.name === 'item')
      ?.metadata?.describe(ANONYMOUS, 'city-report', {
        locale: 'en',
        publicUrl: 'http://localhost:3000',
        text: (key) => t.t(key),
      });
    expect(described).not.toBe('members-only');
    expect(data).toEqual(
      JSON.parse(JSON.stringify(described === 'members-only' ? {} : described?.jsonLd)),
    );
    const feedLink = await app.http.inject({ url: '/en/knowledge/publications' });
    expect(feedLink.body).toContain(
      'type="application/atom+xml" href="/en/knowledge/publications/feed.atom"',
    );
    // Every page tells feed readers of the site's "what's new" feed, and has a search field.
    const home = await app.http.inject({ url: '/de/' });
    expect(home.body).toContain('type="application/atom+xml" href="/de/feed.atom"');
    expect(home.body).toMatch(
      /<form class="site-search" role="search" method="get" action="\/de\/search"/,
    );
  });
});
