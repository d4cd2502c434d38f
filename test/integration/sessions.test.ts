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

/** Counts the queries an app sends to PostgreSQL until restored. */
function countQueries(target: TestApp) {
  const pool = target.database.pool as unknown as { query: (...args: unknown[]) => unknown };
  const query = pool.query.bind(pool);
  let count = 0;
  pool.query = (...args: unknown[]) => {
    count += 1;
    return query(...args);
  };
  return {
    get count() {
      return count;
    },
    reset: () => void (count = 0),
    restore: () => void (pool.query = query),
  };
}

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
    const counter = countQueries(app);
    const count = async (headers: Record<string, string>) => {
      await app.contentChanged(); // no render cache: both pages rendered
      counter.reset();
      const response = await app.http.inject({ url: '/en/knowledge/useful-links', headers });
      expect(response.statusCode).toBe(200);
      return counter.count;
    };
    try {
      const visitor = await count({});
      const signedIn = await count({ cookie });
      expect(visitor).toBeGreaterThan(0);
      expect(signedIn).toBe(visitor + 1);
    } finally {
      counter.restore();
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

describe('who asks, read again only after a few seconds', () => {
  let windowed: TestApp;
  let reader: FormBrowser;
  beforeAll(async () => {
    windowed = await buildTestApp({ smtpUrl: smtp.url, viewerWindowMs: 60_000 });
    reader = await signUpAndSignIn(
      windowed,
      smtp,
      { name: 'Wanda Window', email: 'wanda@example.org' },
      '192.0.2.61',
    );
  });
  afterAll(async () => {
    await windowed.close();
  });

  it('costs no query to know who asks within the window; a write, a change or sign-out ends it', async () => {
    const counter = countQueries(windowed);
    const page = '/knowledge/thematic-issues?theme=housing';
    const count = async (headers: Record<string, string>) => {
      counter.reset();
      const response = await windowed.http.inject({ url: `/en${page}`, headers });
      expect(response.statusCode).toBe(200);
      return { queries: counter.count, body: response.body };
    };
    // The session as a browser holds it once the few seconds after a write have passed.
    const held = reader
      .cookieHeader()
      .split('; ')
      .filter((pair) => !pair.startsWith('hrcn_fresh='))
      .join('; ');
    try {
      // A change anywhere: sessions are read afresh. It empties this instance at once and again
      // when its own notification comes back: measured after both, so that no count is of a
      // memo emptied in the middle.
      let clears = 0;
      const echoed = new Promise<void>((resolve) =>
        windowed.renderCache?.onClear(() => {
          clears += 1;
          if (clears === 2) resolve();
        }),
      );
      await windowed.contentChanged();
      await echoed;
      await count({ cookie: held });
      const again = await count({ cookie: held });
      const asked = await count({ cookie: `${held}; hrcn_fresh=1` });
      expect(asked.queries).toBe(again.queries + 1);
      // A write (following a theme) is seen on the next page at once, here and, by the cookie
      // that asks for a fresh read, on any other instance.
      const followed = await reader.submit(`/en${page}`, '/en/follow', {
        topic: 'theme:housing',
        back: page,
        follow: 'on',
      });
      expect(followed.statusCode).toBe(303);
      expect(String(followed.headers['set-cookie'])).toContain('hrcn_fresh=1; Max-Age=5;');
      const fresh = await count({ cookie: reader.cookieHeader() });
      expect(fresh.queries).toBe(again.queries + 1);
      expect(fresh.body).toContain('You follow Housing.');
      // Signed out: the same session cookie, sent again, is nobody's.
      const out = await reader.submit('/en/account', '/en/sign-out', {});
      expect(out.statusCode).toBe(303);
      expect(
        (await windowed.http.inject({ url: '/en/account', headers: { cookie: held } })).statusCode,
      ).toBe(303);
    } finally {
      counter.restore();
    }
  });
});
