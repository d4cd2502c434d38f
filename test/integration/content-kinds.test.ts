/**
 * The kinds contract through the real channels: a kind declared in one place (this file) appears in
 * search, a feed, the sitemap, the API and exports without any channel naming it; every registered
 * kind's members-only canary reaches no channel (nor its page's metadata) for a visitor; and a kind
 * that forgets its layer filter is caught on each channel it is on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalogue } from '../../src/platform/i18n/catalogue.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import {
  channelAddresses,
  leaksOf,
  metadataLeaksOf,
  plantCanaries,
  thingKind,
  type Thing,
} from '../support/kinds.js';

const CANARY = 'Kindcanary-4e1b2d';
/** A word of the canary: search pages repeat the query, so the query is not the whole canary. */
const WORD = 'Kindcanary';

describe('a kind declared once', () => {
  let app: TestApp;
  const things: Thing[] = [
    {
      key: 'water',
      title: 'A public thing about water',
      summary: 'Clean water for all.',
      layer: 'public',
    },
  ];
  beforeAll(async () => {
    app = await buildTestApp({ extraKinds: [thingKind(things, { filterLayers: true })] });
  });
  afterAll(async () => {
    await app.close();
  });

  it('appears in search, a feed, the sitemap, the API and exports', async () => {
    const page = await app.http.inject({ url: '/en/search?q=water' });
    expect(page.body).toContain('A public thing about water');
    const api = await app.http.inject({ url: '/api/search?q=water' });
    expect(api.json<{ site: { kind: string; url: string }[] }>().site).toContainEqual({
      kind: 'thing',
      title: 'A public thing about water',
      url: 'http://localhost:3000/en/things/water',
    });
    const feed = await app.http.inject({ url: '/fr/things/feed.atom' });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('http://localhost:3000/fr/things/water');
    const index = await app.http.inject({ url: '/sitemap.xml' });
    expect(index.body).toContain('/sitemap-things-1.xml');
    const sitemap = await app.http.inject({ url: '/sitemap-things-1.xml' });
    expect(sitemap.body).toContain('<loc>http://localhost:3000/de/things/water</loc>');
    const list = await app.http.inject({ url: '/api/things' });
    expect(list.json()).toMatchObject({ total: 1, items: [{ key: 'water' }] });
    const one = await app.http.inject({ url: '/api/things/water' });
    expect(one.json()).toMatchObject({ title: 'A public thing about water' });
    expect((await app.http.inject({ url: '/api/things/nothing' })).statusCode).toBe(404);
    const document = await app.http.inject({ url: '/api/openapi.json' });
    expect(Object.keys(document.json<{ paths: object }>().paths)).toContain('/api/things/{key}');
    const csv = await app.http.inject({ url: '/en/things/export.csv' });
    expect(csv.headers['content-disposition']).toBe('attachment; filename="things.csv"');
    expect(csv.body).toContain('Clean water for all.');
  });

  it('keeps every kind’s members-only canary out of every channel', async () => {
    const plants = await plantCanaries(app, CANARY);
    expect([...plants.keys()].map((kind) => kind.name)).toEqual([
      'organisation',
      'item',
      'page',
      'link',
      'answer',
      'event',
      'thread',
      'trend',
      'city',
      'newsletter',
      'thing',
    ]);
    const addresses = await channelAddresses(app, plants, WORD);
    // Every channel of the registered kinds is in the crawl.
    expect(addresses).toEqual(
      expect.arrayContaining([
        '/en/knowledge/publications/feed.atom',
        '/fr/knowledge/themes/housing/feed.rss',
        '/sitemap-items-1.xml',
        '/api/items',
        `/api/items/${CANARY.toLowerCase()}-item`,
        '/en/knowledge/publications/export.csv',
        '/en/things/feed.atom',
        '/sitemap-things-1.xml',
        `/api/things/${CANARY.toLowerCase()}-thing`,
        '/en/things/export.json',
        '/en/events/feed.atom',
        '/sitemap-events-1.xml',
        '/en/events/export.csv',
        '/en/dialogue/feed.atom',
        '/en/dialogue/canary-members-space/feed.atom',
        '/sitemap-threads-1.xml',
        '/en/dialogue/canary-members-space/export.csv',
        '/en/news/feed.atom',
        '/sitemap-trends-1.xml',
        '/api/trends',
        '/en/news/trends/export.csv',
        '/en/cities/feed.atom',
        '/sitemap-cities-1.xml',
        '/api/cities/canary-city',
        '/en/cities/canary-city/export.csv',
        '/en/newsletter/archive/feed.atom',
        '/sitemap-newsletters-1.xml',
      ]),
    );
    expect(await leaksOf(app, addresses, CANARY)).toEqual([]);
    // A public event's online link and room details: on no page or calendar of its own either.
    const eventPages = ['/en/events', '/en/events/calendar.ics', '/en/events/canary-public-event'];
    eventPages.push('/en/events/canary-public-event/event.ics', '/en/events/canary-members-event');
    expect(await leaksOf(app, eventPages, CANARY)).toEqual([]);
    expect((await app.http.inject({ url: eventPages[2] ?? '' })).body).toContain(
      'A public webinar',
    );
    expect(await metadataLeaksOf(app, plants, CANARY)).toEqual([]);
    // Where the canary was looked for, a member finds it: the crawl looked in the right places.
    const member = {
      kind: 'user',
      id: '00000000-0000-4000-8000-000000000001',
      role: 'practitioner',
    } as const;
    for (const kind of app.kinds.filter((entry) =>
      ['page', 'link', 'answer', 'event', 'thread', 'trend', 'newsletter', 'thing'].includes(
        entry.name,
      ),
    )) {
      const documents = (await kind.search?.documents(member)) ?? [];
      expect(documents.map((document) => document.title).join(' '), kind.name).toContain(CANARY);
    }
    const feed = await app.kinds
      .find((kind) => kind.name === 'item')
      ?.feeds[0]?.read(member, { section: 'publications' }, new Catalogue().translator('en'), 30);
    expect(feed?.map((entry) => entry.title)).toContain(`${CANARY} item title`);
    // The planted item is there: a visitor is told it is for members, and no more.
    const refused = await app.http.inject({ url: `/api/items/${CANARY.toLowerCase()}-item` });
    expect(refused.statusCode).toBe(403);
    // A member's page of each planted entry is described with it.
    const reader = { locale: 'en', publicUrl: 'http://localhost:3000', text: (key: string) => key };
    for (const kind of app.kinds.filter((entry) => entry.metadata)) {
      const key = plants.get(kind)?.key ?? '';
      const described = await kind.metadata?.describe(member, key, reader);
      expect(JSON.stringify(described), kind.name).toContain(CANARY);
    }
  });
});

describe('a kind that forgets its layer filter', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp({ extraKinds: [thingKind([], { filterLayers: false })] });
  });
  afterAll(async () => {
    await app.close();
  });

  it('is caught on every channel it is on', async () => {
    const plants = await plantCanaries(app, CANARY);
    const leaks = await leaksOf(app, await channelAddresses(app, plants, WORD), CANARY);
    expect(await metadataLeaksOf(app, plants, CANARY)).toEqual(['thing']);
    expect(leaks.sort()).toEqual(
      [
        `/api/search?q=${WORD}`,
        '/api/things',
        `/api/things/${CANARY.toLowerCase()}-thing`,
        '/en/feed.atom',
        `/en/search?q=${WORD}`,
        '/en/things/export.csv',
        '/en/things/export.json',
        '/en/things/feed.atom',
        '/fr/feed.rss',
        `/fr/search?q=${WORD}`,
        '/fr/things/feed.rss',
        '/sitemap-things-1.xml',
      ].sort(),
    );
  });
});
