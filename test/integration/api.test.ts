/**
 * The machine channels on the real database: the JSON API and its OpenAPI description, CSV and
 * JSON exports of a listing (formula injection neutralised), and OAI-PMH for harvesters. Each
 * carries public, published items only to an anonymous caller.
 */
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshSearchDocuments } from '../../src/features/knowledge/index.js';
import { buildTestApp, type TestApp } from '../support/app.js';

let app: TestApp;

beforeAll(async () => {
  app = await buildTestApp();
  const { db } = app.database;
  // Only this test's items: the seeded Knowledge Centre would change its figures.
  await db.execute(sql`DELETE FROM items WHERE seeded`);
  await db.execute(sql`
    INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale,
                       themes, attributes, restricted_fields, updated_at)
    SELECT 'publication', 'publications', 'report-' || g, 'public', 'published',
           now() - interval '1 day', date '2020-01-01' + g, 'en', '{housing}',
           '{"authors": "Network secretariat", "publisher": "HRCN"}', '{}',
           timestamptz '2026-01-01 00:00:00Z' + g * interval '1 hour'
      FROM generate_series(1, 120) g`);
  await db.execute(sql`
    INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale,
                       themes, restricted_fields)
    VALUES ('publication', 'publications', 'members-report', 'members', 'published',
            now() - interval '1 day', '2026-02-01', 'en', '{housing}', '{}'),
           ('publication', 'publications', 'formula-report', 'public', 'published',
            now() - interval '1 day', '2026-02-02', 'en', '{housing}', '{body}')`);
  await db.execute(sql`
    INSERT INTO item_translations (item_id, locale, title, summary, body)
    SELECT id, 'en',
           CASE slug WHEN 'formula-report' THEN '=HYPERLINK("http://evil.example","click")'
                     WHEN 'members-report' THEN 'Members report'
                     ELSE 'Report ' || slug END,
           'About ' || slug, 'Body of ' || slug
      FROM items`);
  await refreshSearchDocuments(db, null);
});

afterAll(async () => {
  await app.close();
});

