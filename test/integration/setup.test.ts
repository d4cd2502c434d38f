import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/features/access/index.js';
import { accounts, users } from '../../src/features/access/access.schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ publicUrl: 'https://hrcn.example' });
});
afterAll(async () => {
  await app.close();
});

/** Opens the form and returns what a browser would send back: cookie and CSRF token. */
async function openForm(
  path: string,
): Promise<{ cookie: string; csrf: string; status: number; body: string }> {
  const response = await app.http.inject({ url: path });
  const cookie = String(response.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1] ?? '';
  return { cookie, csrf, status: response.statusCode, body: response.body };
}

function post(path: string, cookie: string, fields: Record<string, string>) {
  return app.http.inject({
    method: 'POST',
    url: path,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

describe('first administrator set-up link', () => {
  it('creates the administrator once, then stops working', async () => {
    expect(await app.access.needsFirstAdministrator()).toBe(true);
    const link = await app.access.issueSetupLink('fr');
    expect(link.url).toMatch(/^https:\/\/hrcn\.example\/fr\/setup\/[A-Za-z0-9_-]{43}$/);
    const path = new URL(link.url).pathname;

    const form = await openForm(path);
    expect(form.status).toBe(200);
    expect(form.cookie).toMatch(/^hrcn_csrf=/);

    // Errors come back localised, with what was typed kept (but never the password).
    const invalid = await post(path, form.cookie, {
      _csrf: form.csrf,
      name: 'Ada',
      email: 'not-an-address',
      password: 'short',
      passwordConfirmation: 'other',
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('value="Ada"');
    expect(invalid.body).toContain('value="not-an-address"');
    expect(invalid.body).not.toContain('value="short"');
    expect(invalid.body).toContain('role="alert"');
    expect(invalid.body.match(/class="field-error"/g)).toHaveLength(3);

    const retry = await openForm(path);
    const done = await post(path, retry.cookie, {
      _csrf: retry.csrf,
      name: 'Ada Lovelace',
      email: 'Ada@Example.org',
      password: 'correct horse battery staple',
      passwordConfirmation: 'correct horse battery staple',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('ada@example.org');
    // The new administrator is shown the way in, in the link's language.
    expect(done.body).toContain('href="/fr/sign-in"');
    expect(done.body).toContain('Se connecter');
    expect(done.body).not.toContain('arrivera');
    expect(done.headers['cache-control']).toBe('no-store');

    const [admin] = await app.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'ada@example.org'));
    expect(admin?.role).toBe('administrator');
    expect(admin?.locale).toBe('fr');
    const [account] = await app.database.db
      .select()
      .from(accounts)
      .where(eq(accounts.userId, admin?.id ?? ''));
    expect(account?.password).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', account?.password ?? '')).toBe(
      true,
    );
    expect(await app.access.needsFirstAdministrator()).toBe(false);

    const again = await app.http.inject({ url: path });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('hrcn user create-admin');
  });

  it('refuses a form sent without its CSRF token, localised', async () => {
    const link = await app.access.issueSetupLink('de');
    const path = new URL(link.url).pathname;
    const form = await openForm(path);
    const forged = await post(path, form.cookie, {
      name: 'Mallory',
      email: 'm@example.org',
      password: 'x'.repeat(20),
      passwordConfirmation: 'x'.repeat(20),
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('<html lang="de"');
    const noCookie = await post(path, '', {
      _csrf: form.csrf,
      name: 'Mallory',
      email: 'm@example.org',
      password: 'x'.repeat(20),
      passwordConfirmation: 'x'.repeat(20),
    });
    expect(noCookie.statusCode).toBe(403);
  });

  it('refuses an unknown or expired link', async () => {
    expect((await app.http.inject({ url: '/en/setup/not-a-token' })).statusCode).toBe(410);
    const past = await buildTestApp({ clock: () => new Date(Date.now() - 48 * 3600 * 1000) });
    try {
      const link = await past.access.issueSetupLink();
      const response = await app.http.inject({ url: new URL(link.url).pathname });
      expect(response.statusCode).toBe(410);
    } finally {
      await past.close();
    }
  });

  it('refuses a second administrator with the same address', async () => {
    const link = await app.access.issueSetupLink();
    const path = new URL(link.url).pathname;
    const form = await openForm(path);
    const response = await post(path, form.cookie, {
      _csrf: form.csrf,
      name: 'Ada again',
      email: 'ada@example.org',
      password: 'another long passphrase',
      passwordConfirmation: 'another long passphrase',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('already exists');
  });
});
