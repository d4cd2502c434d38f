/// <reference lib="dom" />
/**
 * The Knowledge Centre in a real Chromium with JavaScript off: an editor writes a good practice
 * with a members-only part, previews it, sends it for review, publishes it and translates it into
 * French; a visitor finds it by searching in French and reads its public part; a member reads the
 * detail. Every new page is checked with axe in two languages.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  becomeFirstAdministrator,
  launchBrowser,
  SCREENSHOTS,
  serveTestApp,
  signInThroughForm,
  type ServedApp,
} from '../support/browser.js';
import { linkGroups, links } from '../../src/features/knowledge/knowledge.schema.js';
import { createAudit } from '../support/audit.js';
import { FormBrowser, linkIn } from '../support/form-browser.js';
import { pdfDocument } from '../support/documents.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const DETAIL = 'Eviction orders fell by a third in two years.';
const PASSWORD = 'the editor’s long passphrase';

const audit = createAudit('knowledge');
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

const signIn = (page: Page, email: string, password: string): Promise<void> =>
  signInThroughForm(page, served.baseUrl, email, password);

describe('the Knowledge Centre in Chromium, without JavaScript', () => {
  it('goes from an editor’s draft to a visitor’s French search and a member’s reading', async () => {
    const noScript = { javaScriptEnabled: false } as const;

    // An administrator, who edits, with two-factor sign-in.
    const editorContext = await browser.newContext(noScript);
    const editor = await editorContext.newPage();
    await becomeFirstAdministrator(editor, served, {
      name: 'Erika Editor',
      email: 'erika@example.org',
      password: PASSWORD,
    });

    // 1. The editor writes a good practice, makes a mistake, previews, saves.
    await editor.goto(`${served.baseUrl}/en/account`);
    await editor.getByRole('link', { name: 'Edit the Knowledge Centre' }).click();
    await editor.getByRole('link', { name: 'Good practice' }).click();
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => editor.getByRole('alert').textContent()).toContain('Enter a title.');
    await editor.getByLabel('Title').fill('Eviction prevention in Ghent');
    await editor
      .getByLabel('Summary')
      .fill('Ghent’s housing office steps in before a tenant is evicted.');
    await editor
      .getByRole('textbox', { name: 'Full text' })
      .fill('A **municipal fund** pays rent arrears.');
    await editor
      .getByRole('textbox', { name: 'The problem' })
      .fill('Evictions left families homeless.');
    await editor.getByRole('textbox', { name: 'Results' }).fill(DETAIL);
    await editor.getByLabel('Housing', { exact: true }).check();
    await editor.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => editor.locator('.preview').innerHTML())
      .toContain('<strong>municipal fund</strong>');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => editor.getByRole('status').first().textContent()).toContain('Saved.');
    const itemPath = new URL(editor.url()).pathname;

    // 2. Review, then publication.
    await editor.getByRole('button', { name: 'Send for review' }).click();
    await expect.poll(() => editor.locator('.life-cycle').textContent()).toContain('In review');
    await editor.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => editor.locator('.life-cycle').textContent()).toContain('Published');

    // 3. The French translation.
    await editor.getByRole('link', { name: 'Français (not translated yet)' }).click();
    await editor.getByLabel('Title').fill('Prévenir les expulsions à Gand');
    await editor
      .getByLabel('Summary')
      .fill('Le service du logement de Gand intervient avant l’expulsion d’un locataire.');
    await editor
      .getByRole('textbox', { name: 'Full text' })
      .fill('Un **fonds municipal** paie les arriérés de loyer.');
    await editor
      .getByRole('textbox', { name: 'The problem' })
      .fill('Les expulsions laissaient des familles sans logement.');
    await editor
      .getByRole('textbox', { name: 'Results' })
      .fill('Les expulsions ont baissé d’un tiers.');
    await editor.getByLabel('State of this translation').selectOption('reviewed');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => editor.getByRole('status').first().textContent()).toContain('Saved.');
    await editor.screenshot({
      path: path.join(SCREENSHOTS, 'en-editor-item-fr.png'),
      fullPage: true,
    });

    // 4. A visitor searches in French and reads the public part.
    const visitorContext = await browser.newContext(noScript);
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${served.baseUrl}/fr/search`);
    await visitor.getByLabel('Rechercher sur le site').fill('expulsions logement');
    await visitor.locator('main button[type=submit]').click();
    await visitor.getByRole('link', { name: 'Prévenir les expulsions à Gand' }).click();
    const publicText = (await visitor.locator('main').textContent()) ?? '';
    expect(publicText).toContain('Les expulsions laissaient des familles sans logement.');
    expect(publicText).not.toContain('baissé d’un tiers');
    expect(publicText).not.toContain(DETAIL);
    await visitor.screenshot({
      path: path.join(SCREENSHOTS, 'fr-practice-visitor.png'),
      fullPage: true,
    });

    // 5. A member (a practitioner approved individually) reads the detail.
    const account = new FormBrowser(served.app, '127.0.0.5');
    const memberPassword = 'the member’s long passphrase';
    await account.submit('/en/sign-up', '/en/sign-up', {
      name: 'Marta Member',
      email: 'marta@example.org',
      password: memberPassword,
      passwordConfirmation: memberPassword,
      consent: 'yes',
    });
    const verification = linkIn(smtp.received.at(-1)?.text, '/en/verify-email');
    await account.get(verification);
    await editor.goto(`${served.baseUrl}/en/admin/people?q=marta`);
    await editor.getByLabel('New role for Marta Member').selectOption('practitioner');
    await editor.getByRole('button', { name: 'Change the role of Marta Member' }).click();
    const memberContext = await browser.newContext(noScript);
    const member = await memberContext.newPage();
    await signIn(member, 'marta@example.org', memberPassword);
    await member.goto(`${served.baseUrl}/en/knowledge/good-practices/eviction-prevention-in-ghent`);
    await expect.poll(() => member.locator('main').textContent()).toContain(DETAIL);

    // 6. The editor imports useful links from a spreadsheet's CSV file.
    await editor.goto(`${served.baseUrl}/en/editor/import`);
    await editor.getByLabel('Useful links').check();
    await editor.getByLabel('CSV file').setInputFiles({
      name: 'links.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'group,title,url\nrefugees-and-migrants,Cities of refuge,https://example.org/refuge\n',
      ),
    });
    await editor.getByRole('button', { name: 'Check and import' }).click();
    await expect
      .poll(() => editor.getByRole('status').first().textContent())
      .toContain('1 row imported.');
    await visitor.goto(`${served.baseUrl}/en/knowledge/useful-links`);
    expect(await visitor.locator('main').textContent()).toContain('Cities of refuge');

    // 7. The editor attaches the city's report as a PDF (a mistake first: no file chosen).
    await editor.goto(`${served.baseUrl}${itemPath}/files`);
    await editor.getByRole('button', { name: 'Attach the file' }).click();
    await expect
      .poll(() => editor.locator('.error-summary').textContent())
      .toContain('Choose a file to attach.');
    // As GOV.UK does: the summary has the focus, and the title says the form came back.
    expect(await editor.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await editor.title()).toMatch(/^Error: /);
    await editor.getByLabel('Link text (optional)').fill('Evaluation report 2025');
    await editor.getByLabel('File', { exact: true }).setInputFiles({
      name: 'evaluation.pdf',
      mimeType: 'application/pdf',
      buffer: pdfDocument(['Eviction prevention in Ghent: evaluation', 'Mediation with landlords']),
    });
    await editor.getByRole('button', { name: 'Attach the file' }).click();
    await expect
      .poll(() => editor.getByRole('status').first().textContent())
      .toContain('The file is attached.');
    await editor.screenshot({
      path: path.join(SCREENSHOTS, 'en-editor-files.png'),
      fullPage: true,
    });
    await visitor.goto(
      `${served.baseUrl}/en/knowledge/good-practices/eviction-prevention-in-ghent`,
    );
    const report = visitor.getByRole('link', { name: 'Evaluation report 2025' });
    const download = await visitorContext.request.get(
      new URL((await report.getAttribute('href')) ?? '', served.baseUrl).href,
    );
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');

    // 8. Every new page and form, for the audit at the end.
    const [link] = await served.app.database.db.select({ id: links.id }).from(links).limit(1);
    const [group] = await served.app.database.db
      .select({ id: linkGroups.id })
      .from(linkGroups)
      .limit(1);
    await audit.pages('editor', editorContext, [
      `/en/editor/links/${link?.id ?? ''}`,
      `/en/editor/links/groups/${group?.id ?? ''}`,
      '/en/editor',
      '/en/editor?status=published',
      '/en/editor/new/practice',
      '/en/editor/new/publication',
      `${itemPath}?lang=fr`,
      `${itemPath}/revisions?lang=en`,
      '/en/editor/links',
      '/en/editor/links?failing=1',
      '/en/editor/links/new',
      '/en/editor/import',
      `${itemPath}/files`,
      '/en/editor/links/groups',
      '/en/editor/links/groups/new',
    ]);
    await audit.forms('editor', editorContext, ['/en/editor/links/new']);
    await audit.forms(
      'editor',
      editorContext,
      ['/en/editor/new/practice'],
      'main form.editor-form button[name=intent][value=save]',
    );
    await audit.pages('visitor', visitorContext, [
      '/en/knowledge/good-practices',
      '/en/knowledge/good-practices?theme=housing',
      '/en/knowledge/good-practices/eviction-prevention-in-ghent',
      '/en/search?q=logement',
      '/en/search?q=evictions&type=practice',
      '/en/search?q=evicton',
      // The confirmation link once used (it says so), and one that never was.
      verification,
      '/en/verify-email?token=not-a-token',
    ]);
    await audit.pages('member', memberContext, [
      '/en/knowledge/good-practices/eviction-prevention-in-ghent',
    ]);
    for (const context of [editorContext, visitorContext, memberContext]) await context.close();
  });
});

audit.declare(() => ({ browser, baseUrl: served.baseUrl }));
