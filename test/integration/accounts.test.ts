/**
 * Accounts end to end through HTTP, with e-mail delivered to a real SMTP server: sign-up, the
 * confirmation link, sign-in, sign-out, and a password reset that ends every open session.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../src/modules/access/access.schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

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

/** A browser's cookie jar, reduced to what these journeys need. */
class Browser {
  private cookies = new Map<string, string>();

  private header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keep(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      const expired = attributes.some((attribute) =>
        /max-age=0|expires=thu, 01 jan 1970/i.test(attribute.trim()),
      );
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  async get(url: string) {
    const response = await app.http.inject({ url, headers: { cookie: this.header() } });
    this.keep(response.headers['set-cookie']);
    return response;
  }

  /** Opens the form at `url`, then posts `fields` with its CSRF token, as a browser would. */
  async submit(url: string, action: string, fields: Record<string, string>) {
    const form = await this.get(url);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const response = await app.http.inject({
      method: 'POST',
      url: action,
      headers: { cookie: this.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
    this.keep(response.headers['set-cookie']);
    return response;
  }

  has(cookie: string): boolean {
    return this.cookies.has(cookie);
  }
}

const linkIn = (text: string | undefined, path: string): string => {
  const match = new RegExp(`https?://[^\\s]+${path}\\?token=[^\\s]+`).exec(text ?? '');
  return (
    new URL(match?.[0] ?? 'http://missing/').pathname +
    new URL(match?.[0] ?? 'http://missing/').search
  );
};

describe('accounts', () => {
  const password = 'a sufficiently long passphrase';

  it('sign up, confirm by e-mail, sign out, sign in', async () => {
    const browser = new Browser();
    const signUp = await browser.submit('/fr/sign-up', '/fr/sign-up', {
      name: 'Léa Martin',
      email: 'Lea@Example.org',
      password,
      passwordConfirmation: password,
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
    const early = await new Browser().submit('/fr/sign-in', '/fr/sign-in', {
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
    const again = new Browser();
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
    const response = await new Browser().submit('/en/sign-up', '/en/sign-up', {
      name: 'Someone else',
      email: 'lea@example.org',
      password,
      passwordConfirmation: password,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Check your e-mail');
  });

  it('keeps what was typed and says what is wrong, in the page language', async () => {
    const response = await new Browser().submit('/de/sign-up', '/de/sign-up', {
      name: '',
      email: 'nobody',
      password: 'short',
      passwordConfirmation: 'other',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('value="nobody"');
    expect(response.body.match(/class="field-error"/g)).toHaveLength(4);
    expect(response.body).toContain('<html lang="de"');
  });

  it('resets a forgotten password and signs out every open session', async () => {
    const signedIn = new Browser();
    await signedIn.submit('/en/sign-in', '/en/sign-in', { email: 'lea@example.org', password });
    expect((await signedIn.get('/en/account')).statusCode).toBe(200);

    const visitor = new Browser();
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
    const old = await new Browser().submit('/en/sign-in', '/en/sign-in', {
      email: 'lea@example.org',
      password,
    });
    expect(old.statusCode).toBe(401);
    const fresh = await new Browser().submit('/en/sign-in', '/en/sign-in', {
      email: 'lea@example.org',
      password: 'the brand new passphrase',
    });
    expect(fresh.statusCode).toBe(303);
  });

  it('answers a reset request for an unknown address as for a known one, and sends nothing', async () => {
    const before = smtp.received.length;
    const response = await new Browser().submit('/en/forgot-password', '/en/forgot-password', {
      email: 'nobody@example.org',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('If an account exists for nobody@example.org');
    expect(smtp.received.length).toBe(before);
  });
});
