/**
 * What a page rendered anew costs the database: each query is a round trip and a statement for
 * PostgreSQL, the larger part of an uncached page's time (decision 0025). An item page reads the
 * item with its translations, files, related items, discussions and transfers in one statement; a
 * list page its counts with its years, one page of summaries and its introduction in one; the useful
 * links their introduction and the whole directory, groups with their links; the home
 * page and the site's feed read each kind's newest without counting them. A change that adds a
 * query per page shows here.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';

const escapeHtml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

let app: TestApp;
beforeAll(async () => {
  // No render cache: every request renders the page, as the first one after a change does.
  app = await buildTestApp({ renderCacheBytes: 0 });
});
afterAll(async () => {
  await app.close();
});

/** The statements a request sends to PostgreSQL (the second time it is asked). */
async function statementsOf(url: string): Promise<string[]> {
  const pool = app.database.pool as unknown as { query: (...args: unknown[]) => unknown };
  const query = pool.query;
  const sent: string[] = [];
  expect((await app.http.inject({ url })).statusCode, url).toBe(200);
  pool.query = (...args: unknown[]) => {
    const first = args[0] as string | { text: string };
    sent.push(typeof first === 'string' ? first : first.text);
    return query.apply(pool, args);
  };
  try {
    expect((await app.http.inject({ url })).statusCode, url).toBe(200);
  } finally {
    pool.query = query;
  }
  return sent;
}

describe('a page rendered anew', () => {
  it('reads a good practice with its related items, files, discussions and transfers in one statement', async () => {
    // Two public items: the first made a good practice, related to the second.
    const chosen = await app.database.db.execute<{ id: string; slug: string; title: string }>(sql`
      SELECT i.id, i.slug, t.title FROM items i
        JOIN item_translations t ON t.item_id = i.id AND t.locale = 'en'
       WHERE i.status = 'published' AND i.access = 'public' ORDER BY i.slug LIMIT 2`);
    const [practice, related] = chosen.rows;
    if (!practice || !related) throw new Error('the seed has two public items');
    await app.database.db.execute(sql`
      UPDATE items SET type = 'practice', section = 'good-practices' WHERE id = ${practice.id}`);
    await app.database.db.execute(sql`
      INSERT INTO item_relations (item_id, related_id) VALUES (${practice.id}, ${related.id})`);
    const page = `/en/knowledge/good-practices/${practice.slug}`;
    const statements = await statementsOf(page);
    expect(statements, statements.join('\n')).toHaveLength(1);
    // The related item is on the page, read in the item's own statement.
    const html = (await app.http.inject({ url: page })).body;
    expect(html).toContain(escapeHtml(related.title));
  });

  it('reads a list page of the Knowledge Centre in one statement, vocabularies kept', async () => {
    // The list's counts with its page of summaries and the section's introduction.
    const statements = await statementsOf('/en/knowledge/good-practices');
    expect(statements, statements.join('\n')).toHaveLength(1);
    expect(statements.join('\n')).not.toMatch(/from "themes"/i);
    const intro = await app.database.db.execute<{ title: string }>(sql`
      SELECT title FROM pages WHERE slug = 'good-practices' AND locale = 'en'`);
    const title = intro.rows[0]?.title ?? '';
    expect(title).not.toBe('');
    expect((await app.http.inject({ url: '/en/knowledge/good-practices' })).body).toContain(
      escapeHtml(title),
    );
  });

  it('reads the useful links in two statements: the introduction, and the whole directory', async () => {
    const statements = await statementsOf('/en/knowledge/useful-links');
    expect(statements, statements.join('\n')).toHaveLength(2);
    // Every public link under public groups, nested groups among them, read from that statement.
    const shown = await app.database.db.execute<{ links: number; nested: number }>(sql`
      WITH RECURSIVE shown AS (
        SELECT id, 0 AS depth FROM link_groups WHERE parent_id IS NULL AND access = 'public'
        UNION ALL
        SELECT g.id, s.depth + 1 FROM link_groups g JOIN shown s ON g.parent_id = s.id
         WHERE g.access = 'public')
      SELECT (SELECT count(*)::int FROM links l JOIN shown s ON s.id = l.group_id
               WHERE l.access = 'public') AS links,
             (SELECT count(*)::int FROM shown WHERE depth > 0) AS nested`);
    const expected = shown.rows[0];
    const html = (await app.http.inject({ url: '/en/knowledge/useful-links' })).body;
    const listed = [...html.matchAll(/<ol class="links">([\s\S]*?)<\/ol>/g)]
      .map(([, list]) => list?.match(/<li>/g)?.length ?? 0)
      .reduce((sum, n) => sum + n, 0);
    expect(expected?.nested).toBeGreaterThan(0);
    expect(listed).toBe(expected?.links);
    expect(html.match(/<h[34] /g)?.length).toBe(expected?.nested);
  });

  it('reads the home page and the site’s feed without counting any list', async () => {
    for (const url of ['/en/', '/en/feed.atom']) {
      const statements = await statementsOf(url);
      // A list counted: a statement of its count, or the items' kept counters.
      const counting = statements.filter((text) =>
        /^\s*SELECT count\(|item_facet_counts/i.test(text),
      );
      expect(counting, url).toEqual([]);
      expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(9);
    }
  });
});
