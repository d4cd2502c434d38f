/** Without SMTP, mail waits in the outbox, which administrators read in the browser. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { FormBrowser, turnOnTwoFactor } from '../support/form-browser.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp(); // no smtpUrl: the outbox
});
afterAll(async () => {
  await app.close();
});

describe('the outbox', () => {
  it('keeps the confirmation message of a sign-up, for administrators only', async () => {
    expect(app.mailer.kind).toBe('outbox');
    const visitor = new FormBrowser(app);
    await visitor.submit('/es/sign-up', '/es/sign-up', {
      name: 'Ana García',
      email: 'ana@example.org',
      password: 'una frase de paso larga',
      passwordConfirmation: 'una frase de paso larga',
      consent: 'yes',
    });

    const path = new URL((await app.access.issueSetupLink('en')).url).pathname;
    const admin = new FormBrowser(app, '127.0.0.2');
    const password = 'the administrator passphrase';
    await admin.submit(path, path, {
      name: 'Admin',
      email: 'admin@example.org',
      password,
      passwordConfirmation: password,
    });
    await admin.submit('/en/sign-in', '/en/sign-in', { email: 'admin@example.org', password });
    await turnOnTwoFactor(admin, password);

    const page = await admin.get('/en/admin/outbox');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('To ana@example.org');
    expect(page.body).toContain('/es/verify-email?token=');
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await visitor.get('/en/admin/outbox')).statusCode).toBe(303);
  });
});
