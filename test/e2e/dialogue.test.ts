/// <reference lib="dom" />
/**
 * The dialogue in a real Chromium with JavaScript off: an editor opens a working group's space;
 * a member of the group starts a thread, another replies on the web and a third, who follows the
 * discussion, by e-mail (through a real SMTP server both ways); the third flags the web reply, a
 * moderator's flag hides it and the moderator restores it from the queue; the author marks the
 * answer. Every new page is checked with axe in two languages and both colour schemes, the forms
 * with their problems shown included.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logging/logger.js';
import { startInboundSmtp, type InboundServer } from '../../src/platform/mail/inbound.js';
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

const audit = createAudit('dialogue');
let smtp: TestSmtpServer;
let served: ServedApp;
let browser: Browser;
let inbound: InboundServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
  [served, browser] = await Promise.all([
    serveTestApp({ smtpUrl: smtp.url, replyDomain: 'reply.example.org' }),
    launchBrowser(),
  ]);
  inbound = await startInboundSmtp({
    host: '127.0.0.1',
    port: 0,
    mailbox: served.app.mailbox,
    log: createLogger('silent'),
  });
});
afterAll(async () => {
  await inbound?.close();
  await browser?.close();
  await served?.close();
  await smtp?.close();
});

const noScript = { javaScriptEnabled: false } as const;
let editorContext: BrowserContext;
let ana: { context: BrowserContext; page: Page };
let threadPath = '';
let unsubscribePath = '';
let moderatePath = '';

/** A member of Utrecht's organisation, signed in in a browser of their own without JavaScript. */
async function member(n: number, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const email = `${name.toLowerCase()}@example.org`;
  await signUpAndSignIn(served.app, smtp, { name, email }, `127.0.6.${n}`);
  const db = served.app.database.db;
  await db.execute(sql`
    UPDATE users SET role = 'practitioner', created_at = now() - interval '30 days'
     WHERE email = ${email}`);
  await db.execute(sql`
    INSERT INTO organisation_members (organisation_id, user_id)
    SELECT o.id, u.id FROM organisations o, users u
     WHERE o.slug = 'utrecht-group-city' AND u.email = ${email}`);
  const context = await browser.newContext(noScript);
  const page = await context.newPage();
  await signInThroughForm(page, served.baseUrl, email, `${name} has a long passphrase`);
  await page.waitForURL(/\/en\/account/);
  return { context, page };
}

/** The text of the first element a locator finds, once it is there. */
async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor();
  return locator.first().innerText();
}

