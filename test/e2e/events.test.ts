/// <reference lib="dom" />
/**
 * Events in a real Chromium with JavaScript off: an editor creates a workshop with two places
 * (a time the clocks skip first, refused with the typed text kept) and publishes it; three people
 * register (the third waits), one cancels, and the third is moved up and told by e-mail through a
 * real SMTP server. Every new page is checked with axe in two languages and both colour schemes,
 * the form with its problems shown included.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  becomeFirstAdministrator,
  launchBrowser,
  SCREENSHOTS,
  serveTestApp,
  signInThroughForm,
  type ServedApp,
} from '../support/browser.js';
import { createAudit } from '../support/audit.js';
import { signUpAndSignIn } from '../support/form-browser.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const audit = createAudit('events');
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

// Shared by the journey and the accessibility check that follows it.
let editorContext: BrowserContext;
let cleo: { context: BrowserContext; page: Page };
let formPath = '';
const SLUG = 'housing-rights-brainstorm';

/** A person with a confirmed address, signed in in a browser of their own without JavaScript. */
async function person(n: number, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const email = `${name.toLowerCase()}@example.org`;
  await signUpAndSignIn(served.app, smtp, { name, email }, `127.0.5.${n}`);
  const context = await browser.newContext(noScript);
  const page = await context.newPage();
  await signInThroughForm(page, served.baseUrl, email, `${name} has a long passphrase`);
  await page.waitForURL(/\/en\/account/);
  await page.goto(`${served.baseUrl}/en/events/${SLUG}`);
  return { context, page };
}

