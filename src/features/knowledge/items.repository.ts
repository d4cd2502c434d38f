/**
 * Reading Knowledge Centre items as a viewer sees them: only published items whose time has come,
 * only the layers the viewer may read, and restricted fields left out for everyone else. This is
 * the one way pages, feeds and the API read items.
 */
import { sql } from 'drizzle-orm';
import type { Memo } from '../../platform/cache/memo.js';
import type { Db } from '../../platform/db/database.js';
import { readableLevels, type Viewer } from '../access/index.js';
import type { ItemSection, ItemType } from './items.types.js';
import { createItemRepository, type ItemAsidesSql } from './item.repository.js';
import {
  levelsParam,
  summaryColumns,
  summaryOf,
  translationJoin,
  visible,
  type SummaryRow,
} from './items.sql.js';
import { choosePages, type PageView } from './knowledge.repository.js';
import {
  countsOf,
  filterShape,
  keptCounter,
  listPageStatement,
  listValues,
  pageStatement,
} from './list.sql.js';

export type { FileView, ItemView, ReadableFile } from './item.repository.js';
export { countList } from './list.sql.js';

export const PAGE_SIZE = 20;

/** The highest page number a statement is given (PostgreSQL's int). */
const MAX_PAGE = 2_147_483_647;

/** What lists show of an item. */
export interface ItemSummaryView {
  id: string;
  type: ItemType;
  section: ItemSection;
  slug: string;
  /** The language of the title and summary shown (the viewer's, else the original). */
  locale: string;
  title: string;
  summary: string;
  date: string;
  themes: string[];
}

/** Narrowing a list; each part is optional. */
export interface ItemFilter {
  section?: ItemSection;
  type?: ItemType;
  theme?: string;
  sdg?: number;
  right?: number;
  country?: string;
  /** Items that have a translation in this language. */
  language?: string;
  year?: number;
}

export interface ItemPage {
  items: ItemSummaryView[];
  total: number;
  /** Items matching the filter that the viewer may not read (they see how many, not which). */
  withheld: number;
  page: number;
  pages: number;
  /** The oldest and newest years of the items of the list's section, for the year filter. */
  years: YearRange | null;
}

export interface YearRange {
  from: number;
  to: number;
}

/** How many items a list has for a viewer, and how many more the members layer holds. */
export interface ListCounts {
  total: number;
  withheld: number;
  /** The section's years (a list of a section only). */
  years: YearRange | null;
}

export interface ItemsRepositoryOptions {
  /**
   * Lists' counts, kept until content changes (the app empties it with the render cache):
   * counting is the part of a list page that grows with the corpus.
   */
  counts?: Memo<ListCounts>;
  /** What other features show on an item's page (findItemPage), read with the item. */
  asides?: ItemAsidesSql;
}

