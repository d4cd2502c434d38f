/**
 * The newsletter from the editor's form to the inboxes, on a real SMTP server: subscribers
 * confirmed by their e-mailed links, an issue composed (bad forms keep what was typed), previewed,
 * tested, scheduled and sent by the job; each message personalised (its own one-click
 * unsubscribe, headers of RFC 8058, text and HTML, the reader's language), the segment kept, a
 * members-only pick only for those who may read it; sending throttled, resumed after the mail
 * server failed (by a second instance), every recipient mailed exactly once; a hard bounce
 * counted and suppressed, a busy mailbox given up after three tries; the public archive only.
 */
import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { dialogueHelpers } from '../support/dialogue.js';
import { FormBrowser, signInAsAdministrator, signUpAndSignIn } from '../support/form-browser.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const CANARY = 'Nlcanary-5c0a71';
let offset = 0;
const clock = () => new Date(Date.now() + offset);
let smtp: TestSmtpServer;
let app: TestApp;
let editor: FormBrowser;
let publicItem: { slug: string; title: string };
let membersItem = '';

const run = async (target: TestApp = app) =>
  target.jobs.find((job) => job.name === 'newsletter.send')?.run();
const mailsTo = (email: string, subject: string) =>
  smtp.received.filter(
    (mail) => JSON.stringify(mail.to).includes(email) && (mail.subject ?? '').includes(subject),
  );
const header = (mail: ParsedMail | undefined, name: string) =>
  mail?.headerLines.find((line) => line.key === name)?.line ?? '';

/** A visitor subscribes through the form and follows the e-mailed link. */
async function subscriber(email: string, locale: string, themes: string[], ip: string) {
  const browser = new FormBrowser(app, ip);
  const answer = await browser.submit(`/${locale}/newsletter`, `/${locale}/newsletter/subscribe`, {
    email,
    locale,
    themes,
    consent: 'yes',
  });
  expect(answer.statusCode).toBe(200);
  const mail = smtp.received.findLast((message) => JSON.stringify(message.to).includes(email));
  const link = /https?:\/\/\S+\/newsletter\/confirm\/[\w-]+/.exec(mail?.text ?? '')?.[0] ?? '';
  const path = new URL(link).pathname;
  expect((await browser.get(path)).statusCode).toBe(200);
  expect((await browser.submit(path, path, {})).statusCode).toBe(200);
}

/** Composes an issue (as the editor) and returns its address. */
async function compose(fields: Record<string, string | string[]>): Promise<string> {
  const saved = await editor.submit('/en/editor/newsletter/new', '/en/editor/newsletter/new', {
    audience: 'everyone',
    archive: 'public',
    ...fields,
  });
  expect(saved.statusCode).toBe(303);
  return new URL(saved.headers.location ?? '', 'http://x').pathname;
}

