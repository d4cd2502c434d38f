/**
 * The members-layer test over the kinds contract: plants each registered kind's canary, derives
 * every channel address from the kinds (feeds, sitemap, API, export, search) and reads them as a
 * visitor, with the metadata of each planted entry's page. A test kind kept in memory shows that a kind appears on every channel from its
 * declaration alone, and that a kind which forgets its layer filter is caught.
 */
import { defineKind, type ContentKind, type Params } from '../../src/channels/kind.js';
import { fillPath } from '../../src/channels/feeds.routes.js';
import { ANONYMOUS, readableLevels, type Viewer } from '../../src/features/access/index.js';
import type { TestApp } from './app.js';

export interface Thing {
  key: string;
  title: string;
  summary: string;
  layer: 'public' | 'members';
}

/**
 * A kind of "things" read from an array. With `filterLayers: false` its every read forgets the
 * viewer's layers, as a careless new kind would.
 */
export function thingKind(things: Thing[], options: { filterLayers: boolean }): ContentKind {
  const readable = (viewer: Viewer): Thing[] =>
    options.filterLayers
      ? things.filter((thing) => readableLevels(viewer).includes(thing.layer))
      : things;
  const present = (thing: Thing) => ({
    key: thing.key,
    title: thing.title,
    summary: thing.summary,
  });
  return defineKind({
    name: 'thing',
    plural: 'things',
    feeds: [
      {
        path: '/things',
        title: async () => 'Things',
        read: async (viewer, _params, _t, limit) =>
          readable(viewer)
            .slice(0, limit)
            .map((thing) => ({
              key: thing.key,
              path: `/things/${thing.key}`,
              title: thing.title,
              summary: thing.summary,
              date: new Date('2026-12-01T00:00:00Z'),
              categories: [],
            })),
      },
    ],
    sitemap: {
      count: async (viewer) => readable(viewer).length,
      read: async (viewer, offset, limit) =>
        readable(viewer)
          .slice(offset, offset + limit)
          .map((thing) => ({ path: `/things/${thing.key}` })),
    },
    api: {
      key: 'key',
      parameters: [],
      summaries: { list: 'List things.', find: 'One thing.' },
      schemas: { summary: { type: 'object' }, detail: { type: 'object' } },
      descriptions: {
        list: 'Things.',
        find: 'A thing.',
        membersOnly: 'Members.',
        notFound: 'None.',
      },
      list: async (viewer) => {
        const items = readable(viewer).map(present);
        return { page: 1, pages: 1, total: items.length, items };
      },
      find: async (viewer, key) => {
        const thing = things.find((entry) => entry.key === key);
        if (!thing) return null;
        return readable(viewer).includes(thing) ? present(thing) : 'members-only';
      },
    },
    export: {
      path: '/things',
      accepts: () => true,
      fileName: () => 'things',
      rows: async (viewer) => readable(viewer).map(present),
    },
    search: {
      documents: async (viewer) =>
        readable(viewer).map((thing) => ({
          key: thing.key,
          locale: 'en',
          title: thing.title,
          snippet: thing.summary,
          text: thing.summary,
          url: `/things/${thing.key}`,
          date: new Date('2026-01-01T00:00:00Z'),
        })),
    },
    metadata: {
      describe: async (viewer, key, reader) => {
        const thing = things.find((entry) => entry.key === key);
        if (!thing) return null;
        if (!readable(viewer).includes(thing)) return 'members-only';
        const url = `${reader.publicUrl}/${reader.locale}/things/${thing.key}`;
        return {
          openGraph: {
            type: 'article',
            title: thing.title,
            description: thing.summary,
            url,
            locale: 'en',
          },
          jsonLd: { '@context': 'https://schema.org', '@type': 'Thing', name: thing.title, url },
        };
      },
    },
    follow: null,
    canary: {
      plant: async (_db, text) => {
        const key = `${text.toLowerCase()}-thing`;
        things.push({ key, title: `${text} thing`, summary: `${text} summary`, layer: 'members' });
        return { key };
      },
    },
  });
}

