/// <reference lib="dom" />
/**
 * Every page of the layout in a real Chromium, in two languages: a screenshot for people to look
 * at, and axe (WCAG 2.0/2.1/2.2 A and AA) with zero violations. Then journeys with JavaScript off.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveTestApp, type ServedApp } from '../support/browser.js';
import { totpCode } from '../support/form-browser.js';
import { LOCALES, createAudit, nextAddress } from '../support/audit.js';

const SCREENSHOTS = path.resolve('test-results/screenshots');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// A question waiting for its asker's confirmation, for the pages its two links open.
const CONFIRM_TOKEN = 'e2e-confirm-token-0123456789';
const FOLLOW_TOKEN = 'e2e-follow-token-0123456789';
// A published answer, for the archive and the answer's page.
const ANSWER_ID = '00000000-0000-4000-8000-0000000e2e01';
const PAGES = [
  '/',
  '/about',
  '/about/how-we-work',
  '/about/who-we-are',
  '/network',
  '/network/raoul-wallenberg-institute',
  '/knowledge',
  '/knowledge/human-rights-framework',
  '/knowledge/publications',
  '/knowledge/institutions',
  '/knowledge/thematic-issues',
  '/knowledge/other-issues',
  '/knowledge/useful-links',
  '/knowledge/good-practices',
  '/knowledge/work-in-progress',
  '/experts',
  '/experts/ask',
  `/experts/confirm/${CONFIRM_TOKEN}`,
  `/experts/questions/${FOLLOW_TOKEN}`,
  '/experts/answers',
  `/experts/answers/${ANSWER_ID}`,
  '/events',
  '/events?when=past',
  '/events/us-human-rights-cities-gathering-pittsburgh-2015',
  '/events/e2e-workshop',
  '/search?q=city',
  '/api',
  '/privacy',
  '/network/apply',
  '/sign-in',
  '/sign-up',
  '/forgot-password',
  '/reset-password?token=x',
  '/no-such-page',
];

const audit = createAudit('pages');
let served: ServedApp;
let browser: Browser;
beforeAll(async () => {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  [served, browser] = await Promise.all([serveTestApp({ trustProxy: true }), launchBrowser()]);
  const hash = (token: string) => createHash('sha256').update(token).digest('hex');
  await served.app.database.db.execute(sql`
    WITH event AS (
      INSERT INTO events (slug, kind, status, original_locale, time_zone, starts_at, ends_at,
                          place, city, country, online_url, themes, registration, capacity)
      VALUES ('e2e-workshop', 'workshop', 'published', 'en', 'Europe/Vienna',
              now() + interval '40 days', now() + interval '40 days 3 hours', 'Rathaus', 'Graz',
              'AT', 'https://meet.example.org/e2e', '{housing}', 'open', 12)
      RETURNING id)
    INSERT INTO event_translations (event_id, locale, title, summary, description)
    SELECT id, 'en', 'Housing first: a brainstorming workshop', 'Cities compare their programmes.',
           'We start from **Graz**.' FROM event`);
  await served.app.database.db.execute(sql`
    INSERT INTO questions (asker_email, locale, theme, country, question, fingerprint,
                           confirm_token_hash, follow_token_hash)
    VALUES ('e2e@example.org', 'en', 'housing', 'SE',
            'How do cities fund a local ombudsperson for human rights?', 'e2e',
            ${hash(CONFIRM_TOKEN)}, ${hash(FOLLOW_TOKEN)})`);
  await served.app.database.db.execute(sql`
    INSERT INTO questions (id, status, asker_email, locale, theme, question, fingerprint,
                           follow_token_hash, confirmed_at, public_question, summary, answer,
                           links, publication, answered_at)
    VALUES (${ANSWER_ID}, 'answered', 'e2e-answer@example.org', 'en', 'housing',
            'Which cities have a right-to-housing strategy, and how do they measure it?', 'e2e-a',
            'e2e-answer-follow', now(),
            'Which cities have a right-to-housing strategy, and how do they measure it?',
            'Vienna and Barcelona, with yearly indicators.',
            'Both cities publish **indicators** every year.',
            '[{"url": "https://example.org/housing", "title": "Housing strategies compared"}]'::jsonb,
            'public', now())`);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('every page in Chromium', () => {
  it('records every page and form of the site for the audit, as a visitor', async () => {
    const context = await browser.newContext();
    await audit.pages('visitor', context, PAGES);
    await audit.forms('visitor', context, [
      '/experts/ask',
      '/network/apply',
      '/sign-in',
      '/sign-up',
      '/forgot-password',
    ]);
    await context.close();
  });

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const target of [
      '/',
      '/knowledge/useful-links',
      '/knowledge/human-rights-framework',
      '/network',
    ]) {
      await page.goto(`${served.baseUrl}/de${target}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, target).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'de-network-320px.png'), fullPage: true });
    await context.close();
  });

  it('offers a skip link as the first stop of the keyboard, and shows focus', async () => {
    const page = await browser.newPage();
    await page.goto(`${served.baseUrl}/en/knowledge`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      return { text: element.textContent, outline: getComputedStyle(element).outlineStyle };
    });
    expect(focused.text).toBe('Skip to main content');
    expect(focused.outline).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.close();
  });
});

describe('the set-up form in Chromium', () => {
  it('has no axe violations, empty and with errors, in every language', async () => {
    for (const locale of LOCALES) {
      const link = await served.app.access.issueSetupLink(locale);
      const context = await browser.newContext({
        extraHTTPHeaders: { 'x-forwarded-for': nextAddress() },
      });
      const page = await context.newPage();
      await page.goto(link.url.replace('http://localhost:3000', served.baseUrl));
      expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
      await page.locator('main button[type=submit]').click();
      await page.getByRole('alert').waitFor();
      expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
      await context.close();
    }
  });
});

describe('signed-in pages in Chromium', () => {
  it('records the account pages and the administration for the audit', async () => {
    const link = await served.app.access.issueSetupLink('en');
    const context = await browser.newContext();
    const page = await context.newPage();
    // An application, so that the review queue has a form to check.
    await page.goto(`${served.baseUrl}/en/network/apply`);
    await page.getByLabel('Name of the organisation').fill('City of Ghent');
    await page.getByLabel('Kind of organisation').selectOption('municipality');
    await page.getByLabel('Membership applied for').selectOption('associate');
    await page.getByLabel('Country').selectOption('BE');
    await page
      .getByLabel('Why does your organisation want to join?')
      .fill('To learn from other cities.');
    await page.getByLabel('Your name').fill('Jan Peeters');
    await page.getByLabel('Your e-mail address').fill('jan@example.org');
    await page.getByLabel('I have read the privacy notice.').check();
    await page.locator('main button[type=submit]').click();
    await page.getByRole('status').waitFor();
    await page.goto(link.url.replace('http://localhost:3000', served.baseUrl));
    await page.getByLabel('Your name').fill('Grace Admin');
    await page.getByLabel('E-mail address').fill('grace@example.org');
    await page.getByLabel('Password', { exact: true }).fill('grace’s long passphrase');
    await page.getByLabel('Repeat the password').fill('grace’s long passphrase');
    await page.locator('main button[type=submit]').click();
    await page.goto(`${served.baseUrl}/en/sign-in`);
    await page.getByLabel('E-mail address').fill('grace@example.org');
    await page.getByLabel('Password').fill('grace’s long passphrase');
    await page.locator('main button[type=submit]').click();
    // An administrator turns on two-factor sign-in before anything else.
    await page.waitForURL(/\/en\/account\/two-factor$/);
    expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
    await page.getByLabel('Your current password').fill('grace’s long passphrase');
    await page.locator('main button[type=submit]').click();
    expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([]);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'en-two-factor-setup.png'),
      fullPage: true,
    });
    const totpUri = await page.locator('input[name=totpUri]').inputValue();
    await page.getByLabel('Code from the app, or a recovery code').fill(await totpCode(totpUri));
    await page.locator('main button[type=submit]').click();
    await page.getByRole('status').waitFor();
    await audit.pages('administrator', context, [
      '/en/account',
      '/en/account/profile',
      '/en/account/following',
      '/en/account/notifications',
      '/en/account/notifications/settings',
      '/en/account/events',
      '/en/admin/audit',
      '/de/admin/audit?type=sign-in.success',
      '/en/admin/outbox',
      '/en/admin/applications',
      '/en/admin/people',
      '/en/admin/organisations',
    ]);
    await page.goto(`${served.baseUrl}/de/admin/audit`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'de-admin-audit.png'), fullPage: true });
    await context.close();
  });
});

describe('journeys without JavaScript', () => {
  it('switches language on the same page, and searches', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/en/knowledge/useful-links`);
    await page.getByRole('link', { name: 'Italiano' }).click();
    expect(new URL(page.url()).pathname).toBe('/it/knowledge/useful-links');
    await page.goto(`${served.baseUrl}/fr/search`);
    await page.getByLabel('Rechercher sur le site').fill('Wallenberg');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=Wallenberg/);
    await page.getByRole('link', { name: 'Raoul Wallenberg Institute' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/fr/network/raoul-wallenberg-institute');
    await context.close();
  });

  it('creates the first administrator through the one-time link', async () => {
    const link = await served.app.access.issueSetupLink('es');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(link.url.replace('http://localhost:3000', served.baseUrl));
    await page.getByLabel('Su nombre').fill('Rosa Parks');
    await page.getByLabel('Dirección de correo electrónico').fill('rosa@example.org');
    await page.getByLabel('Contraseña', { exact: true }).fill('a long enough passphrase');
    await page.getByLabel('Repita la contraseña').fill('a different passphrase!');
    await page.getByRole('main').getByRole('button').click();
    // The mistake is reported and linked; what was typed is still there.
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('contraseñas');
    expect(await page.getByLabel('Su nombre').inputValue()).toBe('Rosa Parks');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'es-setup-errors.png'), fullPage: true });
    await page.getByLabel('Contraseña', { exact: true }).fill('a long enough passphrase');
    await page.getByLabel('Repita la contraseña').fill('a long enough passphrase');
    await page.getByRole('main').getByRole('button').click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('rosa@example.org');
    // The way in is on the page: to sign-in, in the link's language.
    await page.locator('main a.button').click();
    await page.waitForURL(/\/es\/sign-in$/);
    await context.close();
  });
});

audit.declare(() => ({ browser, baseUrl: served.baseUrl }));