export function createItemsRepository(
  db: Db,
  clock: () => Date = () => new Date(),
  options: ItemsRepositoryOptions = {},
) {
  /**
   * One page of a list, newest first, and the written page introducing it when asked (in `locale`,
   * else in its `fallback`): one statement, with the list's counts when they are not kept.
   */
  async function listPage(
    viewer: Viewer,
    filter: ItemFilter,
    locale: string,
    page: number,
    pageSize: number,
    introduction: { slug: string; fallback: string } | null,
  ): Promise<{ listing: ItemPage; introduction: PageView | null }> {
    const levels = readableLevels(viewer);
    const values = {
      ...listValues(filter, levels, clock()),
      locale,
      limit: pageSize,
      introduction: introduction?.slug,
      locales: introduction && [locale, introduction.fallback],
    };
    const keys = filterShape(filter);
    const countsKey = JSON.stringify([levels, filter]);
    const kept = options.counts?.get(countsKey);
    // A page asked for past the last (or not a whole number) reads the last (or the first).
    const wanted = Math.min(Math.max(1, Math.floor(page) || 1), MAX_PAGE);
    const shown = (total: number) => {
      const pages = Math.max(1, Math.ceil(total / pageSize));
      return { page: Math.min(wanted, pages), pages };
    };
    const offsetOf = (total: number) => (shown(total).page - 1) * pageSize;
    if (kept && !introduction) {
      const rows = await pageStatement(db, keys, { ...values, offset: offsetOf(kept.total) });
      const listing = { ...kept, items: rows.map(summaryOf), ...shown(kept.total) };
      return { listing, introduction: null };
    }
    const rows = await listPageStatement(
      db,
      { keys, counted: kept ? null : keptCounter(filter) !== null, introduction: !!introduction },
      { ...values, page: wanted, offset: kept ? offsetOf(kept.total) : 0 },
    );
    const [first] = rows;
    const counts =
      kept ??
      countsOf(
        first && {
          total: first.list_total ?? 0,
          withheld: first.list_withheld ?? 0,
          from: first.list_from ?? null,
          to: first.list_to ?? null,
        },
      );
    if (!kept) options.counts?.set(countsKey, counts);
    const items = rows.flatMap((row) => (row.id === null ? [] : [summaryOf(row)]));
    const candidates = rows.find((row) => row.list_introduction)?.list_introduction ?? [];
    return {
      listing: { ...counts, items, ...shown(counts.total) },
      introduction: introduction
        ? (choosePages(candidates, [introduction.slug], locale, introduction.fallback)[0] ?? null)
        : null,
    };
  }

  return {
    /** Summaries of the items with these slugs that the viewer may read, in the slugs' order. */
    async readableBySlugs(
      viewer: Viewer,
      slugs: readonly string[],
      locale: string,
    ): Promise<ItemSummaryView[]> {
      if (slugs.length === 0) return [];
      const result = await db.execute<SummaryRow>(sql`
        SELECT ${summaryColumns} FROM items i ${translationJoin(locale)}
         WHERE i.slug = ANY(${sql.param(slugs)}::text[]) AND ${visible(clock())}
           AND i.access = ANY(${levelsParam(readableLevels(viewer))})
         ORDER BY array_position(${sql.param(slugs)}::text[], i.slug)`);
      return result.rows.map((row) => ({ ...row }));
    },

    /**
     * The newest `limit` items of a list, without counting it (feeds, the home page's lists, a
     * choice of them): one statement.
     */
    async latestItems(
      viewer: Viewer,
      filter: ItemFilter,
      locale: string,
      limit: number,
    ): Promise<ItemSummaryView[]> {
      const rows = await pageStatement(db, filterShape(filter), {
        ...listValues(filter, readableLevels(viewer), clock()),
        locale,
        limit,
        offset: 0,
      });
      return rows.map(summaryOf);
    },

    /** One page of a list, newest first. */
    async listItems(
      viewer: Viewer,
      filter: ItemFilter,
      locale: string,
      page = 1,
      pageSize = PAGE_SIZE,
    ): Promise<ItemPage> {
      return (await listPage(viewer, filter, locale, page, pageSize, null)).listing;
    },

    /**
     * A page of a section's list and the section's introduction (its written page, in `locale`
     * else in `fallback`, as findPage reads it), in one statement.
     */
    listSection: (
      viewer: Viewer,
      filter: ItemFilter & { section: ItemSection },
      locale: string,
      page: number,
      fallback: string,
    ): Promise<{ listing: ItemPage; introduction: PageView | null }> =>
      listPage(viewer, filter, locale, page, PAGE_SIZE, { slug: filter.section, fallback }),

    /**
     * Public, published items for the sitemap, oldest first, a slice at a time; with the date of
     * their last change. Never anything of the members layer.
     */
    async publicItems(
      offset: number,
      limit: number,
    ): Promise<{ section: ItemSection; slug: string; updatedAt: Date }[]> {
      const result = await db.execute<{ section: ItemSection; slug: string; updated_at: Date }>(sql`
        SELECT i.section, i.slug, i.updated_at FROM items i
         WHERE ${visible(clock())} AND i.access = 'public'
         ORDER BY i.published_at, i.id LIMIT ${limit} OFFSET ${offset}`);
      return result.rows.map((row) => ({
        section: row.section,
        slug: row.slug,
        updatedAt: new Date(row.updated_at),
      }));
    },

    /** How many public, published items there are. */
    async countPublicItems(): Promise<number> {
      const result = await db.execute<{ count: number }>(sql`
        SELECT count(*)::int AS count FROM items i WHERE ${visible(clock())} AND i.access = 'public'`);
      return result.rows[0]?.count ?? 0;
    },

    ...createItemRepository(db, clock, options.asides),
  };
}

export type ItemsRepository = ReturnType<typeof createItemsRepository>;