/** Where each kind's planted canary would show: its params and API key. */
export type Plants = ReadonlyMap<ContentKind, { params?: Params; key?: string }>;

/** Plants every kind's canary in the app's database. */
export async function plantCanaries(app: TestApp, text: string): Promise<Plants> {
  const plants = new Map<ContentKind, { params?: Params; key?: string }>();
  for (const kind of app.kinds) plants.set(kind, await kind.canary.plant(app.database.db, text));
  await app.contentChanged();
  return plants;
}

const hasAll = (path: string, params: Params): boolean =>
  [...path.matchAll(/:([a-z]+)/gi)].every((match) => params[match[1] ?? ''] !== undefined);

/** Every channel address the kinds declare, for the words `query` and the planted entries. */
export async function channelAddresses(
  app: TestApp,
  plants: Plants,
  query: string,
): Promise<string[]> {
  const addresses = new Set<string>([
    `/en/search?q=${encodeURIComponent(query)}`,
    `/fr/search?q=${encodeURIComponent(query)}`,
    `/api/search?q=${encodeURIComponent(query)}`,
    '/sitemap.xml',
    '/sitemap-pages.xml',
    '/api/openapi.json',
    // The site's "what's new" feed merges every kind's feeds without parameters.
    '/en/feed.atom',
    '/fr/feed.rss',
  ]);
  const index = await app.http.inject({ url: '/sitemap.xml' });
  for (const match of index.body.matchAll(/<loc>[^<]*?(\/sitemap-[^<]+)<\/loc>/g))
    addresses.add(match[1] ?? '');
  for (const kind of app.kinds) {
    const { params = {}, key } = plants.get(kind) ?? {};
    for (const feed of kind.feeds) {
      if (!hasAll(feed.path, params)) continue;
      addresses.add(`/en${fillPath(feed.path, params)}/feed.atom`);
      addresses.add(`/fr${fillPath(feed.path, params)}/feed.rss`);
    }
    if (kind.export && hasAll(kind.export.path, params)) {
      addresses.add(`/en${fillPath(kind.export.path, params)}/export.csv`);
      addresses.add(`/en${fillPath(kind.export.path, params)}/export.json`);
    }
    // The first file even when the index lists none: a leak there must not hide behind a count.
    if (kind.sitemap) addresses.add(`/sitemap-${kind.plural}-1.xml`);
    if (kind.api) {
      addresses.add(`/api/${kind.plural}`);
      if (key) addresses.add(`/api/${kind.plural}/${encodeURIComponent(key)}`);
    }
  }
  return [...addresses];
}

/**
 * The kinds whose page metadata (Open Graph, JSON-LD), as a visitor's page of the planted entry
 * would carry it, holds the text.
 */
export async function metadataLeaksOf(
  app: TestApp,
  plants: Plants,
  text: string,
): Promise<string[]> {
  const reader = { locale: 'en', publicUrl: 'http://localhost:3000', text: (key: string) => key };
  const leaks: string[] = [];
  for (const kind of app.kinds) {
    const key = plants.get(kind)?.key;
    if (!kind.metadata || !key) continue;
    const described = await kind.metadata.describe(ANONYMOUS, key, reader);
    if (JSON.stringify(described).toLowerCase().includes(text.toLowerCase())) leaks.push(kind.name);
  }
  return leaks;
}

/** The addresses whose answer to a visitor holds the text (in any case). */
export async function leaksOf(
  app: TestApp,
  addresses: readonly string[],
  text: string,
): Promise<string[]> {
  const leaks: string[] = [];
  for (const url of addresses) {
    const response = await app.http.inject({ url });
    if (response.body.toLowerCase().includes(text.toLowerCase())) leaks.push(url);
  }
  return leaks;
}
