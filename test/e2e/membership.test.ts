/// <reference lib="dom" />
/**
 * The membership journey in a real Chromium with JavaScript off, mail through a real SMTP server:
 * an organisation applies → an administrator approves → its admin creates the account from the
 * e-mail, edits the profile and invites a colleague → the colleague signs in and reads
 * members-only content that a visitor sees only as a teaser. Every new page is checked with axe in
 * two languages, from a JavaScript-enabled copy of the same session.
 */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages } from '../../src/features/knowledge/knowledge.schema.js';
import {
  becomeFirstAdministrator,
  launchBrowser,
  SCREENSHOTS,
  serveTestApp,
  signInThroughForm,
  type ServedApp,
} from '../support/browser.js';
import { createAudit } from '../support/audit.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const CONTACT = 'Ana Lima, Human Rights Office';

const audit = createAudit('membership');
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

/** The path of the first link in the last message to `to` that contains `marker`. */
function linkInMail(to: string, marker: string): string {
  const index = smtp.recipients.findLastIndex((recipients) => recipients.includes(to));
  const text = smtp.received[index]?.text ?? '';
  const url = new RegExp(`https?://\\S*${marker}\\S*`).exec(text)?.[0] ?? 'http://missing/';
  return new URL(url).pathname + new URL(url).search;
}

const signIn = (page: Page, email: string, password: string): Promise<void> =>
  signInThroughForm(page, served.baseUrl, email, password);