describe('the JSON API', () => {
  it('lists, filters and pages items, and gives one item without its withheld parts', async () => {
    const list = await app.http.inject({ url: '/api/items?section=publications&page=2&lang=fr' });
    expect(list.statusCode).toBe(200);
    const body = list.json<{
      page: number;
      pages: number;
      total: number;
      withheld: number;
      items: { slug: string; url: string }[];
    }>();
    expect(body).toMatchObject({ page: 2, pages: 7, total: 121, withheld: 1 });
    expect(body.items).toHaveLength(20);
    expect(body.items[0]?.url).toMatch(/^http:\/\/localhost:3000\/fr\/knowledge\/publications\//);
    expect(JSON.stringify(body)).not.toContain('members-report');
    const item = await app.http.inject({ url: '/api/items/formula-report' });
    expect(item.json()).toMatchObject({ slug: 'formula-report', body: null, withheld: ['body'] });
    expect((await app.http.inject({ url: '/api/items/members-report' })).statusCode).toBe(403);
    expect((await app.http.inject({ url: '/api/items/no-such-item' })).statusCode).toBe(404);
  });

  it('is described by an OpenAPI 3.1 document and a page for people', async () => {
    const document = await app.http.inject({ url: '/api/openapi.json' });
    const parsed = document.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(parsed.openapi).toBe('3.1.0');
    expect(Object.keys(parsed.paths)).toEqual([
      '/api/items',
      '/api/items/{slug}',
      '/api/events',
      '/api/events/{slug}',
      '/api/threads',
      '/api/threads/{number}',
      '/api/trends',
      '/api/trends/{id}',
      '/api/cities',
      '/api/cities/{slug}',
      '/api/search',
    ]);
    const asJson = await app.http.inject({
      url: '/api/docs',
      headers: { accept: 'application/json' },
    });
    expect(asJson.json<{ openapi: string }>().openapi).toBe('3.1.0');
    const forPeople = await app.http.inject({
      url: '/api/docs',
      headers: { accept: 'text/html', 'accept-language': 'de' },
    });
    expect(forPeople.statusCode).toBe(302);
    expect(forPeople.headers.location).toBe('/de/api');
    const page = await app.http.inject({ url: '/de/api' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('GET /api/items/{slug}');
  });
});

describe('exports', () => {
  it('give a filtered listing as CSV, with formulas neutralised, and as JSON', async () => {
    const csv = await app.http.inject({ url: '/en/knowledge/publications/export.csv?year=2020' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="publications-/);
    const rows = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(120);
    expect(rows.every((row) => row.date?.startsWith('2020'))).toBe(true);
    const all = await app.http.inject({ url: '/en/knowledge/publications/export.csv' });
    const allRows = parse(all.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(allRows).toHaveLength(121);
    expect(allRows.find((row) => row.url?.endsWith('/formula-report'))?.title).toBe(
      '\'=HYPERLINK("http://evil.example","click")',
    );
    expect(all.body).not.toContain('Members report');
    const json = await app.http.inject({ url: '/fr/knowledge/publications/export.json?page=3' });
    const records = json.json<{ url: string }[]>();
    expect(records).toHaveLength(121);
    expect(
      (await app.http.inject({ url: '/en/knowledge/useful-links/export.csv' })).statusCode,
    ).toBe(404);
  });
});

describe('OAI-PMH', () => {
  const oai = async (query: string) => (await app.http.inject({ url: `/oai?${query}` })).body;

  it('identifies itself and offers Dublin Core', async () => {
    const identify = await oai('verb=Identify');
    expect(identify).toContain('<protocolVersion>2.0</protocolVersion>');
    expect(identify).toContain('<baseURL>http://localhost:3000/oai</baseURL>');
    expect(identify).toContain('<earliestDatestamp>2026-01-01T01:00:00Z</earliestDatestamp>');
    expect(await oai('verb=ListMetadataFormats')).toContain(
      '<metadataPrefix>oai_dc</metadataPrefix>',
    );
  });

  it('lists records a page at a time with a resumption token, within from and until', async () => {
    const first = await oai('verb=ListRecords&metadataPrefix=oai_dc');
    expect(first.match(/<record>/g)).toHaveLength(100);
    expect(first).toContain('<dc:creator>Network secretariat</dc:creator>');
    expect(first).not.toContain('members-report');
    const token = /<resumptionToken completeListSize="121" cursor="0">([^<]+)</.exec(first)?.[1];
    expect(token).toBeDefined();
    const second = await oai(`verb=ListRecords&resumptionToken=${token}`);
    expect(second.match(/<record>/g)).toHaveLength(21);
    expect(second).toContain(
      '<resumptionToken completeListSize="121" cursor="100"></resumptionToken>',
    );
    expect(second).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)');
    const ranged = await oai(
      'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-01-01T02:00:00Z&until=2026-01-01T04:00:00Z',
    );
    expect(ranged.match(/<header>/g)).toHaveLength(3);
    expect(ranged).not.toContain('<metadata>');
    const record = await oai(
      'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:report-7',
    );
    expect(record).toContain('<dc:title>Report report-7</dc:title>');
  });

  it('answers mistakes with the protocol’s error codes', async () => {
    expect(await oai('verb=Nothing')).toContain('<error code="badVerb">');
    expect(await oai('verb=ListRecords')).toContain('<error code="badArgument">');
    expect(await oai('verb=ListRecords&metadataPrefix=marc')).toContain(
      '<error code="cannotDisseminateFormat">',
    );
    expect(await oai('verb=ListRecords&resumptionToken=garbage')).toContain(
      '<error code="badResumptionToken">',
    );
    expect(await oai('verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01')).toContain(
      '<error code="noRecordsMatch">',
    );
    expect(
      await oai('verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-02&until=2026-01-01'),
    ).toContain('<error code="badArgument">');
    expect(
      await oai('verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:members-report'),
    ).toContain('<error code="idDoesNotExist">');
    expect(await oai('verb=ListSets')).toContain('<error code="noSetHierarchy">');
    expect(await oai('verb=Identify&verb=Identify')).toContain('<error code="badVerb">');
  });
});
