/** "Download my data" and account deletion, with the audit log anonymised. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, sessions, users } from '../../src/features/access/access.schema.js';
import { PRIVACY_NOTICE } from '../../src/features/access/index.js';
import { questions } from '../../src/features/experts/experts.schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import {
  FormBrowser,
  linkIn,
  signInAsAdministrator,
  signUpAndSignIn,
} from '../support/form-browser.js';
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

  it('holds what the person did in every feature, and nothing of anyone else', async () => {
    const admin = await signInAsAdministrator(app, '127.0.0.5');
    const ana = await signUpAndSignIn(
      app,
      smtp,
      { name: 'Ana Sousa', email: 'ana@example.org' },
      '127.0.0.6',
    );
    const anaId =
      (await app.database.db.select().from(users).where(eq(users.email, 'ana@example.org')))[0]
        ?.id ?? '';
    // Her profile, listed in the members' directory.
    const profile = await ana.submit('/en/account/profile', '/en/account/profile', {
      affiliation: 'Câmara Municipal do Porto',
      position: 'Human rights officer',
      expertise: 'housing first',
      visibility_affiliation: 'public',
      visibility_position: 'members',
      visibility_country: 'public',
      visibility_languages: 'members',
      visibility_expertise: 'members',
      visibility_themes: 'nobody',
      inDirectory: 'yes',
    });
    expect(profile.statusCode).toBe(303);
    // An administrator writes to her through the directory, and writes a publication.
    const introduced = await admin.submit(
      `/en/network/people/${anaId}`,
      `/en/network/people/${anaId}/introduce`,
      { message: 'Would you tell us about the Porto housing first programme?' },
    );
    expect(introduced.statusCode).toBe(303);
    const created = await admin.submit('/en/editor/new/publication', '/en/editor/new/publication', {
      title: 'Housing first in Porto',
      summary: 'How Porto houses people first.',
      body: 'The programme, step by step.',
      attr_authors: 'The network',
      slug: 'housing-first-porto',
      section: 'publications',
      access: 'public',
      date: '2026-11-30',
      intent: 'save',
    });
    expect(created.statusCode).toBe(303);
    // A question she asked with her address before she had an account, and someone else's.
    const question = (email: string, text: string) => ({
      askerName: email,
      askerEmail: email,
      locale: 'en',
      theme: 'housing',
      question: text,
      fingerprint: text,
      followTokenHash: `follow-${email}`,
    });
    await app.database.db
      .insert(questions)
      .values([
        question('Ana@Example.org', 'How do cities fund a housing first programme?'),
        question('someone@example.org', 'CANARY a stranger’s question'),
      ]);

    const anaData = (await ana.get('/en/account/export')).json();
    expect(anaData.user).toMatchObject({ email: 'ana@example.org' });
    expect(anaData.profile).toMatchObject({
      affiliation: 'Câmara Municipal do Porto',
      inDirectory: true,
    });
    expect(anaData.introductions.received).toEqual([
      expect.objectContaining({ from: 'Erika Editor' }),
    ]);
    expect(anaData.questionsAsked).toEqual([
      expect.objectContaining({ question: 'How do cities fund a housing first programme?' }),
    ]);
    expect(anaData.revisionsWritten).toEqual([]);
    expect(JSON.stringify(anaData)).not.toContain('CANARY');
    expect(JSON.stringify(anaData)).not.toContain('erika@example.org');

    const adminData = (await admin.get('/en/account/export')).json();
    expect(adminData.introductions.sent).toEqual([expect.objectContaining({ to: 'Ana Sousa' })]);
    expect(adminData.itemsCreated).toEqual([
      expect.objectContaining({ slug: 'housing-first-porto', section: 'publications' }),
    ]);
    expect(adminData.revisionsWritten).toEqual([
      expect.objectContaining({ title: 'Housing first in Porto', locale: 'en' }),
    ]);
    expect(adminData.questionsAsked).toEqual([]);
    expect(JSON.stringify(adminData)).not.toContain('Câmara Municipal do Porto');
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
