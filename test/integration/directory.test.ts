/**
 * Editors keep the useful-links directory and import CSV files, on the real database: links are
 * added, corrected, moved and removed; an import with a bad row imports nothing and says which row
 * and column; formula-like cells are kept as text; resources arrive as drafts; a file over 2 MB is
 * refused with a clear page.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { items } from '../../src/features/knowledge/items.schema.js';
import { linkGroups, links } from '../../src/features/knowledge/knowledge.schema.js';
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

describe('the groups of the directory', () => {
  it('are added, renamed, nested, moved and removed once empty, by editors only', async () => {
    const groupsOf = async () =>
      app.database.db.select().from(linkGroups).orderBy(linkGroups.position);
    const refused = await editor.submit(
      '/en/editor/links/groups/new',
      '/en/editor/links/groups/new',
      { title: '', parentId: '', access: 'public' },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Enter a title.');
    const added = await editor.submit(
      '/en/editor/links/groups/new',
      '/en/editor/links/groups/new',
      { title: 'Climate justice', parentId: '', access: 'public' },
    );
    expect(added.statusCode).toBe(303);
    const climate = (await groupsOf()).find((group) => group.title === 'Climate justice');
    expect(climate).toMatchObject({ key: 'climate-justice', parentId: null });
    const [refugees] = await app.database.db
      .select()
      .from(linkGroups)
      .where(eq(linkGroups.key, 'refugees-and-migrants'));
    // Nested under another group, then refused inside itself.
    const edit = `/en/editor/links/groups/${climate?.id}`;
    expect(
      (
        await editor.submit(edit, edit, {
          title: 'Climate and displacement',
          parentId: refugees?.id ?? '',
          access: 'members',
        })
      ).statusCode,
    ).toBe(303);
    const loop = await editor.submit(edit, edit, {
      title: 'Climate and displacement',
      parentId: climate?.id ?? '',
      access: 'public',
    });
    expect(loop.statusCode).toBe(422);
    expect(loop.body).toContain('Choose a group other than this one and its own groups.');
    const visitor = await app.http.inject({ url: '/en/knowledge/useful-links' });
    expect(visitor.body).not.toContain('Climate and displacement');
    // Moved above a sibling added after it.
    await editor.submit('/en/editor/links/groups/new', '/en/editor/links/groups/new', {
      title: 'Reception',
      parentId: refugees?.id ?? '',
      access: 'public',
    });
    const siblings = async () =>
      (await groupsOf())
        .filter((group) => group.parentId === refugees?.id)
        .map((group) => group.title);
    expect((await siblings()).slice(-2)).toEqual(['Climate and displacement', 'Reception']);
    const reception = (await groupsOf()).find((group) => group.title === 'Reception');
    await editor.submit(
      '/en/editor/links/groups',
      `/en/editor/links/groups/${reception?.id}/move-up`,
      {},
    );
    expect((await siblings()).slice(-2)).toEqual(['Reception', 'Climate and displacement']);
    // A group that holds links is kept; an empty one is removed.
    const kept = await editor.submit(
      '/en/editor/links/groups',
      `/en/editor/links/groups/${refugees?.id}/delete`,
      {},
    );
    expect(kept.headers.location).toBe('/en/editor/links/groups?done=notEmpty');
    expect((await groupsOf()).some((group) => group.id === refugees?.id)).toBe(true);
    await editor.submit('/en/editor/links/groups', `${edit}/delete`, {});
    expect((await groupsOf()).some((group) => group.id === climate?.id)).toBe(false);
    const page = await editor.get('/en/editor/links/groups?done=removed');
    expect(page.body).toContain('The group is removed.');
    const stranger = await app.http.inject({ url: '/en/editor/links/groups' });
    expect(stranger.statusCode).toBe(303);
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
    // The page lists the keys the "group" column takes.
    const form = await editor.get('/en/editor/import');
    expect(form.body).toContain('<code>refugees-and-migrants</code>');
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
