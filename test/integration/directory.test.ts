/**
 * Editors keep the useful-links directory and import CSV files, on the real database: links are
 * added, corrected, moved and removed; an import with a bad row imports nothing and says which row
 * and column; formula-like cells are kept as text; resources arrive as drafts; a file over 2 MB is
 * refused with a clear page.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { items } from '../../src/modules/knowledge/items.schema.js';
import { linkGroups, links } from '../../src/modules/knowledge/knowledge.schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { signInAsAdministrator, type FormBrowser } from '../support/form-browser.js';

let app: TestApp;
let editor: FormBrowser;

beforeAll(async () => {
  app = await buildTestApp();
  editor = await signInAsAdministrator(app);
});

afterAll(async () => {
  await app.close();
});

/** Posts a CSV file to the import form, as a browser sends a file. */
const importCsv = (kind: string, csv: string | Buffer, locale = 'en') =>
  editor.upload(
    `/${locale}/editor/import`,
    `/${locale}/editor/import`,
    { kind },
    {
      name: 'file',
      filename: 'import.csv',
      type: 'text/csv',
      content: csv,
    },
  );

describe('the useful-links directory', () => {
  it('is edited by editors: a link is added, corrected, moved and removed', async () => {
    const [group, other] = await app.database.db
      .select()
      .from(linkGroups)
      .where(sql`${linkGroups.key} IN ('refugees-and-migrants', 'sdgs-and-peace')`)
      .orderBy(linkGroups.key);
    const refused = await editor.submit('/en/editor/links/new', '/en/editor/links/new', {
      groupId: group?.id ?? '',
      title: '',
      url: 'not an address',
      access: 'public',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Enter a title.');
    expect(refused.body).toContain('Enter an address that starts with http:// or https://.');
    expect(refused.body).toContain('value="not an address"');
    const added = await editor.submit('/en/editor/links/new', '/en/editor/links/new', {
      groupId: group?.id ?? '',
      title: 'UNHCR cities',
      url: 'https://www.unhcr.org/cities',
      access: 'public',
    });
    expect(added.statusCode).toBe(303);
    const [link] = await app.database.db
      .select()
      .from(links)
      .where(eq(links.title, 'UNHCR cities'));
    expect((await app.http.inject({ url: '/en/knowledge/useful-links' })).body).toContain(
      'UNHCR cities',
    );
    const moved = await editor.submit(
      `/en/editor/links/${link?.id}`,
      `/en/editor/links/${link?.id}`,
      {
        groupId: other?.id ?? '',
        title: 'UNHCR: cities',
        url: 'https://www.unhcr.org/cities',
        access: 'members',
      },
    );
    expect(moved.statusCode).toBe(303);
    const [changed] = await app.database.db
      .select()
      .from(links)
      .where(eq(links.id, link?.id ?? ''));
    expect(changed).toMatchObject({
      groupId: other?.id,
      title: 'UNHCR: cities',
      access: 'members',
    });
    expect((await app.http.inject({ url: '/en/knowledge/useful-links' })).body).not.toContain(
      'UNHCR: cities',
    );
    const removed = await editor.submit(
      `/en/editor/links/${link?.id}`,
      `/en/editor/links/${link?.id}/delete`,
      {},
    );
    expect(removed.statusCode).toBe(303);
    expect(
      await app.database.db
        .select()
        .from(links)
        .where(eq(links.id, link?.id ?? '')),
    ).toEqual([]);
    const visitor = await app.http.inject({ url: `/en/editor/links/${link?.id}` });
    expect(visitor.statusCode).toBe(303);
  });
});

describe('CSV import', () => {
  it('imports nothing while a row is wrong, and says which row and column', async () => {
    const before = await app.database.db.select({ n: sql<number>`count(*)::int` }).from(links);
    const response = await importCsv(
      'links',
      'group,title,url,access\nrefugees-and-migrants,Good one,https://example.org/a,public\nno-such-group,,ftp://x,secret\n',
    );
    expect(response.statusCode).toBe(422);
    expect(response.body).toMatch(
      /<td>3<\/td><td>group<\/td><td>There is no group with this key\.<\/td>/,
    );
    expect(response.body).toMatch(/<td>3<\/td><td>title<\/td><td>Give a title\.<\/td>/);
    expect(response.body).toContain('nothing was imported');
    const after = await app.database.db.select({ n: sql<number>`count(*)::int` }).from(links);
    expect(after).toEqual(before);
    const noColumn = await importCsv('links', 'title\nOnly a title\n');
    expect(noColumn.body).toContain('The file has no column “group”.');
    const garbage = await importCsv('links', 'group,title\n"unclosed,quote\n');
    expect(garbage.body).toContain('could not be read as CSV');
  });

  it('imports links with formula-like cells kept as text, in a spreadsheet’s UTF-8 with BOM', async () => {
    const csv = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        'group,title,url\r\nrefugees-and-migrants,"=HYPERLINK(""http://evil.example"",""click"")",https://example.org/b\r\nrefugees-and-migrants,Città solidali,https://example.org/c\r\n',
      ),
    ]);
    const response = await importCsv('links', csv, 'fr');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('2 lignes importées');
    const imported = await app.database.db
      .select({ title: links.title })
      .from(links)
      .where(sql`${links.url} IN ('https://example.org/b', 'https://example.org/c')`)
      .orderBy(links.position);
    expect(imported.map((row) => row.title)).toEqual([
      '\'=HYPERLINK("http://evil.example","click")',
      'Città solidali',
    ]);
    expect(response.body).toContain('2/title');
  });

  it('imports resources as drafts, and refuses a file over 2 MB', async () => {
    const response = await importCsv(
      'resources',
      'title,summary,kind,url,themes,date\nToolkit for local action plans,A step-by-step guide.,guide,https://example.org/toolkit,housing;education,2025-05-01\n',
    );
    expect(response.statusCode).toBe(200);
    const [draft] = await app.database.db
      .select()
      .from(items)
      .where(eq(items.slug, 'toolkit-for-local-action-plans'));
    expect(draft).toMatchObject({
      type: 'resource',
      status: 'draft',
      themes: ['housing', 'education'],
      attributes: { resourceKind: 'guide', url: 'https://example.org/toolkit' },
    });
    const again = await importCsv('resources', 'title\nToolkit for local action plans\n');
    expect(again.body).toContain('already exists');
    const huge = await importCsv('links', `group,title\n${'x,'.repeat(1_100_000)}\n`);
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('larger than this form accepts');
  });
});
