/**
 * Knowing who asks: the session cookie is read without better-auth, in one query. A forged or
 * altered cookie is a visitor; an expired session is gone; a session in use moves its end on once
 * a day, as better-auth's own rule has it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../src/features/access/access.schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { signUpAndSignIn, type FormBrowser } from '../support/form-browser.js';

let smtp: TestSmtpServer;
let app: TestApp;
let browser: FormBrowser;
let cookie: string;
beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await buildTestApp({ smtpUrl: smtp.url });
  browser = await signUpAndSignIn(
    app,
    smtp,
    { name: 'Sara Session', email: 'sara@example.org' },
    '192.0.2.60',
  );
  cookie = browser.cookieHeader();
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});

const account = (header: string) =>
  app.http.inject({ url: '/en/account', headers: { cookie: header } });

const sessionOf = async () => {
  const [person] = await app.database.db
    .select()
    .from(users)
    .where(eq(users.email, 'sara@example.org'));
  const [session] = await app.database.db
    .select()
    .from(sessions)
    .where(eq(sessions.userId, person?.id ?? ''));
  if (!session) throw new Error('no session');
  return session;
};

describe('who asks', () => {
  it('knows the person from a signed cookie, and nobody from an altered one', async () => {
    expect((await account(cookie)).statusCode).toBe(200);
    const value = /hrcn\.session_token=([^;]+)/.exec(cookie)?.[1] ?? '';
    const [token, signature] = decodeURIComponent(value).split('.');
    // Another token under the same signature, and the same token under another one.
    for (const forged of [
      `x${token?.slice(1)}.${signature}`,
      `${token}.${'A'.repeat(43)}=`,
      `${token}`,
    ]) {
      const response = await account(`hrcn.session_token=${encodeURIComponent(forged)}`);
      expect(response.statusCode, forged).toBe(303);
      expect(response.headers.location).toContain('/en/sign-in');
    }
  });

  it("costs a signed-in page one query more than a visitor's, following state included", async () => {
    const pool = app.database.pool as unknown as { query: (...args: unknown[]) => unknown };
    const query = pool.query.bind(pool);
    let queries = 0;
    pool.query = (...args: unknown[]) => {
      queries += 1;
      return query(...args);
    };
    const count = async (headers: Record<string, string>) => {
      await app.contentChanged(); // no render cache: both pages rendered
      queries = 0;
      const response = await app.http.inject({ url: '/en/knowledge/useful-links', headers });
      expect(response.statusCode).toBe(200);
      return queries;
    };
    try {
      const visitor = await count({});
      const signedIn = await count({ cookie });
      expect(visitor).toBeGreaterThan(0);
      expect(signedIn).toBe(visitor + 1);
    } finally {
      pool.query = query;
    }
  });

  it('moves the end of a session in use on once a day, and forgets an expired one', async () => {
    const session = await sessionOf();
    // Signed in 29 days ago: the end is a day away and due to move on.
    const soon = new Date(Date.now() + 24 * 60 * 60 * 1000);
    await app.database.db
      .update(sessions)
      .set({ expiresAt: soon })
      .where(eq(sessions.id, session.id));
    expect((await account(cookie)).statusCode).toBe(200);
    const moved = await sessionOf();
    expect(moved.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
    // Within the day, no write.
    const again = await sessionOf();
    expect((await account(cookie)).statusCode).toBe(200);
    expect((await sessionOf()).updatedAt).toEqual(again.updatedAt);

    await app.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, session.id));
    expect((await account(cookie)).statusCode).toBe(303);
    expect(
      await app.database.db.select().from(sessions).where(eq(sessions.id, session.id)),
    ).toEqual([]);
  });
});
