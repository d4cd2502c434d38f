/**
 * For backup tests: the seeded platform with a little of everything people add (an item with an
 * attached file, a person with two-factor sign-in, a question answered by an expert), and ways to
 * read a database's every row and a file store's every byte for comparison.
 */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { to as copyTo } from 'pg-copy-streams';
import type pg from 'pg';
import { refreshSearchDocuments } from '../../src/features/knowledge/index.js';
import { listTables, qualified } from '../../src/platform/backup/catalog.js';
import { PORTABLE_TEXT_SETTINGS } from '../../src/platform/backup/archive.js';
import type { FileStore } from '../../src/platform/files/file-store.js';
import { pdfDocument } from './documents.js';
import { ask, day, openDesk, type Desk } from './experts-desk.js';
import { signUpAndSignIn, turnOnTwoFactor } from './form-browser.js';

export interface Content extends Desk {
  /** The person with two-factor sign-in. */
  person: { email: string; password: string; totpUri: string };
  itemSlug: string;
  questionId: string;
}

/** Opens the Experts' desk world (test/support/experts-desk.ts) and adds the content. */
export async function platformWithContent(): Promise<Content> {
  const desk = await openDesk();
  const { app, editor, expert, expertId, smtp } = desk;
  const { db } = app.database;
  const itemSlug = 'backed-up-report';
  const inserted = await db.execute<{ id: string }>(sql`
    INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale)
    VALUES ('publication', 'publications', ${itemSlug}, 'public', 'published',
            now() - interval '1 hour', '2026-03-01', 'en')
    RETURNING id`);
  const itemId = inserted.rows[0]?.id ?? '';
  await db.execute(sql`
    INSERT INTO item_translations (item_id, locale, title, summary, body)
    VALUES (${itemId}, 'en', 'A report worth keeping', 'Kept in every backup.', 'Ünïcödé, tabs\tand\nlines.')`);
  await refreshSearchDocuments(db, itemId);
  const filesPage = `/en/editor/items/${itemId}/files`;
  const upload = await editor.upload(
    filesPage,
    filesPage,
    { title: 'The report (PDF)', locale: 'en', access: 'public' },
    {
      name: 'file',
      filename: 'report.pdf',
      type: 'application/pdf',
      content: pdfDocument(['Participatory budgeting', 'kept in the archive']),
    },
  );
  expect(upload.statusCode).toBe(303);

  const name = 'Tomas Twofactor';
  const person = await signUpAndSignIn(
    app,
    smtp,
    { name, email: 'tomas@example.org' },
    '127.0.4.1',
  );
  const password = `${name} has a long passphrase`;
  const { totpUri } = await turnOnTwoFactor(person, password);

  const questionId = await ask(
    'How do cities fund a local ombudsperson for housing complaints, and who appoints them?',
  );
  const desk_ = `/en/editor/questions/${questionId}`;
  expect(
    (await editor.submit(desk_, `${desk_}/assign`, { experts: expertId, dueOn: day(7) }))
      .statusCode,
  ).toBe(303);
  const workspace = `/en/experts/workspace/${questionId}`;
  const draft = await expert.get(workspace);
  const answer = 'Most cities fund the office from the **general budget**.';
  const submitted = await expert.submit(workspace, workspace, {
    answer,
    credited: 'yes',
    basedOn: /name="basedOn" value="([^"]*)"/.exec(draft.body)?.[1] ?? '',
    intent: 'submit',
  });
  expect(submitted.statusCode).toBe(303);
  const review = await editor.get(desk_);
  const published = await editor.submit(desk_, `${desk_}/answer`, {
    publicQuestion: 'How do cities fund a local ombudsperson for housing complaints?',
    summary: 'From the general budget.',
    answer,
    links: '',
    related: '',
    publication: 'public',
    basedOn: /name="basedOn" value="([^"]*)"/.exec(review.body)?.[1] ?? '',
    intent: 'publish',
  });
  expect(published.statusCode).toBe(303);
  return {
    ...desk,
    person: { email: 'tomas@example.org', password, totpUri },
    itemSlug,
    questionId,
  };
}

/** Every table's rows as sorted COPY text lines, by table name. */
export async function tableTexts(pool: pg.Pool): Promise<Map<string, string[]>> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    for (const setting of PORTABLE_TEXT_SETTINGS) await client.query(setting);
    const texts = new Map<string, string[]>();
    for (const table of await listTables(client)) {
      const chunks: Buffer[] = [];
      for await (const chunk of client.query(copyTo(`COPY ${qualified(table.name)} TO STDOUT`)))
        chunks.push(chunk as Buffer);
      texts.set(
        table.name,
        Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean).sort(),
      );
    }
    await client.query('COMMIT');
    return texts;
  } finally {
    client.release();
  }
}

/** The migrations ledger (hash and time of each), oldest first. */
export async function ledger(pool: pg.Pool): Promise<string[]> {
  const rows = await pool.query<{ hash: string; created_at: string }>(
    'SELECT hash, created_at::text FROM drizzle.__drizzle_migrations ORDER BY created_at',
  );
  return rows.rows.map((row) => `${row.created_at} ${row.hash}`);
}

/** Every stored file's bytes, by key. */
export async function storedFiles(files: FileStore): Promise<Map<string, Buffer>> {
  const all = new Map<string, Buffer>();
  for await (const key of files.keys()) all.set(key, await files.read(key));
  return all;
}

/** The tables of the app's schema, and of drizzle's ledger, in a database: none when it is empty. */
export async function tablesIn(pool: pg.Pool): Promise<string[]> {
  const rows = await pool.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('public', 'drizzle') AND c.relkind IN ('r', 'p', 'S')`,
  );
  return rows.rows.map((row) => row.name);
}
