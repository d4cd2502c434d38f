/**
 * Knowledge Centre items as a kind of content. Every channel reads them through the items
 * repository as the viewer (a visitor for feeds and the sitemap): published, due, and of the
 * layers the viewer may read, with members-only parts withheld.
 */
import { sql } from 'drizzle-orm';
import { defineKind, type FeedSource, type Params } from '../../channels/kind.js';
import type { Db } from '../../platform/db/database.js';
import { refreshSearchDocuments } from './editorial.repository.js';
import { itemMetadata } from './item.metadata.js';
import { itemFilter, pageOf } from './filters.js';
import {
  itemDetail,
  itemSummary,
  listParameters,
  presentItem,
  presentSummary,
} from './items.api.js';
import type { ItemFilter, ItemSummaryView, ItemsRepository } from './items.repository.js';
import { ITEM_SECTIONS, type ItemSection } from './items.types.js';
import { itemFollow } from './item.follow.js';

const isItemSection = (section: string | undefined): section is ItemSection =>
  (ITEM_SECTIONS as readonly string[]).includes(section ?? '');

const dateOf = (item: ItemSummaryView): Date => new Date(`${item.date}T00:00:00Z`);

export interface ItemKindDeps {
  db: Db;
  items: ItemsRepository;
  publicUrl: string;
  themeKeys(): Promise<readonly string[]>;
  contentLocales: readonly string[];
}

/** The item kind over one items repository. */
export function itemKind(deps: ItemKindDeps) {
  const { items, publicUrl } = deps;
  /** A feed's read over the list filter its address gives. */
  const feedOf = (filter: (params: Params) => ItemFilter): Pick<FeedSource, 'read'> => ({
    read: async (viewer, params, t, limit) => {
      const latest = await items.latestItems(viewer, filter(params), t.locale, limit);
      return latest.map((item) => ({
        key: item.slug,
        path: `/knowledge/${item.section}/${item.slug}`,
        title: item.title,
        summary: item.summary,
        date: dateOf(item),
        categories: item.themes.map((theme) => ({
          term: theme,
          name: t.t(`vocabularies.theme.${theme}`),
        })),
      }));
    },
  });
  return defineKind({
    name: 'item',
    plural: 'items',
    feeds: [
      {
        path: '/knowledge',
        title: async (_params, t) => t.t('knowledge.title'),
        ...feedOf(() => ({})),
      },
      {
        path: '/knowledge/:section',
        title: async (params, t) =>
          isItemSection(params.section) ? t.t(`knowledge.section.${params.section}`) : null,
        ...feedOf((params) => ({ section: params.section as ItemSection })),
      },
      {
        path: '/knowledge/themes/:theme',
        title: async (params, t) =>
          (await deps.themeKeys()).includes(params.theme ?? '')
            ? t.t(`vocabularies.theme.${params.theme}`)
            : null,
        page: () => '/knowledge/thematic-issues',
        ...feedOf((params) => ({ theme: params.theme })),
      },
    ],
    sitemap: {
      // Feeds and sitemaps are read as a visitor: the public, published items.
      count: () => items.countPublicItems(),
      read: async (_viewer, offset, limit) =>
        (await items.publicItems(offset, limit)).map((item) => ({
          path: `/knowledge/${item.section}/${item.slug}`,
          updatedAt: item.updatedAt,
        })),
    },
    api: {
      key: 'slug',
      parameters: listParameters,
      summaries: {
        list: 'List published items, newest first.',
        find: 'One published item, without the parts the caller may not read.',
      },
      schemas: { summary: itemSummary, detail: itemDetail },
      descriptions: {
        list: 'One page of items (20 a page).',
        find: 'The item. `body` and `fields` values are Markdown; withheld parts are null and named in `withheld`.',
        membersOnly: 'The item is for network members only.',
        notFound: 'No such published item.',
      },
      async list(viewer, query, locale) {
        const filter = itemFilter(query, deps.contentLocales);
        const section = query.section;
        if (typeof section === 'string' && isItemSection(section)) filter.section = section;
        const listing = await items.listItems(viewer, filter, locale, pageOf(query));
        return {
          page: listing.page,
          pages: listing.pages,
          total: listing.total,
          withheld: listing.withheld,
          items: listing.items.map((item) => presentSummary(item, locale, publicUrl)),
        };
      },
      async find(viewer, slug, locale) {
        const item = await items.findItem(viewer, slug, locale);
        return item === null || item === 'members-only'
          ? item
          : presentItem(item, locale, publicUrl);
      },
    },
    export: {
      path: '/knowledge/:section',
      accepts: (params) => isItemSection(params.section),
      fileName: (params) => `${params.section}-${new Date().toISOString().slice(0, 10)}`,
      async rows(viewer, params, query, locale, limit) {
        const filter = {
          ...itemFilter(query, deps.contentLocales),
          section: params.section as ItemSection,
        };
        const rows: ItemSummaryView[] = [];
        for (let page = 1; rows.length < limit; page += 1) {
          const listing = await items.listItems(viewer, filter, locale, page, EXPORT_BATCH);
          rows.push(...listing.items);
          if (page >= listing.pages) break;
        }
        return rows.slice(0, limit).map((item) => ({
          title: item.title,
          summary: item.summary,
          type: item.type,
          date: item.date,
          language: item.locale,
          themes: item.themes.join(';'),
          url: `${publicUrl}/${locale}/knowledge/${item.section}/${item.slug}`,
        }));
      },
    },
    // Items have their own index and faceted block in the search feature (items-search).
    search: null,
    metadata: {
      async describe(viewer, slug, reader) {
        const item = await items.findItem(viewer, slug, reader.locale);
        return item === null || item === 'members-only' ? item : itemMetadata(item, reader);
      },
    },
    follow: itemFollow(deps.db),
    canary: {
      async plant(db: Db, text: string) {
        // The address holds the canary too, so that a sitemap or feed link to it would be caught.
        const slug = `${text.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-item`;
        await db.execute(sql`
          INSERT INTO items (type, section, slug, access, status, published_at, date,
                             original_locale, restricted_fields, themes)
          VALUES ('publication', 'publications', ${slug}, 'members', 'published',
                  now() - interval '1 hour', '2026-01-03', 'en', '{}', '{housing}')`);
        await db.execute(sql`
          INSERT INTO item_translations (item_id, locale, title, summary, body, fields)
          SELECT id, 'en', ${`${text} item title`}, ${`${text} item summary`}, ${text}, '{}'
            FROM items WHERE slug = ${slug}`);
        await refreshSearchDocuments(db, null);
        return { params: { section: 'publications', theme: 'housing' }, key: slug };
      },
    },
  });
}

/** Rows read at a time for an export. */
const EXPORT_BATCH = 500;
