/**
 * The editors' triage and the News section: an entry read from a source becomes a news item
 * (its link, the editor's summary, its source named) or a theme's trend note; bad forms keep what
 * was typed; the News page, its feed, the trends' API and export show what was published and
 * nothing that was not.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { FormBrowser, signInAsAdministrator } from '../support/form-browser.js';

let app: TestApp;
let editor: FormBrowser;
const entry: Record<string, string> = {};

beforeAll(async () => {
  app = await buildTestApp();
  editor = await signInAsAdministrator(app);
  const { db } = app.database;
  const source = await db.execute<{ id: string }>(sql`
    INSERT INTO watch_sources (name, feed_url, site_url, locale, next_poll_at)
    VALUES ('Test Rights Agency', 'https://agency.example/feed.xml', 'https://agency.example',
            'en', now() + interval '1 year')
    RETURNING id`);
  const sourceId = source.rows[0]?.id ?? '';
  for (const [key, title] of [
    ['news', 'New report on housing rights in cities'],
    ['trend', 'Municipal ombudspersons spread across Europe'],
    ['dismiss', 'Unrelated announcement'],
    ['again', 'The same report, from another angle'],
  ] as const) {
    const inserted = await db.execute<{ id: string }>(sql`
      INSERT INTO watch_entries (source_id, dedupe_key, title, url, summary, published_at, locale,
                                 suggested_themes)
      VALUES (${sourceId}, ${`guid:${key}`}, ${title}, ${`https://agency.example/${key}`},
              'Outside words <b>kept as text</b>', '2026-11-20T10:00:00Z', 'en', '{housing}')
      RETURNING id`);
    entry[key] = inserted.rows[0]?.id ?? '';
  }
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('the watch queue', () => {
  it('is for editors only', async () => {
    const visitor = new FormBrowser(app, '127.0.0.9');
    expect((await visitor.get('/en/editor/watch')).statusCode).toBe(303);
    const queue = await editor.get('/en/editor/watch');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('New report on housing rights in cities');
    expect(queue.body).toContain('Outside words &lt;b>kept as text&lt;/b>');
    expect(queue.body).not.toContain('<b>kept');
    expect(queue.body).toContain('Test Rights Agency');
  });

  it('publishes an entry as a news item, attributed, after a form with problems keeps its text', async () => {
    const page = `/en/editor/watch/entries/${entry.news}`;
    const bad = await editor.submit(page, `${page}/publish`, {
      'news-title': 'Housing rights report',
      'news-summary': '',
      'news-locale': 'xx',
      themes: ['housing'],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Write a summary');
    expect(bad.body).toContain('value="Housing rights report"');
    const good = await editor.submit(page, `${page}/publish`, {
      'news-title': 'Housing rights report',
      'news-summary': 'The agency maps how cities protect the right to housing.',
      'news-locale': 'en',
      themes: ['housing'],
      'news-countries': ['FR'],
    });
    expect(good.statusCode).toBe(303);
    const news = await new FormBrowser(app, '127.0.0.9').get('/en/news');
    expect(news.body).toContain('Housing rights report');
    const item = await app.database.db.execute<{
      slug: string;
      attributes: Record<string, string>;
    }>(
      sql`SELECT slug, attributes FROM items WHERE type = 'news' AND slug LIKE 'housing-rights-report%'`,
    );
    expect(item.rows[0]?.attributes).toEqual({
      url: 'https://agency.example/news',
      source: 'Test Rights Agency',
    });
    const itemPage = await new FormBrowser(app, '127.0.0.9').get(
      `/en/knowledge/other-issues/${item.rows[0]?.slug ?? ''}`,
    );
    expect(itemPage.body).toContain('Test Rights Agency');
    // A second item of the same title gets an address of its own.
    const again = `/en/editor/watch/entries/${entry.again}`;
    const second = await editor.submit(again, `${again}/publish`, {
      'news-title': 'Housing rights report',
      'news-summary': 'A second look at the same report.',
      'news-locale': 'en',
    });
    expect(second.statusCode).toBe(303);
    const both = await app.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM items WHERE slug LIKE 'housing-rights-report%'`,
    );
    expect(both.rows[0]?.n).toBe(2);
    // Decided once: a second decision is refused, and nothing is lost.
    const twice = await editor.submit(page, `${page}/trend`, {
      'trend-title': 'x',
      'trend-note': 'y',
      'trend-locale': 'en',
      'trend-theme': 'housing',
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('Another editor decided on this entry already.');
  });

  it('adds an entry to a theme’s trends with the editor’s note', async () => {
    const page = `/en/editor/watch/entries/${entry.trend}`;
    const bad = await editor.submit(page, `${page}/trend`, {
      'trend-title': 'Ombudspersons',
      'trend-note': 'Cities open human rights offices.',
      'trend-locale': 'en',
      'trend-theme': 'no-such-theme',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Choose the theme the trend belongs to.');
    expect(bad.body).toContain('Cities open human rights offices.');
    const good = await editor.submit(page, `${page}/trend`, {
      'trend-title': 'Ombudspersons in cities',
      'trend-note': 'More cities open **human rights offices**.',
      'trend-locale': 'en',
      'trend-theme': 'access-to-justice',
      'trend-countries': ['DE', 'ES'],
      access: 'public',
    });
    expect(good.statusCode).toBe(303);
    const visitor = new FormBrowser(app, '127.0.0.9');
    const trends = await visitor.get('/fr/news/trends?theme=access-to-justice');
    expect(trends.body).toContain('Ombudspersons in cities');
    const id = /\/fr\/news\/trends\/([0-9a-f-]{36})/.exec(trends.body)?.[1] ?? '';
    const note = await visitor.get(`/en/news/trends/${id}`);
    expect(note.body).toContain('<strong>human rights offices</strong>');
    expect(note.body).toContain('href="https://agency.example/trend"');
    expect(note.body).toContain('"@type":"Article"');
    const feed = await visitor.get('/en/news/feed.atom');
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('Ombudspersons in cities');
    expect(feed.body).toContain('Housing rights report');
    const api = JSON.parse((await visitor.get('/api/trends?country=ES')).body) as {
      items: { title: string; source: string }[];
    };
    expect(api.items).toEqual([
      expect.objectContaining({ title: 'Ombudspersons in cities', source: 'Test Rights Agency' }),
    ]);
    const csv = await visitor.get('/en/news/trends/export.csv');
    expect(csv.body).toContain('Ombudspersons in cities');
    const search = await visitor.get('/en/search?q=ombudspersons');
    expect(search.body).toContain('Ombudspersons in cities');
  });

  it('dismisses an entry, which no reader ever sees', async () => {
    const dismissed = await editor.submit(
      '/en/editor/watch',
      `/en/editor/watch/entries/${entry.dismiss}/dismiss`,
      {},
    );
    expect(dismissed.statusCode).toBe(303);
    const queue = await editor.get('/en/editor/watch');
    expect(queue.body).not.toContain('Unrelated announcement');
    const visitor = new FormBrowser(app, '127.0.0.9');
    for (const path of ['/en/news', '/en/news/feed.atom', '/en/search?q=unrelated'])
      expect((await visitor.get(path)).body, path).not.toContain('Unrelated announcement');
  });
});
