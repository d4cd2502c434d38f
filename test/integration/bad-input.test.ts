/**
 * Bad input gets a clear, localised error and never a 500: a NUL character in an address or a
 * form (which PostgreSQL text cannot hold) is refused as not understood before any route reads it;
 * a parameter given twice, a huge or negative number, a very long value or a nested name is read
 * as well as it can be; a form cut short or sent broken is a 400. The routes come from the router
 * itself, so that every route a feature adds is fuzzed from its declaration, as a visitor and as
 * an administrator (who reaches every page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../support/app.js';
import { FormBrowser, signInAsAdministrator } from '../support/form-browser.js';
import { fillRoute, paramNames, routePaths } from '../support/routes.js';

// Built while the tests are collected, so that each route is a test of its own.
const app = await buildTestApp();
let visitor: FormBrowser;
let admin: FormBrowser;
beforeAll(async () => {
  visitor = new FormBrowser(app, '127.0.0.3');
  admin = await signInAsAdministrator(app);
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

/** Real values for each parameter, so that a route is reached past its lookup. */
const samples = await (async () => {
  const one = async (sql: string): Promise<string> =>
    String((await app.database.pool.query(sql)).rows[0]?.value ?? 'none');
  return {
    item: await one(`SELECT id AS value FROM items WHERE status = 'published' LIMIT 1`),
    section: await one(`SELECT section AS value FROM items WHERE status = 'published' LIMIT 1`),
    itemSlug: await one(`SELECT slug AS value FROM items WHERE status = 'published' LIMIT 1`),
    organisation: await one(`SELECT slug AS value FROM organisations LIMIT 1`),
    organisationId: await one(`SELECT id AS value FROM organisations LIMIT 1`),
    linkGroup: await one(`SELECT id AS value FROM link_groups LIMIT 1`),
    link: await one(`SELECT id AS value FROM links LIMIT 1`),
  };
})();

const NOBODY = '00000000-0000-4000-8000-000000000000';

/** A likely value of `name` in `path`. */
function sample(path: string, name: string): string {
  const under = (part: string) => path.includes(`/${part}/`);
  switch (name) {
    case 'locale':
      return 'en';
    case 'format':
      return path.includes('export.') ? 'csv' : 'atom';
    case 'section':
      return samples.section;
    case 'slug':
      if (under('knowledge')) return samples.itemSlug;
      if (under('network')) return samples.organisation;
      return 'how-we-work';
    case 'theme':
      return 'housing';
    case 'type':
      return 'publication';
    case 'file':
      return '1';
    case 'name':
      return path.startsWith('/assets/') ? 'site.css' : 'file.pdf';
    case 'action':
      return 'up';
    case 'revision':
      return '1';
    case 'id':
      if (under('items')) return samples.item;
      if (under('organisations')) return samples.organisationId;
      if (under('groups')) return samples.linkGroup;
      if (under('links')) return samples.link;
      return NOBODY;
    default:
      return NOBODY;
  }
}

/** Values of a path parameter that no link holds, URL-encoded as sent. */
const ODD_PARAMETERS = [
  '99999999999999999999',
  '-1',
  'x'.repeat(300),
  '%E0%A4%A',
  '..%2F..%2Fetc%2Fpasswd',
  encodeURIComponent('ünï côdé'),
];

/** Every query parameter any page reads. */
const NAMES = ['q', 'page', 'theme', 'sdg', 'country', 'language', 'year', 'type', 'section'];
const MORE_NAMES = ['kind', 'expertise', 'right', 'lang', 'exact', 'subject', 'verb', 'token'];
const STAFF_NAMES = ['status', 'view', 'failing', 'saved', 'notice', 'role', 'metadataPrefix'];
const ALL_NAMES = [...NAMES, ...MORE_NAMES, ...STAFF_NAMES];

/** Odd query strings: each odd value for every name at once, long values a few names at a time. */
const ODD_QUERIES = [
  ALL_NAMES.map((name) => `${name}=a&${name}=b`).join('&'),
  ALL_NAMES.map((name) => `${name}=99999999999999999999`).join('&'),
  ALL_NAMES.map((name) => `${name}=-1`).join('&'),
  ALL_NAMES.map((name) => `${name}[a]=1`).join('&'),
  ALL_NAMES.map((name) => `${name}=%E0%A4%A`).join('&'),
  `q=${'x'.repeat(3000)}`,
  `q=${'-'.repeat(500)}`,
  ...[NAMES, MORE_NAMES, STAFF_NAMES].map((names) =>
    names
      .filter((name) => name !== 'q')
      .map((name) => `${name}=${'x'.repeat(1000)}`)
      .join('&'),
  ),
];

