/**
 * Account security: a growing delay after failed sign-ins, per-address limits on mail, the audit
 * log and who may read it, and the first administrator signing in with the password set by link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockSeconds } from '../../src/features/access/index.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { FormBrowser, linkIn, turnOnTwoFactor } from '../support/form-browser.js';
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

async function registeredUser(email: string, password: string): Promise<void> {
  await new FormBrowser(app).submit('/en/sign-up', '/en/sign-up', {
    name: 'Test Person',
    email,
    password,
    passwordConfirmation: password,
    consent: 'yes',
  });
  await new FormBrowser(app).get(linkIn(smtp.received.at(-1)?.text, '/en/verify-email'));
}

describe('the growing delay after failed sign-ins', () => {
  it('grows from 30 s and stops at an hour', () => {
    expect([4, 5, 6, 7, 20].map(lockSeconds)).toEqual([0, 30, 60, 120, 3600]);
  });

  it('locks an address after the fifth failure, even for the right password, with a clear message', async () => {
    const password = 'correct horse battery staple';
    await registeredUser('kim@example.org', password);
    const browser = new FormBrowser(app);
    for (let attempt = 1; attempt <= 4; attempt++) {
      const failed = await browser.submit('/en/sign-in', '/en/sign-in', {
        email: 'kim@example.org',
        password: 'wrong password',
      });
      expect(failed.statusCode, `attempt ${attempt}`).toBe(401);
    }
    const fifth = await browser.submit('/en/sign-in', '/en/sign-in', {
      email: 'kim@example.org',
      password: 'wrong password',
    });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.headers['retry-after']).toBe('30');
    expect(fifth.body).toContain(
      'Too many failed attempts for this address. Try again in 1 minute',
    );
    const right = await browser.submit('/en/sign-in', '/en/sign-in', {
      email: 'kim@example.org',
      password,
    });
    expect(right.statusCode).toBe(429);
  });
});

describe('mail to one address', () => {
  it('stops after three reset links in an hour, with the same answer', async () => {
    await registeredUser('sam@example.org', 'a long and private passphrase');
    const before = smtp.received.length;
    for (let request = 0; request < 4; request++) {
      const response = await new FormBrowser(app).submit(
        '/en/forgot-password',
        '/en/forgot-password',
        { email: 'sam@example.org' },
      );
      expect(response.statusCode).toBe(200);
    }
    expect(smtp.received.length - before).toBe(3);
  });
});

describe('the audit log', () => {
  it('is for administrators only, records security events, and filters them', async () => {
    // The first administrator, created by the one-time link, signs in with that password.
    const link = await app.access.issueSetupLink('en');
    const admin = new FormBrowser(app, '127.0.0.2');
    const created = await admin.submit(new URL(link.url).pathname, new URL(link.url).pathname, {
      name: 'Ada Admin',
      email: 'ada@example.org',
      password: 'the administrator passphrase',
      passwordConfirmation: 'the administrator passphrase',
    });
    expect(created.statusCode).toBe(200);
    const signIn = await admin.submit('/en/sign-in', '/en/sign-in', {
      email: 'ada@example.org',
      password: 'the administrator passphrase',
    });
    expect(signIn.statusCode).toBe(303);
    await turnOnTwoFactor(admin, 'the administrator passphrase');

    expect((await new FormBrowser(app).get('/en/admin/audit')).statusCode).toBe(303);
    const member = new FormBrowser(app, '127.0.0.3');
    await member.submit('/en/sign-in', '/en/sign-in', {
      email: 'sam@example.org',
      password: 'a long and private passphrase',
    });
    const refused = await member.get('/fr/admin/audit');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('<html lang="fr"');

    const page = await admin.get('/en/admin/audit');
    expect(page.statusCode).toBe(200);
    for (const label of [
      'Signed in',
      'Sign-in failed',
      'Sign-in refused: too many failures',
      'Account requested',
      'Administrator created',
      'Password reset requested',
    ]) {
      expect(page.body).toContain(label);
    }
    const filtered = await admin.get('/en/admin/audit?type=sign-in.failure&subject=KIM@');
    expect(filtered.body).toContain('kim@example.org');
    expect(filtered.body).not.toContain('ada@example.org</td>');
    expect(filtered.body).toContain('5 events shown');
  });
});

describe('staff sessions', () => {
  it('end after 30 minutes idle for an administrator, not for a registered user', async () => {
    let now = Date.now();
    const timed = await buildTestApp({ smtpUrl: smtp.url, clock: () => new Date(now) });
    try {
      const link = await timed.access.issueSetupLink('en');
      const path = new URL(link.url).pathname;
      const admin = new FormBrowser(timed, '127.0.0.4');
      await admin.submit(path, path, {
        name: 'Idle Admin',
        email: 'idle@example.org',
        password: 'an idle administrator passphrase',
        passwordConfirmation: 'an idle administrator passphrase',
      });
      await admin.submit('/en/sign-in', '/en/sign-in', {
        email: 'idle@example.org',
        password: 'an idle administrator passphrase',
      });
      await turnOnTwoFactor(admin, 'an idle administrator passphrase');
      expect((await admin.get('/en/account')).statusCode).toBe(200);
      now += 20 * 60_000;
      expect((await admin.get('/en/account')).statusCode).toBe(200); // active: the idle clock restarts
      now += 20 * 60_000;
      expect((await admin.get('/en/account')).statusCode).toBe(200);
      now += 31 * 60_000;
      const lapsed = await admin.get('/en/account');
      expect(lapsed.statusCode).toBe(303);
      expect(lapsed.headers.location).toBe('/en/sign-in');

      const member = new FormBrowser(timed, '127.0.0.5');
      await member.submit('/en/sign-up', '/en/sign-up', {
        name: 'Patient Member',
        email: 'patient@example.org',
        password: 'a patient member passphrase',
        passwordConfirmation: 'a patient member passphrase',
        consent: 'yes',
      });
      await member.get(linkIn(smtp.received.at(-1)?.text, '/en/verify-email'));
      now += 3 * 60 * 60_000;
      expect((await member.get('/en/account')).statusCode).toBe(200);
    } finally {
      await timed.close();
    }
  });
});
