/**
 * Files attached to Knowledge Centre items, on the real database, file store and job queue: an
 * editor attaches a PDF, a DOCX and an ODT; the type is found in the content, whatever the name
 * says; the job reads each document's text in a worker thread and search finds it (in the
 * document's language); downloads are served only to those who may read them, inline for PDFs
 * and images, as attachments otherwise; bad uploads are refused with a clear message and nothing
 * saved; a removed file leaves the disk and search.
 */
import { readdir } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshSearchDocuments } from '../../src/features/knowledge/index.js';
import { startJobs, type Jobs } from '../../src/platform/jobs/jobs.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { docxDocument, odtDocument, pdfDocument } from '../support/documents.js';
import { signInAsAdministrator, type FormBrowser } from '../support/form-browser.js';

let app: TestApp;
let jobs: Jobs;
let editor: FormBrowser;
let itemId = '';
const PAGE = '/en/knowledge/publications/rights-in-the-city-report';

beforeAll(async () => {
  app = await buildTestApp({ uploadMaxBytes: 64 * 1024 });
  jobs = await startJobs({ pool: app.database.pool, log: createLogger('silent') });
  await app.attachJobs(jobs);
  editor = await signInAsAdministrator(app);
  const { db } = app.database;
  const inserted = await db.execute<{ id: string }>(sql`
    INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale)
    VALUES ('publication', 'publications', 'rights-in-the-city-report', 'public', 'published',
            now() - interval '1 hour', '2026-03-01', 'en')
    RETURNING id`);
  itemId = inserted.rows[0]?.id ?? '';
  await db.execute(sql`
    INSERT INTO item_translations (item_id, locale, title, summary, body)
    VALUES (${itemId}, 'en', 'Rights in the city: the report', 'What cities did in 2025.', ''),
           (${itemId}, 'fr', 'Les droits dans la ville : le rapport', 'Ce que les villes ont fait.', '')`);
  await refreshSearchDocuments(db, itemId);
});

afterAll(async () => {
  await jobs.stop();
  await app.close();
});

const filesPage = () => `/en/editor/items/${itemId}/files`;

const attach = (
  filename: string,
  content: Buffer,
  fields: Record<string, string> = {},
  type = 'application/octet-stream',
) =>
  editor.upload(
    filesPage(),
    filesPage(),
    { title: '', locale: 'en', access: 'public', ...fields },
    { name: 'file', filename, type, content },
  );