/** The addresses a route is tried at: its sample, each parameter odd in turn, each odd query. */
function oddAddresses(path: string): string[] {
  const names = paramNames(path);
  const filled = fillRoute(path, (name) => encodeURIComponent(sample(path, name)));
  return [
    filled,
    ...names.flatMap((odd) =>
      ODD_PARAMETERS.map((value) =>
        fillRoute(path, (name) => (name === odd ? value : encodeURIComponent(sample(path, name)))),
      ),
    ),
    ...ODD_QUERIES.map((query) => `${filled}?${query}`),
  ];
}

const GET_ROUTES = routePaths(app.http, 'GET');
const POST_ROUTES = routePaths(app.http, 'POST');

describe('every route read with odd addresses', () => {
  it('are found in the router', () => {
    expect(GET_ROUTES.length).toBeGreaterThan(60);
    expect(GET_ROUTES).toContain('/:locale/knowledge/:section/:slug');
    expect(POST_ROUTES).toContain('/:locale/editor/items/:id/files');
  });

  it.each(GET_ROUTES)('%s never answers with a server error', async (path) => {
    const failures: string[] = [];
    for (const address of oddAddresses(path))
      for (const [who, browser] of [
        ['visitor', visitor],
        ['administrator', admin],
      ] as const) {
        const response = await browser.get(address);
        if (response.statusCode >= 500)
          failures.push(`${response.statusCode} ${who} ${address.slice(0, 120)}`);
      }
    expect(failures).toEqual([]);
  });
});

/** Bodies no browser sends: a form cut short, broken parts, a body of the wrong type. */
const BOUNDARY = '----hrcn-fuzz';
const part = (name: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const BROKEN_BODIES: [string, string][] = [
  // Cut short in a field, and in a file, as when a connection drops during an upload.
  [
    `multipart/form-data; boundary=${BOUNDARY}`,
    `${part('_csrf', 'x')}--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHal`,
  ],
  [
    `multipart/form-data; boundary=${BOUNDARY}`,
    `${part('_csrf', 'x')}--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\ntitle,year\nA,20`,
  ],
  [`multipart/form-data; boundary=${BOUNDARY}`, 'not multipart at all'],
  ['multipart/form-data', part('a', 'b')],
  [
    `multipart/form-data; boundary=${BOUNDARY}`,
    `--${BOUNDARY}\r\nbroken header\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
  ],
  [`multipart/form-data; boundary=${BOUNDARY}`, `${part('__proto__', 'x')}--${BOUNDARY}--\r\n`],
  ['application/x-www-form-urlencoded', 'a=%E0%A4%A&b[c]=1&_csrf=x&_csrf=y'],
  ['application/json', '{"a": '],
  ['application/json', '{"__proto__": {"x": 1}}'],
  ['text/plain', 'hello'],
];

describe('every form sent broken', () => {
  it('a form cut short is a 400 with the error page in its language', async () => {
    const [type, body] = BROKEN_BODIES[1] ?? ['', ''];
    const response = await admin.post(`/de/editor/import`, type, body);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<html lang="de"');
  });

  it.each(POST_ROUTES)('%s refuses it as not understood, never a server error', async (path) => {
    const failures: string[] = [];
    const address = fillRoute(path, (name) => encodeURIComponent(sample(path, name)));
    for (const [type, body] of BROKEN_BODIES)
      for (const [who, browser] of [
        ['visitor', visitor],
        ['administrator', admin],
      ] as const) {
        const response = await browser.post(address, type, body);
        // OAI-PMH answers a request it cannot read with an XML error of its own, as the protocol says.
        const refused = path === '/oai' || response.statusCode >= 400;
        if (response.statusCode >= 500 || !refused)
          failures.push(`${response.statusCode} ${who} ${type.slice(0, 30)} ${body.slice(-30)}`);
      }
    expect(failures).toEqual([]);
  });
});
