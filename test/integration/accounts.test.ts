/**
 * Accounts end to end through HTTP, with e-mail delivered to a real SMTP server: sign-up, the
 * confirmation link, sign-in, sign-out, and a password reset that ends every open session.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../src/features/access/access.schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { FormBrowser, linkIn } from '../support/form-browser.js';

let smtp: TestSmtpServer;
let app: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await buildTestApp({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});

describe('accounts', () => {
  const password = 'a sufficiently long passphrase';

  it('sign up, confirm by e-mail, sign out, sign in', async () => {
    const browser = new FormBrowser(app);
    const signUp = await browser.submit('/fr/sign-up', '/fr/sign-up', {
      name: 'Léa Martin',
      email: 'Lea@Example.org',
      password,
      passwordConfirmation: password,
      consent: 'yes',
    });
    expect(signUp.statusCode).toBe(200);
    expect(signUp.body).toContain('lea@example.org');

    // The confirmation message arrives in French, with a text part and the link.
    const mail = smtp.received.at(-1);
    expect(smtp.recipients.at(-1)).toEqual(['lea@example.org']);
    expect(mail?.subject).toBe('Confirmez votre adresse e-mail');
    expect(mail?.text).toContain('Léa Martin');
    const link = linkIn(mail?.text, '/fr/verify-email');
    expect(link).toMatch(/^\/fr\/verify-email\?token=/);

    // Not confirmed yet: sign-in is refused with a message that says what to do.
    const early = await new FormBrowser(app).submit('/fr/sign-in', '/fr/sign-in', {
      email: 'lea@example.org',
      password,
    });
    expect(early.statusCode).toBe(401);

    const confirmed = await browser.get(link);
    expect(confirmed.statusCode).toBe(200);
    expect(browser.has('hrcn.session_token')).toBe(true);
    const account = await browser.get('/fr/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('Léa Martin');
    expect(account.headers['cache-control']).toBe('no-store');
    expect(account.headers['x-render-cache']).toBeUndefined();
    const [row] = await app.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'lea@example.org'));
    expect(row).toMatchObject({ emailVerified: true, role: 'registered', locale: 'fr' });

    // The same link used again opens no session.
    const again = new FormBrowser(app);
    const reused = await again.get(link);
    expect(again.has('hrcn.session_token')).toBe(false);
    expect(reused.body).toContain('déjà confirmée');

    const signOut = await browser.submit('/fr/account', '/fr/sign-out', {});
    expect(signOut.statusCode).toBe(303);
    expect(browser.has('hrcn.session_token')).toBe(false);
    expect(
      await app.database.db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, row?.id ?? '')),
    ).toHaveLength(0);
    expect((await browser.get('/fr/account')).statusCode).toBe(303);

    const wrong = await browser.submit('/en/sign-in', '/en/sign-in', {
      email: 'lea@example.org',
      password: 'not the password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('The e-mail address or the password is not right');
    expect(wrong.body).toContain('value="lea@example.org"');

    const right = await browser.submit('/en/sign-in', '/en/sign-in', {
      email: 'lea@example.org',
      password,
    });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/en/account');
    expect((await browser.get('/en/account')).body).toContain('Sign out');
    // Signed in, pages are rendered for the person, never from the shared cache.
    const home = await browser.get('/en/');
    expect(home.headers['x-render-cache']).toBeUndefined();
    expect(home.body).toContain('href="/en/account"');
  });

  it('answers a sign-up for a registered address exactly as for a new one', async () => {
    const response = await new FormBrowser(app).submit('/en/sign-up', '/en/sign-up', {
      name: 'Someone else',
      email: 'lea@example.org',
      password,
      passwordConfirmation: password,
      consent: 'yes',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Check your e-mail');
    // The same work as a new account, one message included, so timing tells nothing: the owner,
    // in their language, learns that the address was used, and nothing else changes.
    const told = smtp.received.at(-1);
    expect(smtp.recipients.at(-1)).toEqual(['lea@example.org']);
    expect(told?.subject).toBe('Quelqu’un a tenté de créer un compte avec votre adresse');
    expect(told?.text).toMatch(/https?:\/\/\S+\/fr\/sign-in/);
  });

  it('keeps what was typed and says what is wrong, in the page language', async () => {
    const response = await new FormBrowser(app).submit('/de/sign-up', '/de/sign-up', {
      name: '',
      email: 'nobody',
      password: 'short',
      passwordConfirmation: 'other',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('value="nobody"');
    // Name, address, password, and the privacy notice not acknowledged.
    expect(response.body.match(/class="field-error"/g)).toHaveLength(4);
    expect(response.body).toContain('dass Sie die Datenschutzerklärung gelesen haben');
    expect(response.body).toContain('<html lang="de"');
  });

  it('resets a forgotten password and signs out every open session', async () => {
    const signedIn = new FormBrowser(app);
    await signedIn.submit('/en/sign-in', '/en/sign-in', { email: 'lea@example.org', password });
    expect((await signedIn.get('/en/account')).statusCode).toBe(200);

    const visitor = new FormBrowser(app);
    const asked = await visitor.submit('/en/forgot-password', '/en/forgot-password', {
      email: 'lea@example.org',
    });
    expect(asked.statusCode).toBe(200);
    const mail = smtp.received.at(-1);
    const link = linkIn(mail?.text, '/fr/reset-password'); // the account's language, not the page's
    expect(link).toMatch(/^\/fr\/reset-password\?token=/);

    const mismatch = await visitor.submit(link, '/fr/reset-password', {
      token: new URLSearchParams(link.split('?')[1]).get('token') ?? '',
      password: 'the brand new passphrase',
      passwordConfirmation: 'something else entirely',
    });
    expect(mismatch.statusCode).toBe(422);

    const reset = await visitor.submit(link, '/fr/reset-password', {
      token: new URLSearchParams(link.split('?')[1]).get('token') ?? '',
      password: 'the brand new passphrase',
      passwordConfirmation: 'the brand new passphrase',
    });
    expect(reset.statusCode).toBe(200);
    expect((await signedIn.get('/en/account')).statusCode).toBe(303);
    const old = await new FormBrowser(app).submit('/en/sign-in', '/en/sign-in', {
      email: 'lea@example.org',
      password,
    });
    expect(old.statusCode).toBe(401);
    const fresh = await new FormBrowser(app).submit('/en/sign-in', '/en/sign-in', {
      email: 'lea@example.org',
      password: 'the brand new passphrase',
    });
    expect(fresh.statusCode).toBe(303);
  });

  it('answers a reset request for an unknown address as for a known one, and sends nothing', async () => {
    const before = smtp.received.length;
    const response = await new FormBrowser(app).submit(
      '/en/forgot-password',
      '/en/forgot-password',
      {
        email: 'nobody@example.org',
      },
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('If an account exists for nobody@example.org');
    expect(smtp.received.length).toBe(before);
  });
});