describe('the membership journey without JavaScript', () => {
  it('goes from an application to a colleague reading the members layer', async () => {
    const noScript = { javaScriptEnabled: false } as const;

    // 1. An organisation applies.
    const visitor = await browser.newContext(noScript);
    const visitorPage = await visitor.newPage();
    await visitorPage.goto(`${served.baseUrl}/en/network/apply`);
    await visitorPage.getByLabel('Name of the organisation').fill('Prefeitura de Lisboa');
    await visitorPage.getByLabel('Kind of organisation').selectOption('municipality');
    await visitorPage.getByLabel('Membership applied for').selectOption('associate');
    await visitorPage.getByLabel('Country').selectOption('PT');
    await visitorPage.getByLabel('City (optional)').fill('Lisboa');
    await visitorPage
      .getByLabel('Why does your organisation want to join?')
      .fill('Lisbon wants to learn from the network’s cities.');
    await visitorPage.getByLabel('Your name').fill('Ana Lima');
    await visitorPage.getByLabel('Your e-mail address').fill('ana@example.org');
    await visitorPage.getByLabel('I have read the privacy notice.').check();
    await visitorPage.locator('main button[type=submit]').click();
    await expect
      .poll(() => visitorPage.getByRole('status').textContent())
      .toContain('ana@example.org');

    // 2. An administrator (with two-factor sign-in) approves it.
    const adminContext = await browser.newContext(noScript);
    const admin = await adminContext.newPage();
    await becomeFirstAdministrator(admin, served, {
      name: 'Grace Admin',
      email: 'grace@example.org',
      password: 'grace’s long passphrase',
    });
    await admin.goto(`${served.baseUrl}/en/account`);
    await admin.getByRole('link', { name: 'Applications' }).click();
    const application = admin.locator('article', { hasText: 'Prefeitura de Lisboa' });
    await application.getByLabel('Approve').check();
    await application.getByRole('button', { name: 'Record the decision' }).click();
    await expect
      .poll(() => admin.getByRole('status').first().textContent())
      .toContain('Decision recorded');

    // 3. The contact creates the organisation's admin account from the e-mail.
    const orgContext = await browser.newContext(noScript);
    const orgAdmin = await orgContext.newPage();
    await orgAdmin.goto(`${served.baseUrl}${linkInMail('ana@example.org', '/invitations/')}`);
    await orgAdmin.getByLabel('Your name').fill('Ana Lima');
    await orgAdmin.getByLabel('Password', { exact: true }).fill('Ana Lima’s long passphrase');
    await orgAdmin.getByLabel('Repeat the password').fill('Ana Lima’s long passphrase');
    await orgAdmin.getByLabel('I have read the privacy notice.').check();
    await orgAdmin.locator('main button[type=submit]').click();
    await signIn(orgAdmin, 'ana@example.org', 'Ana Lima’s long passphrase');
    await orgAdmin.getByRole('link', { name: 'Manage this organisation' }).click();

    // … edits the profile: a mistake first, then the members-only contact person.
    await orgAdmin.getByLabel('Latitude (optional)').fill('38.72');
    await orgAdmin.getByRole('button', { name: 'Save the profile' }).click();
    await expect
      .poll(() => orgAdmin.getByRole('alert').textContent())
      .toContain('Enter both latitude and longitude');
    await orgAdmin.getByLabel('Longitude (optional)').fill('-9.14');
    await orgAdmin.getByLabel('In English').fill('Lisbon works for the right to housing.');
    await orgAdmin.getByLabel('Housing', { exact: true }).check();
    await orgAdmin.getByLabel('11. Sustainable cities and communities').check();
    await orgAdmin.getByLabel('Name (optional)').fill(CONTACT);
    await orgAdmin.getByRole('button', { name: 'Save the profile' }).click();
    await expect
      .poll(() => orgAdmin.getByRole('status').first().textContent())
      .toContain('Profile saved');
    await orgAdmin.screenshot({
      path: path.join(SCREENSHOTS, 'en-manage-organisation.png'),
      fullPage: true,
    });

    // … and invites a colleague.
    await orgAdmin.getByLabel('Their e-mail address').fill('rui@example.org');
    await orgAdmin.getByLabel('Their role').selectOption('member');
    await orgAdmin.getByRole('button', { name: 'Send the invitation' }).click();
    await expect
      .poll(() => orgAdmin.getByRole('status').first().textContent())
      .toContain('Invitation sent');

    // 4. The colleague creates an account and signs in.
    const colleagueContext = await browser.newContext(noScript);
    const colleague = await colleagueContext.newPage();
    const invitation = linkInMail('rui@example.org', '/invitations/');
    // The invitation before it is used, and sent empty, in every language.
    await audit.now('visitor', colleagueContext, [invitation], [invitation]);
    await colleague.goto(`${served.baseUrl}${invitation}`);
    await colleague.getByLabel('Your name').fill('Rui Costa');
    await colleague.getByLabel('Password', { exact: true }).fill('Rui Costa’s long passphrase');
    await colleague.getByLabel('Repeat the password').fill('Rui Costa’s long passphrase');
    await colleague.getByLabel('I have read the privacy notice.').check();
    await colleague.locator('main button[type=submit]').click();
    await expect
      .poll(() => colleague.locator('main').textContent())
      .toContain('reach other practitioners');
    await signIn(colleague, 'rui@example.org', 'Rui Costa’s long passphrase');

    // Members-only content: the contact person, and a members-only page.
    await served.app.database.db
      .update(pages)
      .set({ access: 'members' })
      .where(eq(pages.slug, 'who-we-are'));
    await served.app.renderCache?.invalidateEverywhere();
    await colleague.goto(`${served.baseUrl}/en/network`);
    await colleague.getByRole('link', { name: 'Prefeitura de Lisboa' }).first().click();
    await expect.poll(() => colleague.locator('main').textContent()).toContain(CONTACT);
    await colleague.goto(`${served.baseUrl}/en/about/who-we-are`);
    expect(await colleague.getByRole('heading', { level: 1 }).textContent()).toBe('Who we are');
    await colleague.screenshot({
      path: path.join(SCREENSHOTS, 'en-organisation-member-view.png'),
      fullPage: true,
    });

    // A visitor sees the organisation without its contact, and the teaser for the page.
    await visitorPage.goto(`${served.baseUrl}/en/network/prefeitura-de-lisboa`);
    expect(await visitorPage.locator('main').textContent()).toContain(
      'Lisbon works for the right to housing.',
    );
    expect(await visitorPage.locator('main').textContent()).not.toContain(CONTACT);
    await visitorPage.goto(`${served.baseUrl}/en/about/who-we-are`);
    expect(await visitorPage.getByRole('heading', { level: 1 }).textContent()).toBe(
      'For network members',
    );

    // Ana lists herself in the people directory; her colleague finds her there.
    await orgAdmin.goto(`${served.baseUrl}/en/account/profile`);
    await orgAdmin.getByLabel('Role or position (optional)').fill('Human rights officer');
    await orgAdmin.getByLabel('List me in the members’ people directory').check();
    await orgAdmin.getByRole('button', { name: 'Save the profile' }).click();
    await expect
      .poll(() => orgAdmin.getByRole('status').first().textContent())
      .toContain('Profile saved');
    await colleague.goto(`${served.baseUrl}/en/network/people`);
    await colleague.getByRole('link', { name: 'Ana Lima' }).click();
    const personPath = new URL(colleague.url()).pathname;
    expect(personPath).toMatch(/^\/en\/network\/people\/[^/]+$/);

    // The administrator signs in again: the second step waits for the code from the app.
    const signingIn = await browser.newContext(noScript);
    const secondStep = await signingIn.newPage();
    await signIn(secondStep, 'grace@example.org', 'grace’s long passphrase');
    await secondStep.waitForURL(/\/en\/sign-in\/two-factor$/);

    // 5. Every new page, for the audit at the end.
    await audit.pages('administrator-signing-in', signingIn, ['/en/sign-in/two-factor']);
    await audit.forms('administrator-signing-in', signingIn, ['/en/sign-in/two-factor']);
    await audit.pages('organisation-administrator', orgContext, [
      '/en/network/prefeitura-de-lisboa/manage',
      '/en/network/prefeitura-de-lisboa/profile',
      '/en/account/profile',
    ]);
    await audit.pages('member', colleagueContext, [
      '/en/network/prefeitura-de-lisboa',
      '/en/network/people',
      personPath,
      '/en/about/who-we-are',
    ]);
    await audit.forms('member', colleagueContext, [personPath]);
    await audit.pages('administrator', adminContext, [
      '/en/admin/organisations',
      '/en/admin/people',
    ]);
    await audit.pages('visitor', visitor, [
      '/en/network?kind=municipality&sdg=11',
      '/en/network?theme=housing',
      '/en/network/people',
    ]);
    await served.app.database.db
      .update(pages)
      .set({ access: 'public' })
      .where(eq(pages.slug, 'who-we-are'));
    await served.app.renderCache?.invalidateEverywhere();
    for (const context of [visitor, adminContext, orgContext, colleagueContext, signingIn])
      await context.close();
  });
});

audit.declare(() => ({ browser, baseUrl: served.baseUrl }));
