/**
 * Bad input gets a clear, localised error and never a 500: a NUL character in an address or a
 * form (which PostgreSQL text cannot hold) is refused as not understood before any route reads it;
 * a parameter given twice, a huge or negative number, a very long value or a nested name is read
 * as well as it can be, on every list and form page a visitor reaches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { signInAsAdministrator } from '../support/form-browser.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('a NUL character', () => {
  it.each([
    '/en/search?q=%00',
    '/fr/search?q=a%00b',
    '/api/search?q=%00',
    '/api/items/%00',
    '/en/experts/answers?q=%00',
    '/en/admin/people?q=%00',
    '/en/admin/audit?subject=%00',
    '/de/knowledge/publications?theme=%00',
    '/en/network/people?expertise=%00',
  ])('in %s is a 400 with the error page in its language', async (url) => {
    const response = await app.http.inject({ url });
    expect(response.statusCode).toBe(400);
    if (url.startsWith('/api/')) {
      expect(response.json()).toMatchObject({ error: { code: 'errors.badRequest.message' } });
    } else {
      const locale = url.slice(1, 3);
      expect(response.body).toContain(`<html lang="${locale}"`);
      expect(response.body).not.toContain('Error:');
    }
  });

  it('in a form is a 400, before the form is read', async () => {
    const response = await app.http.inject({
      method: 'POST',
      url: '/it/experts/ask',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'question=Una%20domanda%00&email=a%40example.org',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<html lang="it"');
  });
});

describe('odd query strings on the pages a visitor reaches', () => {
  const PAGES = [
    '/en/',
    '/en/search',
    '/api/search',
    '/api/items',
    '/en/knowledge/publications',
    '/en/knowledge/good-practices/export.csv',
    '/en/knowledge/publications/feed.atom',
    '/en/network',
    '/en/network/people',
    '/en/experts/answers',
    '/en/experts/ask',
    '/en/about',
    '/oai',
    '/en/sign-in',
    '/en/sign-up',
    '/en/network/apply',
    '/en/editor',
    '/en/admin/audit',
    '/en/verify-email',
    '/en/reset-password',
  ];
  const NAMES = ['q', 'page', 'theme', 'sdg', 'country', 'language', 'year', 'type', 'section'];
  const MORE_NAMES = ['kind', 'expertise', 'right', 'lang', 'exact', 'subject', 'verb', 'token'];
  const VALUES = (name: string) => [
    `${name}=a&${name}=b`,
    `${name}=99999999999999999999`,
    `${name}=-1`,
    `${name}=${'x'.repeat(3000)}`,
    `${name}[a]=1`,
  ];

  it('never answer with a server error', async () => {
    const failures: string[] = [];
    for (const page of PAGES)
      for (const name of [...NAMES, ...MORE_NAMES])
        for (const query of VALUES(name)) {
          const url = `${page}?${query}`;
          const response = await app.http.inject({ url });
          if (response.statusCode >= 500)
            failures.push(`${response.statusCode} ${url.slice(0, 100)}`);
        }
    expect(failures).toEqual([]);
  });
});

describe('odd query strings on the pages staff reach', () => {
  const PAGES = [
    '/en/editor',
    '/en/editor/questions',
    '/en/editor/links',
    '/en/editor/links/groups',
    '/en/editor/import',
    '/en/editor/new/publication',
    '/en/admin/audit',
    '/en/admin/people',
    '/en/admin/organisations',
    '/en/admin/applications',
    '/en/admin/outbox',
    '/en/experts/workspace',
    '/en/account',
    '/en/account/profile',
    '/en/network/people',
  ];
  const NAMES = ['q', 'page', 'theme', 'status', 'type', 'view', 'subject', 'failing', 'lang'];
  const MORE_NAMES = ['saved', 'notice', 'country', 'expertise', 'role', 'kind'];

  it('never answer an administrator with a server error', async () => {
    const admin = await signInAsAdministrator(app);
    const failures: string[] = [];
    for (const page of PAGES)
      for (const name of [...NAMES, ...MORE_NAMES])
        for (const query of [
          `${name}=a&${name}=b`,
          `${name}=99999999999999999999`,
          `${name}=-1`,
          `${name}=${'x'.repeat(3000)}`,
          `${name}[a]=1`,
        ]) {
          const response = await admin.get(`${page}?${query}`);
          if (response.statusCode >= 500)
            failures.push(`${response.statusCode} ${page}?${query.slice(0, 60)}`);
        }
    expect(failures).toEqual([]);
  });
});
