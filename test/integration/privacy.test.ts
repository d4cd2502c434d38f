/** "Download my data" and account deletion, with the audit log anonymised. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, sessions, users } from '../../src/features/access/access.schema.js';
import { PRIVACY_NOTICE } from '../../src/features/access/index.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { FormBrowser, linkIn } from '../support/form-browser.js';
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

const PASSWORD = 'my own private passphrase';

async function member(browser: FormBrowser): Promise<void> {
  await browser.submit('/it/sign-up', '/it/sign-up', {
    name: 'Giulia Rossi',
    email: 'giulia@example.org',
    password: PASSWORD,
    passwordConfirmation: PASSWORD,
    consent: 'yes',
  });
  await browser.get(linkIn(smtp.received.at(-1)?.text, '/it/verify-email'));
}

describe('privacy', () => {
  it('gives a person everything held about them, and no secret', async () => {
    const browser = new FormBrowser(app);
    await member(browser);
    const response = await browser.get('/it/account/export');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const data = response.json();
    expect(data.user).toMatchObject({
      name: 'Giulia Rossi',
      email: 'giulia@example.org',
      locale: 'it',
    });
    expect(data.signInMethods).toEqual([expect.objectContaining({ providerId: 'credential' })]);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.securityEvents.map((event: { type: string }) => event.type)).toEqual(
      expect.arrayContaining(['sign-up', 'email.verified']),
    );
    expect(data.consents).toEqual([
      expect.objectContaining({
        document: 'privacy-notice',
        version: PRIVACY_NOTICE.version,
        locale: 'it',
        withdrawnAt: null,
      }),
    ]);
    expect((await browser.get('/it/account')).body).toContain(`versione ${PRIVACY_NOTICE.version}`);
    expect(response.body).not.toMatch(/password"|token|secret/i);
    expect((await new FormBrowser(app).get('/it/account/export')).statusCode).toBe(303);
  });

  it('deletes an account only with its password, then removes the person from the audit log', async () => {
    const browser = new FormBrowser(app, '127.0.0.2');
    await browser.submit('/en/sign-in', '/en/sign-in', {
      email: 'giulia@example.org',
      password: PASSWORD,
    });
    const [user] = await app.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'giulia@example.org'));

    const wrong = await browser.submit('/en/account', '/en/account/delete', {
      password: 'not my password',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('This is not the password of your account');

    const deleted = await browser.submit('/en/account', '/en/account/delete', {
      password: PASSWORD,
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.body).toContain('Account deleted');
    expect(deleted.body).toContain('href="/en/sign-in"'); // shown as signed out
    expect(
      await app.database.db.select().from(users).where(eq(users.email, 'giulia@example.org')),
    ).toHaveLength(0);
    expect(
      await app.database.db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, user?.id ?? '')),
    ).toHaveLength(0);
    const [traces] = await app.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(
        sql`${auditEvents.subject} = 'giulia@example.org' OR ${auditEvents.actorId} = ${user?.id ?? null}`,
      );
    expect(traces?.n).toBe(0);
    const [anonymous] = await app.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.type, 'account.deleted'));
    expect(anonymous).toMatchObject({ subject: null, actorId: null, ip: null });
    expect((await browser.get('/en/account')).statusCode).toBe(303);
    const again = await new FormBrowser(app, '127.0.0.3').submit('/en/sign-in', '/en/sign-in', {
      email: 'giulia@example.org',
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(401);
  });
});