describe('events in Chromium, without JavaScript', () => {
  it('go from an editor’s workshop to a waiting list that moves up by itself', async () => {
    editorContext = await browser.newContext(noScript);
    const editor = await editorContext.newPage();
    await becomeFirstAdministrator(editor, served, {
      name: 'Erika Editor',
      email: 'erika@example.org',
      password: 'the editor’s long passphrase',
    });

    // 1. The editor creates a workshop; a time the clocks skip is refused, the text kept.
    await editor.goto(`${served.baseUrl}/en/editor`);
    await editor.getByRole('link', { name: 'Manage the events' }).click();
    await editor.getByRole('link', { name: 'New event' }).click();
    await editor.getByLabel('Title', { exact: true }).fill('Housing rights brainstorm');
    await editor.getByLabel('Summary').fill('Three cities bring one question each.');
    await editor.getByLabel('Kind of event').selectOption('workshop');
    await editor.getByLabel('Time zone of the event').selectOption('Europe/Vienna');
    await editor.getByLabel('Starts', { exact: true }).fill('2027-03-28T02:30');
    await editor.getByLabel('Ends', { exact: true }).fill('2027-03-28T05:00');
    await editor.getByLabel('Venue and address').fill('Rathaus, Friedrich-Schmidt-Platz 1');
    await editor.getByLabel('City', { exact: true }).fill('Vienna');
    await editor.getByLabel('Places', { exact: true }).fill('2');
    const question = editor.getByRole('group', { name: 'Question 1' });
    await question.getByLabel('Kind of question').selectOption('choice');
    await question.getByLabel('The question').fill('Which question does your city bring?');
    await question.getByLabel('Options').fill('Evictions\nRent control');
    await question.getByLabel('An answer is required').check();
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => editor.locator('.error-summary').textContent())
      .toContain('This time does not exist in the event’s time zone');
    expect(await editor.getByLabel('Title', { exact: true }).inputValue()).toBe(
      'Housing rights brainstorm',
    );
    await editor.screenshot({
      path: path.join(SCREENSHOTS, 'events-form-errors.png'),
      fullPage: true,
    });
    await editor.getByLabel('Starts', { exact: true }).fill('2027-03-28T09:30');
    await editor.getByLabel('Ends', { exact: true }).fill('2027-03-28T12:00');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => editor.getByRole('status').first().textContent())
      .toContain('The event is saved.');
    formPath = new URL(editor.url()).pathname;
    await editor.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => editor.locator('.life-cycle').textContent()).toContain('Published');

    // 2. Three people register; the third joins the waiting list.
    const ana = await person(1, 'Ana');
    // Without an answer to the organisers' question, the form comes back saying so.
    await ana.page.getByRole('button', { name: 'Register' }).click();
    await expect
      .poll(() => ana.page.locator('.error-summary').textContent())
      .toContain('Answer this question to register.');
    // The registration form with its problem, in every language and both schemes, while open.
    await audit.now(
      'registrant',
      ana.context,
      [],
      [`/en/events/${SLUG}`],
      'form[action$="/register"] button[type=submit]',
    );
    await ana.page.screenshot({
      path: path.join(SCREENSHOTS, 'events-register-questions.png'),
      fullPage: true,
    });
    await ana.page.getByLabel('Rent control').check();
    await ana.page.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => ana.page.locator('main').textContent()).toContain('You have a place.');
    const ben = await person(2, 'Ben');
    await ben.page.getByLabel('Evictions').check();
    await ben.page.getByRole('button', { name: 'Register' }).click();
    cleo = await person(3, 'Cleo');
    expect(await cleo.page.locator('main').textContent()).toContain('Every place is taken.');
    await cleo.page.getByLabel('Evictions').check();
    await cleo.page.getByRole('button', { name: 'Join the waiting list' }).click();
    await expect
      .poll(() => cleo.page.locator('main').textContent())
      .toContain('You are number 1 on the waiting list.');

    // 3. Ana cancels; Cleo has her place, and is told by e-mail.
    await ana.page.getByRole('button', { name: 'Cancel my registration' }).click();
    await expect
      .poll(() => ana.page.getByRole('status').first().textContent())
      .toContain('Your registration is cancelled.');
    await cleo.page.reload();
    expect(await cleo.page.locator('main').textContent()).toContain('You have a place.');
    const told = smtp.received.findLast((mail) => JSON.stringify(mail.to).includes('cleo@'));
    expect(told?.subject).toBe('A place is yours at “Housing rights brainstorm”');
    expect(told?.text).toContain('28 March 2027');

    // 4. The editor sees the places taken.
    await editor.goto(`${served.baseUrl}/en/editor/events`);
    expect(await editor.locator('main').textContent()).toContain('2 of 2 places taken, 0 waiting');

    // 5. The editor marks who came and closes the workshop with its outcomes.
    await editor.goto(`${served.baseUrl}${formPath}`);
    await editor.getByRole('link', { name: 'Registrants, attendance and messages' }).click();
    await editor.getByLabel('Ben came').check();
    await editor.getByLabel('Cleo came').check();
    await editor.getByRole('button', { name: 'Save who came' }).click();
    await expect
      .poll(() => editor.getByRole('status').first().textContent())
      .toContain('2 people came');
    // The outcomes form, checked with axe in every language and both schemes while it is open.
    await audit.now('editor', editorContext, [`${formPath}/outcomes`]);
    await editor.goto(`${served.baseUrl}${formPath}`);
    await editor.getByRole('link', { name: 'Close the event with its outcomes' }).click();
    await editor
      .getByLabel('Summary of the outcomes', { exact: true })
      .fill('Each city takes one idea home.');
    await editor
      .getByLabel('Conclusions', { exact: true })
      .fill('Vienna will test a rent mediation desk.');
    await editor.getByRole('button', { name: 'Close the event and publish its outcomes' }).click();
    await expect
      .poll(() => editor.getByRole('status').first().textContent())
      .toContain('The event is closed');

    // 6. A visitor reads the outcomes in the Knowledge Centre.
    const visitorContext = await browser.newContext(noScript);
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${served.baseUrl}/en/events/${SLUG}`);
    expect(await visitor.locator('main').textContent()).toContain('2 people took part.');
    await visitor.getByRole('link', { name: 'Read the outcomes in the Knowledge Centre' }).click();
    expect(await visitor.locator('h1').textContent()).toBe(
      'Outcomes of “Housing rights brainstorm”',
    );
    expect(await visitor.locator('main').textContent()).toContain(
      'Vienna will test a rent mediation desk.',
    );
    await visitor.screenshot({ path: path.join(SCREENSHOTS, 'events-outcomes-item.png') });

    for (const context of [visitorContext, ana.context, ben.context]) await context.close();
  });

  it('records its pages and forms for the audit', async () => {
    await audit.pages('editor', editorContext, [
      '/en/editor/events',
      '/en/editor/events/new',
      formPath,
      `${formPath}?lang=fr`,
      `${formPath}/registrants`,
      `${formPath}/registrants?done=sent&count=2`,
    ]);
    await audit.forms(
      'editor',
      editorContext,
      ['/en/editor/events/new'],
      'main form.editor-form button[type=submit]',
    );
    await audit.pages('registrant', cleo.context, [
      `/en/events/${SLUG}`,
      `/en/knowledge/publications/${SLUG}-outcomes`,
      '/en/account/events',
      '/en/events?view=month&month=2027-03',
    ]);
    for (const context of [editorContext, cleo.context]) await context.close();
  });
});

audit.declare(() => ({ browser, baseUrl: served.baseUrl }));