describe('the dialogue in Chromium, without JavaScript', () => {
  it('goes from a working group’s space to a question answered, past a flag', async () => {
    await served.app.database.db.execute(sql`
      INSERT INTO organisations (slug, name, kind, status)
      VALUES ('utrecht-group-city', 'Utrecht Group City', 'city', 'active')`);
    editorContext = await browser.newContext(noScript);
    const editor = await editorContext.newPage();
    await becomeFirstAdministrator(editor, served, {
      name: 'Erika Editor',
      email: 'erika@example.org',
      password: 'the editor’s long passphrase',
    });

    // 1. The editor opens a working group's space.
    await editor.goto(`${served.baseUrl}/en/dialogue`);
    await editor.getByRole('link', { name: 'Open a new space' }).click();
    await editor.getByLabel('Name', { exact: true }).fill('Housing working group');
    await editor.getByLabel('Address', { exact: true }).fill('housing-group');
    await editor.getByLabel('What the space is for').fill('Cities compare **housing** policies.');
    await editor.getByLabel('Who reads and writes here').selectOption('group');
    await editor.getByLabel('Organisations of the working group').selectOption({
      label: 'Utrecht Group City',
    });
    await editor.getByRole('button', { name: 'Save the space' }).click();
    await editor.waitForURL(/\/en\/dialogue\/housing-group$/);

    // 2. A member starts a thread (a too-short title first: refused, the text kept).
    ana = await member(1, 'Ana');
    await ana.page.goto(`${served.baseUrl}/en/dialogue`);
    await ana.page.getByRole('link', { name: 'Housing working group' }).click();
    await ana.page.getByRole('link', { name: 'Start a discussion' }).click();
    await ana.page.getByLabel('Title').fill('Eh');
    await ana.page.getByLabel('Your message').fill('How do you count **empty** homes?');
    await ana.page.getByRole('button', { name: 'Start the discussion' }).click();
    expect(await textOf(ana.page.getByRole('alert'))).toContain('Write a title of 5 to 200');
    expect(await ana.page.getByLabel('Your message').inputValue()).toBe(
      'How do you count **empty** homes?',
    );
    await ana.page.getByLabel('Title').fill('How do you count empty homes?');
    await ana.page.getByRole('button', { name: 'Start the discussion' }).click();
    await ana.page.waitForURL(/\/en\/dialogue\/housing-group\/\d+$/);
    threadPath = new URL(ana.page.url()).pathname;

    // 3. A third member follows the discussion; another replies on the web.
    const cleo = await member(3, 'Cleo');
    await cleo.page.goto(`${served.baseUrl}${threadPath}`);
    await cleo.page.getByRole('button', { name: 'Follow this discussion by e-mail' }).click();
    await cleo.page.getByRole('button', { name: 'Stop following' }).waitFor();
    const ben = await member(2, 'Ben');
    await ben.page.goto(`${served.baseUrl}${threadPath}`);
    await ben.page.getByLabel('Your reply').fill('We use the utilities’ meter data.');
    await ben.page.getByRole('button', { name: 'Post the reply' }).click();
    await ben.page.waitForURL(/post=2#p2$/);

    // 4. The follower is told by e-mail and answers by e-mail: the reply is in the thread.
    await served.app.jobs.find((job) => job.name === 'dialogue.notify')?.run();
    const told = smtp.received.find(
      (mail) =>
        JSON.stringify(mail.to).includes('cleo@example.org') &&
        mail.subject?.includes('How do you count empty homes?'),
    );
    expect(told?.text).toContain('We use the utilities’ meter data.');
    const listUnsubscribe = told?.headerLines.find((line) => line.key === 'list-unsubscribe');
    unsubscribePath = new URL(/<([^>]+)>/.exec(listUnsubscribe?.line ?? '')?.[1] ?? '').pathname;
    const client = nodemailer.createTransport({
      host: '127.0.0.1',
      port: inbound.port,
      secure: false,
      ignoreTLS: true,
    });
    await client.sendMail({
      from: 'Cleo <cleo@example.org>',
      to: told?.replyTo?.value[0]?.address ?? '',
      subject: `Re: ${told?.subject ?? ''}`,
      text: 'We also ask the housing associations.\n\n> We use the utilities’ meter data.',
    });
    client.close();
    await cleo.page.reload();
    expect(await textOf(cleo.page.locator('#p3'))).toContain(
      'We also ask the housing associations.',
    );

    // 5. The third member flags the web reply; the moderator's flag hides it; the queue
    // restores it.
    await cleo.page.locator('#p2 details.flag summary').click();
    await cleo.page.locator('#p2').getByLabel('It is off-topic').check();
    await cleo.page.locator('#p2').getByRole('button', { name: 'Send to the moderators' }).click();
    expect(await textOf(cleo.page.getByRole('status'))).toContain('the moderators will look');
    await editor.goto(`${served.baseUrl}${threadPath}`);
    await editor.locator('#p2 details.flag summary').click();
    await editor.locator('#p2').getByLabel('It is spam or advertising').check();
    await editor.locator('#p2').getByRole('button', { name: 'Send to the moderators' }).click();
    await cleo.page.reload();
    expect(await textOf(cleo.page.locator('#p2'))).toContain('hidden while the moderators review');
    moderatePath = new URL(
      (await editor
        .locator('#p2')
        .getByRole('link', { name: 'Moderate post 2' })
        .getAttribute('href')) ?? '',
      served.baseUrl,
    ).pathname;
    await editor.goto(`${served.baseUrl}/en/editor/dialogue`);
    expect(await textOf(editor.locator('main'))).toContain('It is off-topic');
    await editor.getByRole('button', { name: 'Show the post' }).click();
    expect(await textOf(editor.getByRole('status'))).toContain('the post’s state is saved');
    await cleo.page.reload();
    expect(await textOf(cleo.page.locator('#p2'))).toContain('meter data');

    // 6. The author marks the reply as the answer: shown under the question.
    await ana.page.reload();
    await ana.page.getByRole('button', { name: 'Mark as the answer post 2' }).click();
    expect(await textOf(ana.page.locator('section.answer'))).toContain('meter data');
    await ana.page.screenshot({
      path: path.join(SCREENSHOTS, 'dialogue-thread-answered.png'),
      fullPage: true,
    });
    for (const context of [ben.context, cleo.context]) await context.close();
  });

  it('records its pages and forms for the audit', async () => {
    // The author's own post, to edit (the edit form emptied and sent shows its problems).
    await ana.page.goto(`${served.baseUrl}${threadPath}`);
    const editPath = new URL(
      (await ana.page.locator('#p1 a[href$="/edit"]').getAttribute('href')) ?? '',
      served.baseUrl,
    ).pathname;
    expect(editPath).toMatch(/\/posts\/[^/]+\/edit$/);
    await audit.forms('member', ana.context, [editPath], 'main button[type=submit]', {
      clear: true,
    });
    await audit.pages('member', ana.context, [
      editPath,
      '/en/dialogue',
      '/en/dialogue/housing-group',
      '/en/dialogue/housing-group?show=unanswered',
      threadPath,
      '/en/dialogue/housing-group/new',
      unsubscribePath,
    ]);
    await audit.pages('editor', editorContext, [
      '/en/editor/dialogue',
      '/en/editor/dialogue/spaces/new',
      '/en/editor/dialogue/spaces/housing-group',
      threadPath,
      moderatePath,
    ]);
    await audit.forms('editor', editorContext, [
      '/editor/dialogue/spaces/new',
      '/dialogue/housing-group/new',
    ]);
    for (const context of [editorContext, ana.context]) await context.close();
  });
});

audit.declare(() => ({ browser, baseUrl: served.baseUrl }));
