/// <reference lib="dom" />
/**
 * The Experts' facility end to end in a real Chromium with JavaScript off: a visitor asks and
 * confirms by e-mail; an editor assigns the question to the expert the desk suggests; the expert
 * drafts and submits; the editor publishes it for everyone; the visitor follows it to the answer
 * and asks a follow-up. Every page of the desk, the workspace and the archive is checked with axe.
 */
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  becomeFirstAdministrator,
  launchBrowser,
  serveTestApp,
  signInThroughForm,
  type ServedApp,
} from '../support/browser.js';
import { createAudit } from '../support/audit.js';
import { signUpAndSignIn } from '../support/form-browser.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const PASSWORD = 'the editor’s long passphrase';
const QUESTION =
  'Our city wants a local ombudsperson for housing complaints. How do other cities fund one?';

const audit = createAudit('experts');
let smtp: TestSmtpServer;
let served: ServedApp;
let browser: Browser;
/** The app's clock runs this far ahead, so that the ask form's minimum fill time passes at once. */
let ahead = 0;
beforeAll(async () => {
  smtp = await startSmtpServer();
  [served, browser] = await Promise.all([
    serveTestApp({ smtpUrl: smtp.url, clock: () => new Date(Date.now() + ahead) }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
  await smtp?.close();
});

const local = (url: string): string => url.replace('http://localhost:3000', served.baseUrl);
const linkTo = (text: string | undefined, part: string): string =>
  local((text ?? '').match(/https?:\/\/\S+/g)?.find((url) => url.includes(part)) ?? '');
const lastMailTo = (email: string) =>
  smtp.received.filter((mail) => JSON.stringify(mail.to).includes(email)).at(-1);

const signIn = (page: Page, email: string, password: string): Promise<void> =>
  signInThroughForm(page, served.baseUrl, email, password);

describe('the Experts’ facility in Chromium, without JavaScript', () => {
  it('goes from a visitor’s question to a published answer and a follow-up', async () => {
    const noScript = { javaScriptEnabled: false } as const;

    // An expert on housing, with an account.
    await signUpAndSignIn(
      served.app,
      smtp,
      { name: 'Ines Expert', email: 'ines@example.org' },
      '127.0.4.1',
    );
    await served.app.database.db.execute(sql`
      UPDATE users SET role = 'expert' WHERE email = 'ines@example.org'`);
    await served.app.database.db.execute(sql`
      INSERT INTO profiles (user_id, themes, expertise)
      SELECT id, '{housing}', '{ombudsperson}' FROM users WHERE email = 'ines@example.org'`);

    // 1. A visitor asks, and confirms through the e-mailed link.
    const visitorContext = await browser.newContext(noScript);
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${served.baseUrl}/en/experts/ask`);
    await visitor.getByLabel('Your question').fill(QUESTION);
    await visitor.getByLabel('Topic').selectOption('housing');
    await visitor.getByLabel('Your e-mail address').fill('astrid@example.org');
    await visitor.getByLabel(/I agree that the network keeps my question/).check();
    ahead += 5_000;
    await visitor.getByRole('button', { name: 'Send my question' }).click();
    await expect.poll(() => visitor.locator('h1').textContent()).toBe('Check your e-mail');
    await visitor.goto(linkTo(lastMailTo('astrid@example.org')?.text, '/experts/confirm/'));
    await visitor.getByRole('button', { name: 'Confirm my question' }).click();
    await expect.poll(() => visitor.locator('h1').textContent()).toBe('Your question is confirmed');
    const followUrl = linkTo(lastMailTo('astrid@example.org')?.text, '/experts/questions/');

    // 2. The editor, with two-factor sign-in, assigns it to the suggested expert.
    const editorContext = await browser.newContext(noScript);
    const editor = await editorContext.newPage();
    await becomeFirstAdministrator(editor, served, {
      name: 'Erika Editor',
      email: 'erika@example.org',
      password: PASSWORD,
    });
    await editor.goto(`${served.baseUrl}/en/account`);
    await editor.getByRole('link', { name: 'Questions to the experts' }).click();
    await editor.getByRole('link', { name: /Our city wants a local ombudsperson/ }).click();
    const deskPath = new URL(editor.url()).pathname;
    await editor.getByRole('button', { name: 'Assign' }).click();
    await expect
      .poll(() => editor.getByRole('alert').textContent())
      .toContain('Choose at least one expert');
    await editor.getByLabel(/Ines Expert/).check();
    const due = new Date(Date.now() + ahead + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await editor.getByLabel('Answer due by').fill(due);
    await editor.getByRole('button', { name: 'Assign' }).click();
    await expect
      .poll(() => editor.getByRole('status').first().textContent())
      .toContain('The experts are assigned');
    expect(lastMailTo('ines@example.org')?.subject).toMatch(/^A question for you, due on/);

    // 3. The expert drafts, then submits, agreeing to be named.
    const expertContext = await browser.newContext(noScript);
    const expert = await expertContext.newPage();
    await signIn(expert, 'ines@example.org', 'Ines Expert has a long passphrase');
    await expert.goto(`${served.baseUrl}/en/account`);
    await expert.getByRole('link', { name: 'My questions to answer' }).click();
    await expert.getByRole('link', { name: /Our city wants a local ombudsperson/ }).click();
    const workspacePath = new URL(expert.url()).pathname;
    await expert
      .getByRole('textbox', { name: 'Answer' })
      .fill('Most cities pay for the office from the **general budget**.');
    await expert.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => expert.locator('.preview').innerHTML())
      .toContain('<strong>general budget</strong>');
    await expert.getByRole('button', { name: 'Save the draft' }).click();
    await expect
      .poll(() => expert.getByRole('status').first().textContent())
      .toContain('Your draft is saved.');
    await expert.getByLabel('Name me as the expert on the published answer').check();
    await expert.getByRole('button', { name: 'Submit to the editors' }).click();
    await expect
      .poll(() => expert.getByRole('status').first().textContent())
      .toContain('Your answer is with the editors.');

    // 4. The editor writes the summary and publishes for everyone.
    await editor.goto(`${served.baseUrl}${deskPath}`);
    await editor
      .getByLabel('Summary')
      .fill('Usually from the city’s general budget, sometimes with a regional grant.');
    await editor.getByLabel('On the site, for everyone').check();
    await editor.getByRole('button', { name: 'Publish the answer' }).click();
    await expect
      .poll(() => editor.getByRole('status').first().textContent())
      .toContain('The answer is published');
    expect(lastMailTo('astrid@example.org')?.subject).toBe('Your question is answered');

    // 5. The visitor follows the question to its answer and asks a follow-up.
    await visitor.goto(followUrl);
    await expect.poll(() => visitor.locator('main').textContent()).toContain('Answered.');
    await visitor.getByRole('link', { name: 'Read the published answer' }).click();
    await expect
      .poll(() => visitor.locator('main').innerHTML())
      .toContain('<strong>general budget</strong>');
    expect(await visitor.locator('main').textContent()).toContain('Ines Expert');
    expect(await visitor.locator('main').textContent()).not.toContain('astrid');
    const answerPath = new URL(visitor.url()).pathname;
    await visitor.getByRole('link', { name: 'Ask a follow-up question' }).click();
    expect(await visitor.getByLabel('Topic').inputValue()).toBe('housing');

    // axe on every new page, for the people who see it, and the desk's form with its problems.
    await audit.pages('editor', editorContext, [
      '/en/editor/questions',
      '/en/editor/questions?view=answered',
      deskPath,
    ]);
    await audit.pages('expert', expertContext, ['/en/experts/workspace', workspacePath]);
    await audit.pages('visitor', visitorContext, [
      '/en/experts/answers',
      '/en/experts/answers?theme=housing',
      answerPath,
      new URL(followUrl).pathname,
    ]);
    const second = await served.app.database.db.execute<{ id: string }>(sql`
      INSERT INTO questions (status, asker_email, locale, theme, question, fingerprint,
                             follow_token_hash, confirmed_at)
      VALUES ('new', 'second@example.org', 'en', 'education',
              'How do schools teach children their rights in practice?', 'second', 'second-follow', now())
      RETURNING id`);
    const secondPath = `/en/editor/questions/${second.rows[0]?.id}`;
    await audit.forms(
      'editor',
      editorContext,
      [secondPath],
      'main button[name=intent][value=publish]',
    );
    // Each of the desk's forms says what is missing, in the asker's words.
    const checker = await browser.newContext({ storageState: await editorContext.storageState() });
    const page = await checker.newPage();
    await page.goto(`${served.baseUrl}${secondPath}`);
    await page.getByRole('button', { name: 'Reject and tell the asker' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('ten characters');
    await page.getByRole('button', { name: 'Publish the answer' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Choose how to publish the answer.');
    await checker.close();
  });
});

audit.declare(() => ({ browser, baseUrl: served.baseUrl }));
