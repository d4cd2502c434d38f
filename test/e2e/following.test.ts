/**
 * Following in a real Chromium with JavaScript off: a member follows a theme with the Follow
 * button, an item is published in it, the job matches it: it is on their notification page, and
 * the next morning's daily digest (read from the SMTP server) holds it with a link that opens it.
 * Its stop link works with one button and no sign-in; the settings and following pages work by
 * plain forms. Every new page is checked with axe in two languages and both colour schemes.
 */
import { sql } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  serveTestApp,
  signInThroughForm,
  type ServedApp,
} from '../support/browser.js';
import { createAudit } from '../support/audit.js';
import { signUpAndSignIn } from '../support/form-browser.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const audit = createAudit('following');
let smtp: TestSmtpServer;
let served: ServedApp;
let browser: Browser;
/** The app's time: real until the test moves it to the next morning. */
let now: Date | null = null;
beforeAll(async () => {
  smtp = await startSmtpServer();
  [served, browser] = await Promise.all([
    serveTestApp({ smtpUrl: smtp.url, clock: () => now ?? new Date() }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
  await smtp?.close();
});

const noScript = { javaScriptEnabled: false } as const;
const EMAIL = 'lena.follower@example.org';
let member: BrowserContext;
let stopLink = '';

const deliver = () => served.app.jobs.find((job) => job.name === 'following.deliver')?.run();

describe('following, without JavaScript', () => {
  it('follows a theme, then finds a new item on the notification page and in the daily digest', async () => {
    const { db } = served.app.database;
    await signUpAndSignIn(served.app, smtp, { name: 'Lena Follower', email: EMAIL }, '10.19.0.1');
    await db.execute(sql`
      INSERT INTO organisations (slug, name, kind, membership, status, country, city)
      VALUES ('ghent', 'Ghent', 'municipality', 'associate', 'active', 'BE', 'Ghent')`);
    await db.execute(sql`
      INSERT INTO organisation_members (organisation_id, user_id)
      SELECT o.id, u.id FROM organisations o, users u
       WHERE o.slug = 'ghent' AND u.email = ${EMAIL}`);
    await db.execute(sql`UPDATE users SET role = 'practitioner' WHERE email = ${EMAIL}`);
    member = await browser.newContext(noScript);
    const page = await member.newPage();
    await signInThroughForm(page, served.baseUrl, EMAIL, 'Lena Follower has a long passphrase');
    await page.goto(`${served.baseUrl}/en/knowledge/thematic-issues?theme=housing`);
    await page.getByRole('button', { name: 'Follow Housing' }).click();
    expect(await page.locator('main').innerText()).toContain('You follow Housing.');
    expect(new URL(page.url()).search).toBe('?theme=housing');
    await deliver();

    await db.execute(sql`
      INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale,
                         restricted_fields, themes)
      VALUES ('publication', 'publications', 'tenants-rights-guide', 'members', 'published', now(),
              '2026-12-01', 'en', '{}', '{housing}')`);
    await db.execute(sql`
      INSERT INTO item_translations (item_id, locale, title, summary, body, fields)
      SELECT id, 'en', 'A guide to tenants’ rights', 'What a city can do for tenants.', 'Body.', '{}'
        FROM items WHERE slug = 'tenants-rights-guide'`);
    await served.app.contentChanged();
    await deliver();

    await page.goto(`${served.baseUrl}/en/account/notifications`);
    expect(await page.locator('header.site-header').innerText()).toContain(
      'Notifications (1 unread)',
    );
    const main = await page.locator('main').innerText();
    expect(main).toContain('A guide to tenants’ rights');
    expect(main).toContain('Because you follow Housing');

    now = new Date(Date.now() + 26 * 60 * 60 * 1000);
    try {
      await deliver();
    } finally {
      now = null;
    }
    const digest = smtp.received.find(
      (mail) => JSON.stringify(mail.to).includes(EMAIL) && /daily digest/.test(mail.subject ?? ''),
    );
    expect(digest?.text).toContain('A guide to tenants’ rights');
    const link = /http:\/\/localhost:3000(\/en\/knowledge\/[^\s]+)/.exec(digest?.text ?? '')?.[1];
    expect(link).toBe('/en/knowledge/publications/tenants-rights-guide');
    await page.goto(`${served.baseUrl}${link}`);
    expect(await page.locator('h1').innerText()).toBe('A guide to tenants’ rights');
    stopLink = (
      /<(http[^>]+)>/.exec(
        digest?.headerLines.find((line) => line.key === 'list-unsubscribe')?.line ?? '',
      )?.[1] ?? ''
    ).replace('http://localhost:3000', served.baseUrl);

    // Opening the notification marks it read.
    await page.goto(`${served.baseUrl}/en/account/notifications`);
    await page.getByRole('link', { name: 'A guide to tenants’ rights' }).click();
    await page.goto(`${served.baseUrl}/en/account/notifications`);
    expect(await page.locator('main').innerText()).toContain('No unread notifications.');
    await page.close();
  });

  it('stops a kind of e-mail with the digest’s link, and changes cadences and follows by forms', async () => {
    expect(stopLink).toMatch(/\/en\/account\/notifications\/stop\//);
    const stranger = await browser.newContext(noScript);
    const page = await stranger.newPage();
    await page.goto(stopLink);
    await page.getByRole('button', { name: 'Stop them' }).click();
    expect(await page.locator('main').innerText()).toContain(
      'You will receive no more e-mails about: Knowledge Centre',
    );
    await stranger.close();

    const own = await member.newPage();
    await own.goto(`${served.baseUrl}/en/account/notifications/settings`);
    expect(await own.getByLabel('Knowledge Centre').inputValue()).toBe('never');
    await own.getByLabel('Events').selectOption('weekly');
    await own.getByRole('button', { name: 'Save' }).click();
    expect(await own.locator('main').innerText()).toContain('Your choices are saved.');
    expect(await own.getByLabel('Events').inputValue()).toBe('weekly');

    await own.goto(`${served.baseUrl}/en/account/following`);
    expect(await own.locator('main').innerText()).toContain('Housing');
    await own.getByRole('button', { name: 'Stop following Housing' }).click();
    expect(await own.locator('main').innerText()).toContain('You no longer follow it.');
    await own.close();
  });

  it('records its pages for the audit', async () => {
    const visitor = await browser.newContext();
    await audit.pages('member', member, [
      '/en/account/following',
      '/en/account/notifications',
      '/en/account/notifications/settings',
      '/en/knowledge/thematic-issues?theme=housing',
      '/en/knowledge/publications?sdg=11',
      '/en/network/ghent',
      '/en/events?kind=webinar',
      '/en/knowledge/thematic-issues',
      '/en/knowledge/human-rights-framework',
      new URL(stopLink).pathname,
    ]);
    await audit.pages('visitor', visitor, [
      '/en/knowledge/thematic-issues?theme=housing',
      '/en/network/ghent',
    ]);
    await visitor.close();
  });
});

audit.declare(() => ({ browser, baseUrl: served.baseUrl }));
