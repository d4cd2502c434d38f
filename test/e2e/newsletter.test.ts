/// <reference lib="dom" />
/**
 * The newsletter in a real Chromium with JavaScript off: a visitor subscribes (the form's
 * problems first), confirms through the e-mailed link; an editor composes an issue and sends it;
 * the job delivers it; the visitor stops it with the message's link. Every new page, and the
 * forms with their problems shown, join the every-language audit.
 */
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  becomeFirstAdministrator,
  launchBrowser,
  serveTestApp,
  type ServedApp,
} from '../support/browser.js';
import { createAudit } from '../support/audit.js';
import { FormBrowser } from '../support/form-browser.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const audit = createAudit('newsletter');
let smtp: TestSmtpServer;
let served: ServedApp;
let browser: Browser;
beforeAll(async () => {
  smtp = await startSmtpServer();
  [served, browser] = await Promise.all([
    serveTestApp({ smtpUrl: smtp.url, trustProxy: true }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
  await smtp?.close();
});

const noScript = { javaScriptEnabled: false } as const;
let editorContext: BrowserContext;
let visitorContext: BrowserContext;
let issuePath = '';
let unsubscribePath = '';

async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor();
  return locator.first().innerText();
}
const lastMailTo = (email: string) =>
  smtp.received.findLast((mail) => JSON.stringify(mail.to).includes(email));

describe('the newsletter in Chromium, without JavaScript', () => {
  it('goes from a visitor’s subscription to an issue received and stopped with one click', async () => {
    // 1. A visitor subscribes: the consent forgotten first, then given.
    visitorContext = await browser.newContext(noScript);
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${served.baseUrl}/en/newsletter`);
    await visitor.getByLabel('Your e-mail address').fill('vic.visitor@example.org');
    await visitor.getByRole('button', { name: 'Subscribe' }).click();
    expect(await textOf(visitor.getByRole('alert'))).toContain('Agree to the privacy notice');
    expect(await visitor.getByLabel('Your e-mail address').inputValue()).toBe(
      'vic.visitor@example.org',
    );
    await visitor.getByLabel(/I agree that the network keeps my address/).check();
    await visitor.getByRole('button', { name: 'Subscribe' }).click();
    expect(await textOf(visitor.getByRole('status'))).toContain('a message with a link');
    const link = /https?:\/\/\S+\/newsletter\/confirm\/[\w-]+/.exec(
      lastMailTo('vic.visitor@example.org')?.text ?? '',
    )?.[0];
    await visitor.goto(`${served.baseUrl}${new URL(link ?? 'http://x/').pathname}`);
    await visitor.getByRole('button', { name: 'Confirm my subscription' }).click();
    expect(await textOf(visitor.getByRole('status'))).toContain('the next issue');

    // 2. An editor composes an issue with an entry of the Knowledge Centre, and sends it.
    editorContext = await browser.newContext(noScript);
    const editor = await editorContext.newPage();
    await becomeFirstAdministrator(editor, served, {
      name: 'Erika Editor',
      email: 'erika@example.org',
      password: 'the editor’s long passphrase',
    });
    await editor.goto(`${served.baseUrl}/en/editor/newsletter`);
    await editor.getByRole('link', { name: 'New issue' }).click();
    await editor.locator('#introduction-en').fill('A **winter** letter.');
    await editor.getByRole('button', { name: 'Save the draft' }).click();
    expect(await textOf(editor.getByRole('alert'))).toContain('Write a subject');
    expect(await editor.locator('#introduction-en').inputValue()).toBe('A **winter** letter.');
    await editor.locator('#subject-en').fill('Winter in the network');
    const pick = editor.locator('#picks input[type=checkbox]').nth(5);
    const picked = await editor
      .locator(`label[for="${await pick.getAttribute('id')}"]`)
      .innerText();
    await pick.check();
    await editor.getByRole('button', { name: 'Save the draft' }).click();
    expect(await textOf(editor.getByRole('status'))).toContain('The draft is saved.');
    issuePath = new URL(editor.url()).pathname;
    await editor.getByRole('button', { name: 'Send now' }).click();
    expect(await textOf(editor.getByRole('status'))).toContain('on its way');
    await served.app.jobs.find((job) => job.name === 'newsletter.send')?.run();
    await editor.goto(`${served.baseUrl}/en/editor/newsletter`);
    expect(await textOf(editor.locator('main table'))).toContain('1 recipient: 1 sent');

    // 3. The visitor reads it, then stops it with the message's own link.
    const issue = lastMailTo('vic.visitor@example.org');
    expect(issue?.subject).toBe('Winter in the network');
    expect(issue?.text).toContain(picked);
    const header = issue?.headerLines.find((line) => line.key === 'list-unsubscribe')?.line ?? '';
    unsubscribePath = new URL(/<(http[^>]+)>/.exec(header)?.[1] ?? 'http://x/').pathname;
    await visitor.goto(`${served.baseUrl}${unsubscribePath}`);
    await visitor.getByRole('button', { name: 'Unsubscribe' }).click();
    expect(await textOf(visitor.getByRole('status'))).toContain('no longer receives');
    await visitor.goto(`${served.baseUrl}/en/newsletter/archive`);
    await visitor.getByRole('link', { name: 'Winter in the network' }).click();
    expect(await textOf(visitor.locator('main'))).toContain(picked);
  });

  it('records its pages and forms for the audit', async () => {
    // A link still to follow, for the confirmation page.
    await new FormBrowser(served.app, '127.0.5.1').submit(
      '/fr/newsletter',
      '/fr/newsletter/subscribe',
      { email: 'pending@example.org', locale: 'fr', consent: 'yes' },
    );
    const confirm = new URL(
      /https?:\/\/\S+\/newsletter\/confirm\/[\w-]+/.exec(
        lastMailTo('pending@example.org')?.text ?? '',
      )?.[0] ?? 'http://x/',
    ).pathname;
    const id = issuePath.split('/').at(-1) ?? '';
    await audit.pages('visitor', visitorContext, [
      '/en/newsletter',
      confirm,
      confirm.replace(/[\w-]+$/, 'no-such-token'),
      unsubscribePath,
      '/en/newsletter/archive',
      `/en/newsletter/archive/${id}`,
    ]);
    await audit.pages('editor', editorContext, [
      '/en/newsletter',
      '/en/editor/newsletter',
      '/en/editor/newsletter/new',
      issuePath,
      `${issuePath}/preview?as=visitor&lang=en`,
      `${issuePath}/preview?as=member&lang=fr`,
    ]);
    await audit.forms(
      'editor',
      editorContext,
      ['/editor/newsletter/new'],
      'main form button[type=submit]',
    );
    // The subscribe form, sent empty from an address of its own in each language (TRUST_PROXY).
    await audit.forms('visitor', visitorContext, ['/newsletter'], 'main form button[type=submit]');
    for (const context of [editorContext, visitorContext]) await context.close();
  });
});

audit.declare(() => ({ browser, baseUrl: served.baseUrl }));
