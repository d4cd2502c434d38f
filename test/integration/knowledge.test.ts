/**
 * The Knowledge Centre end to end on the real database: an editor writes a good practice with a
 * members-only part, previews it, fixes mistakes, translates it, sends it for review and publishes
 * it (now and later); revisions show what changed and restore an earlier text; readers find it in
 * lists and search, in French too, with typos; a visitor never sees the members-only part.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/features/access/access.schema.js';
import { refreshSearchDocuments } from '../../src/features/knowledge/index.js';
import { items } from '../../src/features/knowledge/items.schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import type { FormBrowser } from '../support/form-browser.js';
import { signInAsAdministrator, signUpAndSignIn } from '../support/form-browser.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const SECRET_RESULT = 'Rents fell by 12 percent (members-only figure)';
let smtp: TestSmtpServer;
let app: TestApp;
let editor: FormBrowser;
let member: FormBrowser;
let reader: FormBrowser;
let itemId = '';

const PRACTICE = {
  title: 'Housing First in Vienna',
  summary: 'The city gives homeless people a home first, then support.',
  body: 'Vienna moved from **shelters** to flats with support.',
  field_problem: 'People slept rough for years.',
  field_approach: 'Flats first, with social workers on call.',
  field_results: SECRET_RESULT,
  attr_city: 'Vienna',
  slug: '',
  section: 'good-practices',
  access: 'public',
  date: '2025-06-01',
  restricted: ['results', 'successFactors', 'transferability', 'contacts'],
  themes: ['housing'],
  sdgs: ['1', '11'],
  sdgTargets: '11.1',
  rights: ['25'],
  countries: ['AT'],
  related: '',
};

async function grant(admin: FormBrowser, email: string, role: string): Promise<void> {
  const [person] = await app.database.db.select().from(users).where(eq(users.email, email));
  const response = await admin.submit('/en/admin/people', `/en/admin/people/${person?.id}`, {
    role,
  });
  expect(response.statusCode).toBe(303);
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await buildTestApp({ smtpUrl: smtp.url });
  editor = await signInAsAdministrator(app);
  member = await signUp('Marta Member', 'marta@example.org', '127.0.0.3');
  await grant(editor, 'marta@example.org', 'practitioner');
  reader = await signUp('Rolf Reader', 'rolf@example.org', '127.0.0.4');
});

afterAll(async () => {
  await app.close();
  await smtp.close();
});

describe('the Knowledge Centre', () => {
  it('is edited by editors only', async () => {
    expect((await reader.get('/en/editor')).statusCode).toBe(403);
    expect((await reader.get('/en/editor/new/practice')).statusCode).toBe(403);
    const visitor = await app.http.inject({ url: '/en/editor' });
    expect(visitor.statusCode).toBe(303);
    const list = await editor.get('/en/editor?type=publication');
    expect(list.statusCode).toBe(200);
    // The seeded items are told apart from the editors' own.
    const seeded = list.body.slice(list.body.indexOf('Global Urban Justice'));
    expect(seeded.slice(0, seeded.indexOf('</td>'))).toContain(
      '<span class="badge">initial content</span>',
    );
  });

  it('previews without saving, refuses bad input with every field kept, then saves', async () => {
    const count = async () =>
      (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(items))[0]?.n;
    const before = await count();
    const preview = await editor.submit('/en/editor/new/practice', '/en/editor/new/practice', {
      ...PRACTICE,
      intent: 'preview',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<strong>shelters</strong>');
    expect(await count()).toBe(before);

    const refused = await editor.submit('/en/editor/new/practice', '/en/editor/new/practice', {
      ...PRACTICE,
      title: '',
      date: '2025-13-45',
      slug: 'Not A Slug',
      sdgTargets: '11.1, 99.9',
      related: 'no-such-item',
      intent: 'save',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Enter a title.');
    expect(refused.body).toContain('Enter a date as year-month-day');
    expect(refused.body).toContain('Use only lower-case letters');
    expect(refused.body).toContain('Write targets as goal and target');
    expect(refused.body).toContain('Flats first, with social workers on call.');
    expect(await count()).toBe(before);

    const saved = await editor.submit('/en/editor/new/practice', '/en/editor/new/practice', {
      ...PRACTICE,
      intent: 'save',
    });
    expect(saved.statusCode).toBe(303);
    itemId = /\/en\/editor\/items\/([0-9a-f-]{36})/.exec(saved.headers.location ?? '')?.[1] ?? '';
    expect(itemId).not.toBe('');
    const [stored] = await app.database.db.select().from(items).where(eq(items.id, itemId));
    expect(stored).toMatchObject({
      slug: 'housing-first-in-vienna',
      status: 'draft',
      originalLocale: 'en',
      themes: ['housing'],
      sdgs: [1, 11],
      rights: [25],
      countries: ['AT'],
      attributes: { city: 'Vienna' },
    });
  });

  it('stays out of sight until published, then goes through review to the readers', async () => {
    const page = '/en/knowledge/good-practices/housing-first-in-vienna';
    expect((await app.http.inject({ url: page })).statusCode).toBe(404);
    const edit = `/en/editor/items/${itemId}`;
    const wrong = await editor.submit(edit, `${edit}/status`, { status: 'archived' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('cannot move to that state');
    expect((await editor.submit(edit, `${edit}/status`, { status: 'review' })).statusCode).toBe(
      303,
    );
    expect((await app.http.inject({ url: page })).statusCode).toBe(404);
    expect(
      (await editor.submit(edit, `${edit}/status`, { status: 'published', publishAt: '' }))
        .statusCode,
    ).toBe(303);

    const visitor = await app.http.inject({ url: page });
    expect(visitor.statusCode).toBe(200);
    expect(visitor.body).toContain('Housing First in Vienna');
    expect(visitor.body).toContain('People slept rough for years.');
    expect(visitor.body).not.toContain(SECRET_RESULT);
    expect(visitor.body).toContain('Network members can also read Results.');
    const listing = await app.http.inject({ url: '/en/knowledge/good-practices?theme=housing' });
    expect(listing.body).toContain('Housing First in Vienna');
    const asMember = await member.get(page);
    expect(asMember.body).toContain(SECRET_RESULT);
    const asReader = await reader.get(page);
    expect(asReader.body).not.toContain(SECRET_RESULT);
  });

  it('is translated into French, found by a French search and by a typo', async () => {
    const french = `/en/editor/items/${itemId}?lang=fr`;
    // Headed by the title of the original and the language it is translated into.
    expect((await editor.get(french)).body).toContain(
      '<h1>Translate “Housing First in Vienna” into French</h1>',
    );
    const saved = await editor.submit(french, french, {
      ...PRACTICE,
      title: 'Le logement d’abord à Vienne',
      summary: 'La ville donne d’abord un logement aux personnes sans abri.',
      body: 'Vienne est passée des foyers aux appartements accompagnés.',
      field_problem: 'Des personnes dormaient dans la rue.',
      field_approach: 'Un logement d’abord, avec un accompagnement.',
      field_results: 'Les loyers ont baissé (réservé aux membres).',
      translationStatus: 'reviewed',
      intent: 'save',
    });
    expect(saved.statusCode).toBe(303);
    const search = await app.http.inject({ url: '/fr/search?q=logement' });
    expect(search.body).toContain('Le logement d’abord à Vienne');
    expect(search.body).toContain('<mark>');
    expect(search.body).not.toContain('réservé aux membres');
    const typo = await app.http.inject({ url: '/en/search?q=logemnt' });
    expect(typo.body).toContain('Le logement d’abord à Vienne');
    expect(typo.body).toContain('Nothing was found as typed.');
    const api = await app.http.inject({ url: '/api/search?q=vienne&lang=fr' });
    expect(api.statusCode).toBe(200);
    const json = api.json<{ total: number; items: { title: string; url: string }[] }>();
    expect(json.total).toBe(1);
    expect(json.items[0]?.url).toBe(
      'http://localhost:3000/fr/knowledge/good-practices/housing-first-in-vienna',
    );
    expect(JSON.stringify(json)).not.toContain('réservé aux membres');
    const refused = await app.http.inject({ url: '/api/search' });
    expect(refused.statusCode).toBe(400);
    // Lists narrowed to a language know it from the item's translations (items.locales).
    const inFrench = await app.http.inject({ url: '/fr/knowledge/good-practices?language=fr' });
    expect(inFrench.body).toContain('Le logement d’abord à Vienne');
    const inGerman = await app.http.inject({ url: '/en/knowledge/good-practices?language=de' });
    expect(inGerman.body).not.toContain('Housing First in Vienna');

    // A change to the original leaves the reviewed translation to be reviewed again.
    const edit = `/en/editor/items/${itemId}`;
    await editor.submit(edit, edit, {
      ...PRACTICE,
      slug: 'housing-first-in-vienna',
      summary: 'Vienna gives homeless people a home first, then support.',
      intent: 'save',
    });
    const form = await editor.get(edit);
    expect(form.body).toContain('translation needs review');
    // Its readers are told so, with the original a link away; a German reader, who has no
    // translation, is told the language of the text in German.
    const frenchReader = await app.http.inject({
      url: '/fr/knowledge/good-practices/housing-first-in-vienna',
    });
    expect(frenchReader.body).toContain('L’original, en anglais, a été modifié');
    expect(frenchReader.body).toContain(
      'href="/en/knowledge/good-practices/housing-first-in-vienna"',
    );
    const german = await app.http.inject({
      url: '/de/knowledge/good-practices/housing-first-in-vienna',
    });
    expect(german.body).toContain('sie wird auf Englisch angezeigt');
  });

  it('is translated into Arabic, read right to left and found by Arabic words written either way', async () => {
    const arabic = `/en/editor/items/${itemId}?lang=ar`;
    expect((await editor.get(arabic)).body).toContain('into Arabic</h1>');
    const saved = await editor.submit(arabic, arabic, {
      ...PRACTICE,
      title: 'السكن أولًا في فيينا',
      summary: 'تمنح المدينة المشرّدين مسكنًا أولًا ثم الدعم.',
      body: 'انتقلت فيينا من الملاجئ إلى الشقق المدعومة، ومستشفى الحي شريك.',
      field_problem: 'كان الناس ينامون في الشوارع.',
      field_approach: 'السكن أولًا مع المرافقة.',
      field_results: 'انخفضت الإيجارات (للأعضاء).',
      translationStatus: 'reviewed',
      intent: 'save',
    });
    expect(saved.statusCode).toBe(303);
    const page = await app.http.inject({
      url: '/ar/knowledge/good-practices/housing-first-in-vienna',
    });
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain('السكن أولًا في فيينا');
    // Short vowels typed, alef maqsura typed as ya: the same words.
    for (const query of ['فِيينا', 'مستشفي', 'الملاجئ'])
      expect(
        (await app.http.inject({ url: `/ar/search?q=${encodeURIComponent(query)}` })).body,
        query,
      ).toContain('السكن أولًا في فيينا');
    // Lists narrowed to Arabic find it; an English reader still reads the English original.
    const inArabic = await app.http.inject({ url: '/ar/knowledge/good-practices?language=ar' });
    expect(inArabic.body).toContain('السكن أولًا في فيينا');
    const english = await app.http.inject({
      url: '/en/knowledge/good-practices/housing-first-in-vienna',
    });
    expect(english.body).toContain('Housing First in Vienna');
  });

  it('keeps every version, shows what changed, and restores an earlier one', async () => {
    const revisions = await editor.get(`/en/editor/items/${itemId}/revisions?lang=en`);
    expect(revisions.statusCode).toBe(200);
    expect(revisions.body).toContain('Version 2');
    expect(revisions.body).toMatch(/<del>The city<\/del>|<del>The<\/del>/);
    const first = /revisions\/([0-9a-f-]{36})\/restore\?lang=en/.exec(revisions.body)?.[1] ?? '';
    const restored = await editor.submit(
      `/en/editor/items/${itemId}/revisions?lang=en`,
      `/en/editor/items/${itemId}/revisions/${first}/restore?lang=en`,
      {},
    );
    expect(restored.statusCode).toBe(303);
    const page = await app.http.inject({
      url: '/en/knowledge/good-practices/housing-first-in-vienna',
    });
    expect(page.body).toContain('The city gives homeless people a home first, then support.');
  });

  it('publishes at a set time, and a members-only item shows visitors only a teaser', async () => {
    const created = await editor.submit(
      '/en/editor/new/publication',
      '/en/editor/new/publication',
      {
        title: 'Members briefing on rent control',
        summary: 'What the network learnt about rent control.',
        body: 'Confidential notes from the workshop.',
        attr_authors: 'The network',
        slug: 'members-briefing',
        section: 'publications',
        access: 'members',
        date: '2026-01-15',
        related: 'housing-first-in-vienna',
        intent: 'save',
      },
    );
    expect(created.statusCode).toBe(303);
    const id = /items\/([0-9a-f-]{36})/.exec(created.headers.location ?? '')?.[1] ?? '';
    const edit = `/en/editor/items/${id}`;
    await editor.submit(edit, `${edit}/status`, {
      status: 'published',
      publishAt: '2099-01-01T09:00',
    });
    const page = '/en/knowledge/publications/members-briefing';
    expect((await member.get(page)).statusCode).toBe(404);
    expect((await editor.get('/en/editor?status=published')).body).toContain('to appear on');
    // Its time comes (moved to the past here, search documents included).
    await app.database.db
      .update(items)
      .set({ publishedAt: new Date(Date.now() - 1000) })
      .where(eq(items.id, id));
    await refreshSearchDocuments(app.database.db, id);
    const announce = app.jobs.find((job) => job.name === 'knowledge.announce-due-items');
    expect(await announce?.run()).toBeGreaterThanOrEqual(1);
    const forMember = await member.get(page);
    expect(forMember.body).toContain('Confidential notes from the workshop.');
    expect(forMember.body).toContain('Housing First in Vienna');
    const teaser = await app.http.inject({ url: page });
    expect(teaser.body).toContain('For network members');
    expect(teaser.body).not.toContain('rent control');
    const list = await app.http.inject({ url: '/en/knowledge/publications' });
    expect(list.body).toContain('One more item is for network members.');
    expect(list.body).not.toContain('rent control');
    expect((await member.get('/en/knowledge/publications')).body).toContain(
      'Members briefing on rent control',
    );
    expect((await app.http.inject({ url: '/en/search?q=rent+control' })).body).not.toContain(
      'Members briefing',
    );
    expect((await member.get('/en/search?q=rent+control')).body).toContain('Members briefing');
  });
});

/** Someone with a confirmed account, signed in. */
const signUp = (name: string, email: string, ip: string): Promise<FormBrowser> =>
  signUpAndSignIn(app, smtp, { name, email }, ip);
