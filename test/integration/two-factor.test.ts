/** Two-factor sign-in (TOTP and recovery codes), required for editors and administrators. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { FormBrowser, totpCode, turnOnTwoFactor } from '../support/form-browser.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const PASSWORD = 'the administrator passphrase';

async function firstAdministrator(browser: FormBrowser): Promise<void> {
  const path = new URL((await app.access.issueSetupLink('en')).url).pathname;
  await browser.submit(path, path, {
    name: 'Ada',
    email: 'ada@example.org',
    password: PASSWORD,
    passwordConfirmation: PASSWORD,
  });
  const signIn = await browser.submit('/en/sign-in', '/en/sign-in', {
    email: 'ada@example.org',
    password: PASSWORD,
  });
  expect(signIn.headers.location).toBe('/en/account');
}

describe('two-factor sign-in', () => {
  let totpUri = '';
  let recoveryCodes: string[] = [];

  it('is required before an administrator goes anywhere', async () => {
    const browser = new FormBrowser(app);
    await firstAdministrator(browser);
    for (const path of ['/en/account', '/en/admin/audit', '/en/knowledge']) {
      const response = await browser.get(path);
      expect(response.statusCode, path).toBe(303);
      expect(response.headers.location).toBe('/en/account/two-factor');
    }
    const page = await browser.get('/en/account/two-factor');
    expect(page.body).toContain('two-factor sign-in is required');

    // A wrong password, then the right one: the key (QR code and text) and ten recovery codes.
    const wrong = await browser.submit('/en/account/two-factor', '/en/account/two-factor/start', {
      password: 'not it',
    });
    expect(wrong.statusCode).toBe(422);
    const setup = await browser.submit('/en/account/two-factor', '/en/account/two-factor/start', {
      password: PASSWORD,
    });
    expect(setup.body).toContain('<svg');
    expect(setup.body).toContain('role="img"');

    ({ totpUri, recoveryCodes } = await turnOnTwoFactor(browser, PASSWORD));
    expect(totpUri).toMatch(/^otpauth:\/\/totp\//);
    expect(recoveryCodes).toHaveLength(10);
    expect((await browser.get('/en/admin/audit')).statusCode).toBe(200);
  });

  it('asks for a code after the password, and accepts a recovery code once', async () => {
    const browser = new FormBrowser(app, '127.0.0.2');
    const first = await browser.submit('/en/sign-in', '/en/sign-in', {
      email: 'ada@example.org',
      password: PASSWORD,
    });
    expect(first.headers.location).toBe('/en/sign-in/two-factor');
    expect((await browser.get('/en/account')).statusCode).toBe(303); // no session yet

    const wrong = await browser.submit('/en/sign-in/two-factor', '/en/sign-in/two-factor', {
      code: '000000',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('This code is not right');
    const right = await browser.submit('/en/sign-in/two-factor', '/en/sign-in/two-factor', {
      code: await totpCode(totpUri),
    });
    expect(right.headers.location).toBe('/en/account');
    expect((await browser.get('/en/admin/audit')).statusCode).toBe(200);

    const lostPhone = new FormBrowser(app, '127.0.0.3');
    await lostPhone.submit('/en/sign-in', '/en/sign-in', {
      email: 'ada@example.org',
      password: PASSWORD,
    });
    const recovered = await lostPhone.submit('/en/sign-in/two-factor', '/en/sign-in/two-factor', {
      code: recoveryCodes[0] ?? '',
    });
    expect(recovered.headers.location).toBe('/en/account');

    const again = new FormBrowser(app, '127.0.0.4');
    await again.submit('/en/sign-in', '/en/sign-in', {
      email: 'ada@example.org',
      password: PASSWORD,
    });
    const reused = await again.submit('/en/sign-in/two-factor', '/en/sign-in/two-factor', {
      code: recoveryCodes[0] ?? '',
    });
    expect(reused.statusCode).toBe(422);
  });
});