const issueIdOf = (path: string) => path.split('/').at(-1) ?? '';

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await buildTestApp({ smtpUrl: smtp.url, clock, newsletterRatePerMinute: 6000 });
  editor = await signInAsAdministrator(app);
  const { db } = app.database;
  const item = await db.execute<{ slug: string; title: string }>(sql`
    SELECT i.slug, t.title FROM items i JOIN item_translations t ON t.item_id = i.id
     WHERE i.access = 'public' AND i.status = 'published' AND t.locale = 'en'
       AND i.published_at < now() ORDER BY i.published_at DESC LIMIT 1`);
  publicItem = item.rows[0] ?? { slug: '', title: '' };
  const kind = app.kinds.find((entry) => entry.name === 'item');
  membersItem = (await kind?.canary.plant(db, CANARY))?.key ?? '';
  // Among the newest entries, as an editor would pick it.
  await db.execute(sql`UPDATE items SET date = current_date WHERE slug = ${membersItem}`);
  await app.contentChanged();
  // Subscribers: two visitors (English; French about housing), a member, a non-member account.
  await subscriber('vera.visitor@example.org', 'en', [], '127.0.1.1');
  await subscriber('felix.francais@example.org', 'fr', ['housing'], '127.0.1.2');
  const world = { smtp, app, editor };
  const helpers = dialogueHelpers(world);
  const graz = await helpers.organisation('Graz Newsletter City');
  const member = await helpers.member('Mara Member', graz, '127.0.1.3');
  await member.submit('/en/newsletter', '/en/newsletter/account', { subscribe: 'yes' });
  const registered = await signUpAndSignIn(
    app,
    smtp,
    { name: 'Rolf Registered', email: 'rolf.registered@example.org' },
    '127.0.1.4',
  );
  await registered.submit('/en/newsletter', '/en/newsletter/account', { subscribe: 'yes' });
  // Asked, never confirmed: never mailed.
  await new FormBrowser(app, '127.0.1.5').submit('/en/newsletter', '/en/newsletter/subscribe', {
    email: 'nora.never@example.org',
    locale: 'en',
    consent: 'yes',
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

describe('composing an issue', () => {
  it('refuses bad forms with errors beside the fields, keeping what was typed', async () => {
    const page = await editor.get('/en/editor/newsletter/new');
    expect(page.statusCode).toBe(200);
    // The recent entries are offered, members-only ones too (read as a member).
    expect(page.body).toContain(`value="item:${membersItem}"`);
    const bad = await editor.submit('/en/editor/newsletter/new', '/en/editor/newsletter/new', {
      'subject-en': '',
      'introduction-en': 'Typed words *kept*',
      'introduction-fr': 'Texte sans objet',
      picks: ['nothing:here'],
      audience: 'somebody',
      archive: 'public',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Write a subject');
    expect(bad.body).toContain('Choose entries from the list');
    expect(bad.body).toContain('Choose who receives the issue');
    expect(bad.body).toContain('Typed words *kept*');
    expect(bad.body).toContain('Texte sans objet');
    const french = await editor.submit('/fr/editor/newsletter/new', '/fr/editor/newsletter/new', {
      'subject-fr': '',
      audience: 'everyone',
      archive: 'public',
    });
    expect(french.statusCode).toBe(422);
    expect(french.body).toContain('Écrivez un objet');
    expect((await editor.get('/en/editor/newsletter')).statusCode).toBe(200);
    const visitor = await new FormBrowser(app, '127.0.1.9').get('/en/editor/newsletter');
    expect(visitor.statusCode).toBe(303);
  });

  it('previews and tests the issue as each reader would get it, and schedules it', async () => {
    const path = await compose({
      'subject-en': 'December in the network',
      'introduction-en': 'Our **news** of the month.',
      'subject-fr': 'Décembre dans le réseau',
      'introduction-fr': 'Nos nouvelles du mois.',
      picks: [`item:${publicItem.slug}`, `item:${membersItem}`],
    });
    const asVisitor = await editor.get(`${path}/preview?as=visitor&lang=en`);
    expect(asVisitor.statusCode).toBe(200);
    expect(asVisitor.body).toContain('<h1');
    expect(asVisitor.body).toContain('<strong>news</strong>');
    expect(asVisitor.body).toContain(publicItem.title);
    expect(asVisitor.body).not.toContain(CANARY);
    const asMember = await editor.get(`${path}/preview?as=member&lang=fr`);
    expect(asMember.body).toContain('Décembre dans le réseau');
    expect(asMember.body).toContain('lang="fr"');
    expect(asMember.body).toContain(CANARY);

    const tested = await editor.submit(path, `${path}/test`, {});
    expect(tested.statusCode).toBe(303);
    const test = mailsTo('erika@example.org', '[Test] December in the network');
    expect(test).toHaveLength(1);
    expect(test[0]?.text).toContain(CANARY); // the editor reads the members layer

    const past = await editor.submit(path, `${path}/schedule`, { scheduledAt: '2020-01-01T09:00' });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('Enter a time to come');
    const wrong = await editor.submit(path, `${path}/schedule`, { scheduledAt: 'tomorrow' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('value="tomorrow"');
    const at = new Date(Date.now() + 5 * 60_000).toISOString().slice(0, 16);
    expect((await editor.submit(path, `${path}/schedule`, { scheduledAt: at })).statusCode).toBe(
      303,
    );
    // Taken back before it starts, then scheduled again.
    expect((await editor.submit(path, `${path}/unschedule`, {})).statusCode).toBe(303);
    expect((await editor.get(path)).body).toContain('Draft');
    await editor.submit(path, `${path}/schedule`, { scheduledAt: at });
    await run();
    expect(mailsTo('vera.visitor@example.org', 'December')).toHaveLength(0);

    offset = 10 * 60_000;
    await run();
    await run();
    const vera = mailsTo('vera.visitor@example.org', 'December in the network');
    expect(vera).toHaveLength(1);
    const mail = vera[0];
    expect(mail?.text).toContain(publicItem.title);
    expect(mail?.text).not.toContain(CANARY);
    expect(String(mail?.html)).toContain(publicItem.title);
    expect(String(mail?.html)).not.toContain('<img');
    const unsubscribe = /<(http[^>]+)>/.exec(header(mail, 'list-unsubscribe'))?.[1] ?? '';
    expect(unsubscribe).toMatch(/\/en\/newsletter\/unsubscribe\/[0-9a-f-]{36}\/[\w-]{32}$/);
    expect(mail?.text).toContain(unsubscribe);
    expect(header(mail, 'list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    // The French reader gets the French texts; each link is their own.
    const felix = mailsTo('felix.francais@example.org', 'Décembre dans le réseau');
    expect(felix).toHaveLength(1);
    expect(felix[0]?.text).toContain('Se désabonner');
    expect(header(felix[0], 'list-unsubscribe')).not.toBe(header(mail, 'list-unsubscribe'));
    // The member reads the members-only pick; the account without membership does not.
    expect(mailsTo('mara.member@example.org', 'December')[0]?.text).toContain(CANARY);
    const rolf = mailsTo('rolf.registered@example.org', 'December');
    expect(rolf).toHaveLength(1);
    expect(rolf[0]?.text).not.toContain(CANARY);
    expect(String(rolf[0]?.html)).not.toContain(CANARY);
    expect(mailsTo('nora.never@example.org', 'December')).toHaveLength(0);

    const list = await editor.get('/en/editor/newsletter');
    expect(list.body).toContain('4 recipients: 4 sent, 0 bounced');
    // Sent, it changes no more.
    const late = await editor.submit(path, path, {
      'subject-en': 'Changed',
      audience: 'everyone',
      archive: 'public',
    });
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('This issue is no draft any more');
    // In the public archive, as a visitor reads it.
    const archive = await new FormBrowser(app, '127.0.1.9').get('/en/newsletter/archive');
    expect(archive.body).toContain('December in the network');
    const issue = await new FormBrowser(app, '127.0.1.9').get(
      `/en/newsletter/archive/${issueIdOf(path)}`,
    );
    expect(issue.statusCode).toBe(200);
    expect(issue.body).toContain(publicItem.title);
    expect(issue.body).not.toContain(CANARY);
  });
});

describe('sending', () => {
  it('keeps to the segment: languages, themes, members or not', async () => {
    const members = await compose({
      'subject-en': 'Members briefing',
      audience: 'members',
      archive: 'members',
    });
    // A visitor's archive was read (and cached) before it was sent.
    const visitor = new FormBrowser(app, '127.0.1.9');
    expect((await visitor.get('/en/newsletter/archive')).body).not.toContain('Members briefing');
    await editor.submit(members, `${members}/send`, {});
    const french = await compose({ 'subject-en': 'Housing in French', locales: ['fr'] });
    await editor.submit(french, `${french}/send`, {});
    const outsiders = await compose({
      'subject-en': 'Join the network',
      audience: 'non-members',
      themes: ['education'],
    });
    await editor.submit(outsiders, `${outsiders}/send`, {});
    await run();
    expect(mailsTo('mara.member@example.org', 'Members briefing')).toHaveLength(1);
    // Archived for members: a visitor is told it exists for members, and no more.
    expect((await visitor.get(`/en/newsletter/archive/${issueIdOf(members)}`)).statusCode).toBe(
      403,
    );
    expect((await visitor.get('/en/newsletter/archive')).body).not.toContain('Members briefing');
    expect((await editor.get('/en/newsletter/archive')).body).toContain('Members briefing');
    expect((await visitor.get('/en/newsletter/archive')).body).toContain('Housing in French');
    expect(mailsTo('vera.visitor@example.org', 'Members briefing')).toHaveLength(0);
    expect(mailsTo('rolf.registered@example.org', 'Members briefing')).toHaveLength(0);
    expect(mailsTo('felix.francais@example.org', 'Housing in French')).toHaveLength(1);
    expect(smtp.received.filter((mail) => mail.subject === 'Housing in French')).toHaveLength(1);
    // Non-members: those who chose no theme, not the reader of housing only, not the member.
    expect(mailsTo('vera.visitor@example.org', 'Join the network')).toHaveLength(1);
    expect(mailsTo('rolf.registered@example.org', 'Join the network')).toHaveLength(1);
    expect(mailsTo('felix.francais@example.org', 'Join the network')).toHaveLength(0);
    expect(mailsTo('mara.member@example.org', 'Join the network')).toHaveLength(0);
  });

  it('throttles, resumes after the mail server failed, mails each once, and counts a bounce', async () => {
    for (const [index, email] of ['a', 'b', 'c', 'd', 'e']
      .map((n) => `${n}.bulk@example.org`)
      .entries())
      await subscriber(email, 'en', [], `127.0.2.${index + 1}`);
    smtp.refuse.add('e.bulk@example.org');
    // Two more instances on the same database: one slow (2 a minute), one whose mail server is down.
    const slow = await buildTestApp({
      database: app.database,
      smtpUrl: smtp.url,
      clock,
      newsletterRatePerMinute: 2,
    });
    const broken = await buildTestApp({
      database: app.database,
      smtpUrl: 'smtp://127.0.0.1:9',
      clock,
    });
    try {
      const path = await compose({ 'subject-en': 'Bulk issue' });
      await editor.submit(path, `${path}/send`, {});
      const count = () => smtp.received.filter((mail) => mail.subject === 'Bulk issue').length;
      const settled = async () =>
        (
          await app.database.db.execute<{ n: number }>(sql`
            SELECT count(*)::int AS n FROM newsletter_recipients
             WHERE newsletter_id = ${issueIdOf(path)} AND status <> 'pending'`)
        ).rows[0]?.n;
      // The slow instance's run sends two (one may be the address refused), then waits a minute.
      await run(slow);
      expect(await settled()).toBe(2);
      const before = count();
      await run(broken);
      expect(await settled()).toBe(2);
      expect(count()).toBe(before);
      // A row another sender holds (its lease running) waits for it; an expired lease is taken.
      await app.database.db.execute(sql`
        UPDATE newsletter_recipients SET claimed_until = now() + interval '1 day'
         WHERE id = (SELECT r.id FROM newsletter_recipients r
                       JOIN newsletter_subscribers s ON s.id = r.subscriber_id
                      WHERE r.status = 'pending' AND r.newsletter_id = ${issueIdOf(path)}
                        AND s.email <> 'e.bulk@example.org' LIMIT 1)`);
      await run();
      const held = count();
      await app.database.db.execute(sql`
        UPDATE newsletter_recipients SET claimed_until = now() - interval '1 minute'
         WHERE newsletter_id = ${issueIdOf(path)} AND status = 'pending'`);
      await run();
      await run();
      const recipients = smtp.recipients
        .filter((_, index) => smtp.received[index]?.subject === 'Bulk issue')
        .flat()
        .sort();
      expect(held).toBe(recipients.length - 1);
      expect(new Set(recipients).size).toBe(recipients.length);
      expect(recipients).toHaveLength(8); // nine recipients, one refused for good
      expect(recipients).not.toContain('e.bulk@example.org');
      const list = await editor.get('/en/editor/newsletter');
      expect(list.body).toContain('9 recipients: 8 sent, 1 bounced, 0 not sent');
      // The refused address is on the suppression list: the next issue is not even tried.
      const next = await compose({ 'subject-en': 'After the bounce' });
      await editor.submit(next, `${next}/send`, {});
      smtp.refuse.clear();
      await run();
      expect(mailsTo('e.bulk@example.org', 'After the bounce')).toHaveLength(0);
      expect((await editor.get(next)).body).toMatch(/1 not sent \(blocked or unsubscribed\)/);
    } finally {
      await slow.stop();
      await broken.stop();
    }
  });

  it('does not let a busy mailbox hold up the others, and gives it up after a few tries', async () => {
    for (const name of ['busy', 'fine'])
      await subscriber(`${name}.mailbox@example.org`, 'en', [], `127.0.5.${name.length}`);
    smtp.defer.add('busy.mailbox@example.org');
    const path = await compose({ 'subject-en': 'Busy issue' });
    await editor.submit(path, `${path}/send`, {});
    const busy = async () =>
      (
        await app.database.db.execute(sql`SELECT r.status, r.attempts, n.status AS issue
          FROM newsletter_recipients r JOIN newsletters n ON n.id = r.newsletter_id
          JOIN newsletter_subscribers s ON s.id = r.subscriber_id
         WHERE n.id = ${issueIdOf(path)} AND s.email = 'busy.mailbox@example.org'`)
      ).rows[0];
    await run();
    expect(mailsTo('fine.mailbox@example.org', 'Busy issue')).toHaveLength(1);
    expect(await busy()).toEqual({ status: 'pending', attempts: 1, issue: 'sending' });
    const retry = () =>
      app.database.db.execute(sql`UPDATE newsletter_recipients SET claimed_until = NULL
       WHERE newsletter_id = ${issueIdOf(path)} AND status = 'pending'`);
    for (let tries = 1; tries < 3; tries += 1) await retry().then(() => run());
    smtp.defer.clear();
    expect(await busy()).toEqual({ status: 'failed', attempts: 3, issue: 'sent' });
    expect(mailsTo('busy.mailbox@example.org', 'Busy issue')).toHaveLength(0);
  });

  it('stops with one click: a POST without cookies, its signature the permission', async () => {
    const mail = mailsTo('vera.visitor@example.org', 'December in the network')[0];
    const path = new URL(/<(http[^>]+)>/.exec(header(mail, 'list-unsubscribe'))?.[1] ?? 'http://x/')
      .pathname;
    const forged = await app.http.inject({
      method: 'POST',
      url: path.replace(/\/[^/]+$/, '/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(forged.statusCode).toBe(404);
    expect((await new FormBrowser(app, '127.0.1.9').get(path)).body).toContain('Unsubscribe');
    const stopped = await app.http.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(stopped.statusCode).toBe(200);
    expect(stopped.body).toContain('no longer receives the newsletter');
    const list = await editor.get('/en/editor/newsletter');
    expect(list.body).toMatch(
      /4 recipients: 4 sent, 0 bounced, 0 not sent[^;]*; 1 unsubscribed since/,
    );
    const next = await compose({ 'subject-en': 'After leaving' });
    await editor.submit(next, `${next}/send`, {});
    await run();
    expect(mailsTo('vera.visitor@example.org', 'After leaving')).toHaveLength(0);
    expect(mailsTo('felix.francais@example.org', 'After leaving')).toHaveLength(1);
  });
});