/** Waits until the job has read every attached file (it runs in the background), then searches. */
async function search(query: string, locale = 'en'): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const waiting = await app.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM item_files WHERE text_status IN ('pending', 'working')`,
    );
    if (waiting.rows[0]?.n === 0) break;
    if (Date.now() > deadline) throw new Error('the file text job did not run');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const response = await app.http.inject({ url: `/api/search?q=${query}&lang=${locale}` });
  return response.json<{ items: { title: string }[] }>().items.map((item) => item.title);
}

const storedFiles = async () =>
  (
    await app.database.db.execute<{
      id: string;
      file_name: string;
      media_type: string;
      access: string;
      text_status: string;
      text: string | null;
    }>(
      sql`SELECT id, file_name, media_type, access, text_status, text FROM item_files ORDER BY created_at`,
    )
  ).rows;

describe('attached files', () => {
  it('are attached by editors only', async () => {
    expect((await app.http.inject({ url: filesPage() })).statusCode).toBe(303);
    const page = await editor.get(filesPage());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No file is attached yet.');
    expect(page.body).toContain('enctype="multipart/form-data"');
  });

  it('refuses what is not an accepted document, whatever its name, and saves nothing', async () => {
    const html = await attach('report.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.statusCode).toBe(422);
    expect(html.body).toContain('This kind of file is not accepted.');
    const svg = await attach(
      'logo.png',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    );
    expect(svg.statusCode).toBe(422);
    const none = await attach('', Buffer.alloc(0), { title: 'Kept title' });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose a file to attach.');
    expect(none.body).toContain('value="Kept title"');
    const language = await attach('a.pdf', pdfDocument(['x']), { locale: 'xx' });
    expect(language.statusCode).toBe(422);
    expect(language.body).toContain('Choose the language of the document.');
    const tooLarge = await attach(
      'big.pdf',
      Buffer.concat([pdfDocument(['x']), Buffer.alloc(70_000)]),
    );
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.body).toContain('larger than this form accepts');
    expect(await storedFiles()).toEqual([]);
    expect(await readdir(app.filesDir)).toEqual([]);
  });

  it('keeps each file under a generated name with the type found in its content', async () => {
    const pdf = await attach(
      '../../etc/Rapport annuel\u0007 2025.docx',
      pdfDocument(['Participatory budgeting in Grenoble', 'Budget participatif et logement']),
      { title: 'Full report (PDF)' },
      'application/msword',
    );
    expect(pdf.statusCode).toBe(303);
    expect(pdf.headers.location).toBe(`${filesPage()}?done=added`);
    expect(
      (
        await attach(
          'Wohnen.docx',
          docxDocument(['Obdachlosigkeit beenden: das Wiener Modell', 'Wohnungen zuerst']),
          { locale: 'de' },
        )
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await attach('annex.odt', odtDocument(['Members annex on tenancy sustainment']), {
          access: 'members',
        })
      ).statusCode,
    ).toBe(303);
    const files = await storedFiles();
    expect(files.map((file) => [file.file_name, file.media_type, file.access])).toEqual([
      ['Rapport annuel 2025.pdf', 'application/pdf', 'public'],
      [
        'Wohnen.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'public',
      ],
      ['annex.odt', 'application/vnd.oasis.opendocument.text', 'members'],
    ]);
    // On disk only under generated names, in shard folders, nothing named by the uploader.
    const shards = await readdir(app.filesDir);
    const names = (
      await Promise.all(shards.map((shard) => readdir(`${app.filesDir}/${shard}`)))
    ).flat();
    expect(names).toHaveLength(3);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('reads their text in the background, and search finds it in the document’s language', async () => {
    expect(await search('Grenoble')).toEqual(['Rights in the city: the report']);
    // German stemming: "Wohnung" finds "Wohnungen" in the German document.
    expect(await search('Wohnung', 'de')).toEqual(['Rights in the city: the report']);
    const files = await storedFiles();
    expect(files.map((file) => file.text_status)).toEqual(['done', 'done', 'done']);
    expect(files[0]?.text).toBe(
      'Participatory budgeting in Grenoble\nBudget participatif et logement',
    );
    expect(files[2]?.text).toBe('Members annex on tenancy sustainment');
    // The members-only file's text is searched by members, never by visitors.
    expect(await search('tenancy')).toEqual([]);
    const asEditor = await editor.get('/api/search?q=tenancy');
    expect(asEditor.json<{ total: number }>().total).toBe(1);
    const page = await editor.get(filesPage());
    expect(page.body).toContain('Read: 8 words.');
  });

  it('are served to those who may read them: PDFs inline, documents as attachments', async () => {
    const [pdf, docx, odt] = await storedFiles();
    const item = await app.http.inject({ url: PAGE });
    expect(item.body).toContain('Full report (PDF)');
    expect(item.body).toContain('Word document');
    expect(item.body).toContain('One more file is for network members.');
    expect(item.body).not.toContain('annex.odt');
    const api = await app.http.inject({ url: '/api/items/rights-in-the-city-report' });
    const json = api.json<{ files: { title: string; url: string }[]; withheldFiles: number }>();
    expect(json.files.map((file) => file.title)).toEqual(['Full report (PDF)', 'Wohnen.docx']);
    expect(json.files[0]?.url).toBe(
      `http://localhost:3000/en/files/${pdf?.id}/Rapport%20annuel%202025.pdf`,
    );
    expect(json.withheldFiles).toBe(1);

    const inline = await app.http.inject({ url: `/en/files/${pdf?.id}/whatever.pdf` });
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(inline.headers['content-disposition']).toBe(
      `inline; filename="Rapport annuel 2025.pdf"; filename*=UTF-8''Rapport%20annuel%202025.pdf`,
    );
    expect(inline.headers['x-content-type-options']).toBe('nosniff');
    expect(inline.headers['cache-control']).toBe('public, max-age=300');
    expect(inline.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await app.http.inject({
      url: `/en/files/${pdf?.id}/x.pdf`,
      headers: { 'if-none-match': String(inline.headers.etag) },
    });
    expect(again.statusCode).toBe(304);

    const attachment = await app.http.inject({ url: `/en/files/${docx?.id}/Wohnen.docx` });
    expect(attachment.headers['content-disposition']).toMatch(/^attachment; /);

    const refused = await app.http.inject({ url: `/en/files/${odt?.id}/annex.odt` });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('For network members');
    expect(refused.body).not.toContain('tenancy');
    const member = await editor.get(`/en/files/${odt?.id}/annex.odt`);
    expect(member.statusCode).toBe(200);
    expect(member.headers['cache-control']).toBe('private, no-store');

    expect((await app.http.inject({ url: '/en/files/not-an-id/x.pdf' })).statusCode).toBe(404);
    expect(
      (await app.http.inject({ url: '/en/files/00000000-0000-4000-8000-000000000000/x.pdf' }))
        .statusCode,
    ).toBe(404);
  });

  it('are not served while their item is unpublished', async () => {
    const [pdf] = await storedFiles();
    await app.database.db.execute(sql`UPDATE items SET status = 'draft' WHERE id = ${itemId}`);
    expect((await app.http.inject({ url: `/en/files/${pdf?.id}/x.pdf` })).statusCode).toBe(404);
    await app.database.db.execute(sql`UPDATE items SET status = 'published' WHERE id = ${itemId}`);
    expect((await app.http.inject({ url: `/en/files/${pdf?.id}/x.pdf` })).statusCode).toBe(200);
  });

  it('leave the disk and search when removed', async () => {
    const [pdf] = await storedFiles();
    const removed = await editor.submit(filesPage(), `${filesPage()}/${pdf?.id}/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect((await app.http.inject({ url: `/en/files/${pdf?.id}/x.pdf` })).statusCode).toBe(404);
    expect(await search('Grenoble')).toEqual([]);
    const shards = await readdir(app.filesDir);
    const names = (
      await Promise.all(shards.map((shard) => readdir(`${app.filesDir}/${shard}`)))
    ).flat();
    expect(names).toHaveLength(2);
  });
});
