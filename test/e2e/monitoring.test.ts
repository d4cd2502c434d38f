/// <reference lib="dom" />
/**
 * Monitoring in a real Chromium with JavaScript off: a city's admin fills the city's profile
 * and two years of an indicator (a value in another unit refused first, the row kept), sends it;
 * an editor approves it; a visitor compares two cities and reads the chart's table. An editor
 * adds an entry of a watched source to a theme's trends. Every new page is checked with axe in
 * two languages and both colour schemes, the forms with their problems shown included.
 */
import { sql } from 'drizzle-orm';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCREENSHOTS,
  becomeFirstAdministrator,
  launchBrowser,
  serveTestApp,
  signInThroughForm,
  type ServedApp,
} from '../support/browser.js';
import { createAudit } from '../support/audit.js';
import { signUpAndSignIn } from '../support/form-browser.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const audit = createAudit('monitoring');
let smtp: TestSmtpServer;
let served: ServedApp;
let browser: Browser;
beforeAll(async () => {
  smtp = await startSmtpServer();
  [served, browser] = await Promise.all([serveTestApp({ smtpUrl: smtp.url }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
  await smtp?.close();
});

const noScript = { javaScriptEnabled: false } as const;
let editorContext: BrowserContext;
let adminContext: BrowserContext;
let entryPath = '';
let trendPath = '';

async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor();
  return locator.first().innerText();
}

/** Graz's admin, signed in without JavaScript; Utrecht with a profile already public. */
async function cities(): Promise<Page> {
  const db = served.app.database.db;
  await db.execute(sql`
    INSERT INTO organisations (slug, name, kind, membership, status, country, city)
    VALUES ('graz', 'Graz', 'municipality', 'guest', 'active', 'AT', 'Graz'),
           ('utrecht', 'Utrecht', 'municipality', 'associate', 'active', 'NL', 'Utrecht')`);
  await db.execute(sql`
    INSERT INTO city_profiles (organisation_id, draft, published, published_at)
    SELECT id, '{}'::jsonb, ${JSON.stringify({
      stage: 'declared',
      steps: { declared: '2017-05-01' },
      commitments: [
        {
          id: 'c1',
          name: 'Utrecht human rights city',
          instrument: 'declaration',
          date: '2017-05-01',
          url: '',
          document: '',
        },
      ],
      values: [
        {
          indicator: 'women-in-council',
          year: 2023,
          value: 44,
          source: 'Gemeente',
          membersOnly: false,
        },
        {
          indicator: 'women-in-council',
          year: 2024,
          value: 46,
          source: 'Gemeente',
          membersOnly: false,
        },
      ],
      practices: [],
      transfers: [],
    })}::jsonb, now() FROM organisations WHERE slug = 'utrecht'`);
  const email = 'greta@example.org';
  await signUpAndSignIn(served.app, smtp, { name: 'Greta', email }, '127.0.7.1');
  await db.execute(sql`UPDATE users SET role = 'organisation-admin' WHERE email = ${email}`);
  await db.execute(sql`
    INSERT INTO organisation_members (organisation_id, user_id, role)
    SELECT o.id, u.id, 'admin' FROM organisations o, users u
     WHERE o.slug = 'graz' AND u.email = ${email}`);
  adminContext = await browser.newContext(noScript);
  const page = await adminContext.newPage();
  await signInThroughForm(page, served.baseUrl, email, 'Greta has a long passphrase');
  await page.waitForURL(/\/en\/account/);
  return page;
}

describe('monitoring in Chromium, without JavaScript', () => {
  it('goes from a city’s profile filled by its admin to two cities compared by a visitor', async () => {
    editorContext = await browser.newContext(noScript);
    const editor = await editorContext.newPage();
    await becomeFirstAdministrator(editor, served, {
      name: 'Erika Editor',
      email: 'erika@example.org',
      password: 'the editor’s long passphrase',
    });
    const admin = await cities();

    // 1. The admin fills the stage, a commitment and two years of an indicator.
    await admin.goto(`${served.baseUrl}/en/network/graz/profile`);
    await admin.getByLabel('Current stage').selectOption('declared');
    await admin.getByLabel('Declared a human rights city').fill('2001-02-08');
    await admin.locator('form[action$="/profile/stage"] button[type=submit]').click();
    expect(await textOf(admin.getByRole('status'))).toContain('Saved');
    await admin.getByLabel('Name of the declaration, charter or strategy').fill('Graz declaration');
    await admin.getByLabel('What it refers to').selectOption('declaration');
    await admin.getByLabel('Adopted on').fill('2001-02-08');
    await admin.getByRole('button', { name: 'Add a commitment' }).click();
    const row = (n: number) => admin.locator('fieldset', { hasText: `Value ${n}` });
    await row(1).getByLabel('Indicator').selectOption('women-in-council');
    await row(1).getByLabel('Year').fill('2023');
    await row(1).getByLabel('Value', { exact: true }).fill('38 EUR');
    await row(1).getByLabel('Source').fill('Council records');
    await row(2).getByLabel('Indicator').selectOption('women-in-council');
    await row(2).getByLabel('Year').fill('2024');
    await row(2).getByLabel('Value', { exact: true }).fill('41');
    await row(2).getByLabel('Source').fill('Council records');
    await admin.getByRole('button', { name: 'Save the values' }).click();
    expect(await textOf(admin.getByRole('alert'))).toContain('another unit than the indicator’s');
    expect(await row(2).getByLabel('Value', { exact: true }).inputValue()).toBe('41');
    await row(1).getByLabel('Value', { exact: true }).fill('38,5 %');
    await admin.getByRole('button', { name: 'Save the values' }).click();
    expect(await textOf(admin.getByRole('status'))).toContain('Saved');
    await admin.getByRole('button', { name: 'Send for review' }).click();
    expect(await textOf(admin.getByRole('status'))).toContain('sent for review');

    // 2. The editor approves it.
    await editor.goto(`${served.baseUrl}/en/editor/cities`);
    await editor.getByRole('link', { name: 'Graz' }).click();
    await editor.getByRole('button', { name: 'Approve and publish' }).click();
    expect(await textOf(editor.getByRole('status'))).toContain('The profile is published.');

    // 3. A visitor compares the two cities and reads the chart's table.
    const visitorContext = await browser.newContext(noScript);
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${served.baseUrl}/en/cities`);
    await visitor.getByRole('link', { name: 'Compare cities' }).click();
    await visitor.getByLabel('City 1').selectOption({ label: 'Graz' });
    await visitor.getByLabel('City 2').selectOption({ label: 'Utrecht' });
    await visitor.getByRole('button', { name: 'Compare' }).click();
    await visitor.getByLabel('Women in the municipal council').check();
    await visitor.getByRole('button', { name: 'Compare' }).click();
    const table = visitor.getByRole('table', {
      name: 'Women in the municipal council: values by year and city',
    });
    const cells = await textOf(table);
    expect(cells).toContain('38.5');
    expect(cells).toContain('46');
    expect(
      await visitor
        .getByRole('img', { name: /Women in the municipal council: the chosen cities/ })
        .count(),
    ).toBe(1);
    await visitor.screenshot({
      path: path.join(SCREENSHOTS, 'cities-compare.png'),
      fullPage: true,
    });
    await visitor.goto(`${served.baseUrl}/en/cities/graz`);
    expect(await textOf(visitor.locator('main'))).toContain('Graz declaration');
    await visitor.screenshot({ path: path.join(SCREENSHOTS, 'cities-graz.png'), fullPage: true });
    await visitorContext.close();
  });

  it('turns an entry of a watched source into a theme’s trend note', async () => {
    const db = served.app.database.db;
    const inserted = await db.execute<{ id: string }>(sql`
      WITH source AS (
        INSERT INTO watch_sources (name, feed_url, next_poll_at)
        VALUES ('Test agency', 'https://agency.example/feed', now() + interval '1 year')
        RETURNING id)
      INSERT INTO watch_entries (source_id, dedupe_key, title, url, summary, locale,
                                 suggested_themes)
      SELECT id, 'guid:1', 'Cities open human rights offices', 'https://agency.example/1',
             'A report on local offices.', 'en', '{access-to-justice}' FROM source
      RETURNING id`);
    entryPath = `/en/editor/watch/entries/${inserted.rows[0]?.id ?? ''}`;
    const editor = await editorContext.newPage();
    await editor.goto(`${served.baseUrl}/en/editor/watch`);
    await editor.getByRole('link', { name: /Publish or add to trends/ }).click();
    await editor.getByRole('button', { name: 'Publish the trend note' }).click();
    expect(await textOf(editor.getByRole('alert'))).toContain('Write the note');
    await editor.getByLabel('Note').fill('More cities open **offices** people can turn to.');
    await editor.getByRole('button', { name: 'Publish the trend note' }).click();
    expect(await textOf(editor.getByRole('status'))).toContain('The trend note is published.');
    await editor.goto(`${served.baseUrl}/en/news/trends`);
    await editor.getByRole('link', { name: 'Cities open human rights offices' }).click();
    trendPath = new URL(editor.url()).pathname;
    expect(await textOf(editor.locator('main'))).toContain('people can turn to');
    await editor.close();
  });

  it('records its pages and forms for the audit', async () => {
    const compare = '/cities/compare?city=graz&city=utrecht&indicator=women-in-council';
    await audit.pages('administrator', adminContext, [
      '/news',
      '/news?theme=access-to-justice',
      '/news/trends',
      trendPath,
      '/cities',
      '/cities/graz',
      compare,
      '/network/graz/profile',
    ]);
    const source = await served.app.database.db.execute<{ id: string }>(
      sql`SELECT id FROM watch_sources WHERE name = 'Test agency'`,
    );
    await audit.pages('editor', editorContext, [
      '/editor/watch',
      '/editor/watch?status=trend',
      '/editor/watch/sources',
      '/editor/watch/sources/new',
      `/editor/watch/sources/${source.rows[0]?.id ?? ''}`,
      '/editor/cities',
      '/editor/cities/graz',
      '/editor/indicators',
      entryPath,
    ]);
    await audit.forms(
      'editor',
      editorContext,
      ['/editor/watch/sources/new', '/editor/indicators'],
      'main form button[type=submit]',
    );
    await audit.forms(
      'administrator',
      adminContext,
      ['/network/graz/profile'],
      'form[action$="/profile/commitments"] button',
    );
    expect(entryPath).not.toBe('');
    for (const context of [editorContext, adminContext]) await context.close();
  });
});

audit.declare(() => ({ browser, baseUrl: served.baseUrl }));
