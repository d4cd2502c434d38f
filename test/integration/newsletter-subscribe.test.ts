/**
 * Subscribing to the newsletter: a visitor's form refuses bad input in the reader's language and
 * keeps what was typed; the same answer whether an address is known or not, a few messages an
 * hour at most; the confirmation link (a button, once, and only the token's hash stored); the
 * consent recorded; a signed-in person's opt-in with their account's address, in "download my
 * data", and gone with the account.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE } from '../../src/features/access/index.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { FormBrowser, signUpAndSignIn } from '../support/form-browser.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

let smtp: TestSmtpServer;
let app: TestApp;

const mailsTo = (email: string) =>
  smtp.received.filter((mail) => JSON.stringify(mail.to).includes(email));
const confirmPath = (text: string | undefined) =>
  new URL(/https?:\/\/\S+\/newsletter\/confirm\/[\w-]+/.exec(text ?? '')?.[0] ?? 'http://x/')
    .pathname;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await buildTestApp({ smtpUrl: smtp.url });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

describe('a visitor subscribing', () => {
  it('is told what is wrong beside each field, in their language, with what they typed', async () => {
    const browser = new FormBrowser(app, '127.0.3.1');
    const page = await browser.get('/fr/newsletter');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('politique de confidentialité');
    const bad = await browser.submit('/fr/newsletter', '/fr/newsletter/subscribe', {
      email: 'pas-une-adresse',
      locale: 'xx',
      themes: ['no-such-theme'],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Saisissez une adresse e-mail');
    expect(bad.body).toContain('Acceptez la politique de confidentialité pour vous abonner');
    expect(bad.body).toContain('Choisissez des thèmes dans la liste');
    expect(bad.body).toContain('value="pas-une-adresse"');
    expect(bad.body).toContain('aria-invalid="true"');
    const english = await browser.submit('/en/newsletter', '/en/newsletter/subscribe', {
      email: 'half@',
      locale: 'en',
      themes: ['housing'],
      consent: 'yes',
    });
    expect(english.statusCode).toBe(422);
    expect(english.body).toContain('Enter an e-mail address, like name@example.org');
    expect(english.body).toMatch(/value="housing"\s+checked/);
    expect(smtp.received).toHaveLength(0);
  });

  it('confirms by the e-mailed link, once; consent and the token’s hash only are stored', async () => {
    const browser = new FormBrowser(app, '127.0.3.2');
    const answer = await browser.submit('/de/newsletter', '/de/newsletter/subscribe', {
      email: 'Dora.Deutsch@Example.org',
      locale: 'de',
      themes: ['housing', 'education'],
      consent: 'yes',
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('Sehen Sie in Ihrem Posteingang nach');
    const [mail, ...more] = mailsTo('dora.deutsch@example.org');
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('Bestätigen Sie Ihr Newsletter-Abonnement');
    const path = confirmPath(mail?.text);
    const token = path.split('/').at(-1) ?? '';
    const stored = await app.database.db.execute<Record<string, unknown>>(sql`
      SELECT status, locale, themes, consent_version, consent_locale, consented_at,
             confirm_token_hash FROM newsletter_subscribers
       WHERE email = 'dora.deutsch@example.org'`);
    expect(stored.rows[0]).toMatchObject({
      status: 'pending',
      locale: 'de',
      themes: ['housing', 'education'],
      consent_version: PRIVACY_NOTICE.version,
      consent_locale: 'de',
    });
    expect(stored.rows[0]?.consented_at).toBeTruthy();
    expect(JSON.stringify(stored.rows)).not.toContain(token);
    // The link opens a page with a button (a mail scanner confirms nothing), which confirms.
    const opened = await browser.get(path);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['referrer-policy']).toBe('no-referrer');
    expect(opened.body).toContain('Mein Abonnement bestätigen');
    const confirmed = await browser.submit(path, path, {});
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Abonnement bestätigt');
    const again = await new FormBrowser(app, '127.0.3.3').get(path);
    expect(again.statusCode).toBe(410);
  });

  it('answers alike for a known address, and mails it a few times an hour at most', async () => {
    const known = await new FormBrowser(app, '127.0.3.4').submit(
      '/de/newsletter',
      '/de/newsletter/subscribe',
      { email: 'dora.deutsch@example.org', locale: 'de', consent: 'yes' },
    );
    const unknown = await new FormBrowser(app, '127.0.3.5').submit(
      '/de/newsletter',
      '/de/newsletter/subscribe',
      { email: 'niemand@example.org', locale: 'de', consent: 'yes' },
    );
    const answer = (body: string) =>
      body.replace(/dora\.deutsch|niemand/g, '').replace(/value="[^"]+"/g, '');
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(answer(known.body)).toBe(answer(unknown.body));
    // The subscriber hears that nothing changes, and how to stop.
    expect(mailsTo('dora.deutsch@example.org').at(-1)?.subject).toBe(
      'Sie erhalten den Newsletter bereits',
    );
    const status = await app.database.db.execute<{ status: string }>(sql`
      SELECT status FROM newsletter_subscribers WHERE email = 'dora.deutsch@example.org'`);
    expect(status.rows[0]?.status).toBe('confirmed');
    for (let index = 0; index < 5; index += 1)
      await new FormBrowser(app, `127.0.4.${index + 1}`).submit(
        '/en/newsletter',
        '/en/newsletter/subscribe',
        { email: 'niemand@example.org', locale: 'en', consent: 'yes' },
      );
    expect(mailsTo('niemand@example.org')).toHaveLength(3);
    // The last link sent works (each new one replaces the one before).
    const last = confirmPath(mailsTo('niemand@example.org').at(-1)?.text);
    const first = confirmPath(mailsTo('niemand@example.org')[0]?.text);
    expect((await new FormBrowser(app, '127.0.3.6').get(first)).statusCode).toBe(410);
    expect((await new FormBrowser(app, '127.0.3.6').get(last)).statusCode).toBe(200);
  });

  it('ignores a form a script filled in completely', async () => {
    const bot = await new FormBrowser(app, '127.0.3.7').submit(
      '/en/newsletter',
      '/en/newsletter/subscribe',
      {
        email: 'bot.target@example.org',
        locale: 'en',
        consent: 'yes',
        website: 'https://spam.example',
      },
    );
    expect(bot.statusCode).toBe(200);
    expect(mailsTo('bot.target@example.org')).toHaveLength(0);
  });
});

describe('a signed-in person', () => {
  it('opts in with their address, finds it in their data, and it goes with the account', async () => {
    const browser = await signUpAndSignIn(
      app,
      smtp,
      { name: 'Ines Italia', email: 'ines.italia@example.org' },
      '127.0.3.8',
    );
    const page = await browser.get('/it/newsletter');
    expect(page.body).toContain('ines.italia@example.org');
    const done = await browser.submit('/it/newsletter', '/it/newsletter/account', {
      subscribe: 'yes',
      themes: ['health'],
    });
    expect(done.statusCode).toBe(303);
    const after = await browser.get('/it/newsletter?done=subscribed');
    expect(after.body).toContain('Ricevi la newsletter a ines.italia@example.org, in italiano.');
    const data = (await browser.get('/it/account/export')).json<{
      newsletterSubscription: Record<string, unknown>[];
    }>();
    expect(data.newsletterSubscription).toEqual([
      expect.objectContaining({
        email: 'ines.italia@example.org',
        locale: 'it',
        themes: ['health'],
        status: 'confirmed',
        consent_version: PRIVACY_NOTICE.version,
      }),
    ]);
    await browser.submit('/it/newsletter', '/it/newsletter/account', { subscribe: 'no' });
    expect((await browser.get('/it/newsletter')).body).toContain('Ricevere la newsletter a');
    await browser.submit('/it/newsletter', '/it/newsletter/account', { subscribe: 'yes' });
    await app.database.db.execute(sql`DELETE FROM users WHERE email = 'ines.italia@example.org'`);
    const left = await app.database.db.execute(sql`
      SELECT 1 FROM newsletter_subscribers WHERE email = 'ines.italia@example.org'`);
    expect(left.rows).toEqual([]);
  });
});
