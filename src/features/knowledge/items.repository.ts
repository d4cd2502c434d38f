/**
 * Reading Knowledge Centre items as a viewer sees them: only published items whose time has come,
 * only the layers the viewer may read, and restricted fields left out for everyone else. This is
 * the one way pages, feeds and the API read items.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Memo } from '../../platform/cache/memo.js';
import type { Db } from '../../platform/db/database.js';
import { statement } from '../../platform/db/statement.js';
import { readableLevels, type AccessLevel, type Viewer } from '../access/index.js';
import type { ItemSection, ItemType } from './items.types.js';
import { createItemRepository, type ItemAsidesSql } from './item.repository.js';
import {
  levelsParam,
  summariesSql,
  summaryColumns,
  translationJoin,
  visible,
  type SummaryRow,
} from './items.sql.js';

export type { FileView, ItemView, ReadableFile } from './item.repository.js';

export const PAGE_SIZE = 20;

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

/** The parts a list can be narrowed by, in the order a statement's shape names them. */
const FILTER_KEYS = [
  'section',
  'type',
  'theme',
  'sdg',
  'right',
  'country',
  'year',
  'language',
] as const satisfies readonly (keyof ItemFilter)[];
type FilterKey = (typeof FILTER_KEYS)[number];

/** The parts a filter narrows by (an empty value narrows nothing): the shape of its statements. */
const filterShape = (filter: ItemFilter): FilterKey[] =>
  FILTER_KEYS.filter((key) => Boolean(filter[key]));

/** The conditions of the filter parts `keys`, each value the placeholder named after its part. */
function filterConditions(keys: readonly FilterKey[]): SQL[] {
  const value = (key: FilterKey) => sql.placeholder(key);
  const conditions: Record<FilterKey, () => SQL> = {
    section: () => sql`i.section = ${value('section')}`,
    type: () => sql`i.type = ${value('type')}`,
    theme: () => sql`i.themes @> ARRAY[${value('theme')}]::text[]`,
    sdg: () => sql`i.sdgs @> ARRAY[${value('sdg')}]::smallint[]`,
    right: () => sql`i.rights @> ARRAY[${value('right')}]::smallint[]`,
    country: () => sql`i.countries @> ARRAY[${value('country')}]::text[]`,
    year: () =>
      sql`i.date >= make_date(${value('year')}::int, 1, 1) AND i.date < make_date(${value('year')}::int + 1, 1, 1)`,
    language: () => sql`i.locales @> ARRAY[${value('language')}]::text[]`,
  };
  return keys.map((key) => conditions[key]());
}

/** The facets whose counts are kept per value (item_facet_counts, migration 0045). */
const KEPT_FACETS = ['type', 'theme', 'sdg', 'right', 'country', 'language', 'year'] as const;

/**
 * The kept counter of a list narrowed by one facet at most (besides its section): the facet and
 * its value ('' and '' for the whole section); null for a list narrowed further, counted anew.
 */
function keptCounter(filter: ItemFilter): { facet: string; value: string } | null {
  const narrowing = KEPT_FACETS.filter((facet) => filter[facet] !== undefined);
  const facet = narrowing[0];
  if (narrowing.length > 1) return null;
  return facet === undefined ? { facet: '', value: '' } : { facet, value: String(filter[facet]) };
}

/** How many items a list has for a viewer, and how many more the members layer holds. */
export interface ListCounts {
  total: number;
  withheld: number;
  /** The section's years (a list of a section only). */
  years: YearRange | null;
}

/** The shape of a list's count: the parts it is narrowed by, and whether from the kept counters. */
interface CountShape {
  keys: FilterKey[];
  kept: boolean;
}

const now = sql.placeholder('now');
const readable = levelsParam(sql.placeholder('levels'));

/**
 * How many items a list has: from the kept counters when it is narrowed by one facet at most,
 * less the items published for a later time (counted there, not yet visible); else (or when
 * asked, to check the counters) anew.
 */
function countSql({ keys, kept }: CountShape): SQL {
  if (!kept)
    return sql`
      SELECT count(*) FILTER (WHERE i.access = ANY(${readable}))::int AS total,
             count(*) FILTER (WHERE NOT i.access = ANY(${readable}))::int AS withheld
        FROM items i WHERE ${sql.join([visible(now), ...filterConditions(keys)], sql` AND `)}`;
  const section = keys.includes('section')
    ? sql`AND c.section = ${sql.placeholder('section')}`
    : sql``;
  const notYetDue = sql.join(
    [
      sql`i.status = 'published' AND (i.published_at > ${now}::timestamptz OR i.published_at IS NULL)`,
      ...filterConditions(keys),
    ],
    sql` AND `,
  );
  return sql`
    WITH kept AS (
      SELECT coalesce(sum(c.n) FILTER (WHERE c.access = ANY(${readable})), 0)::int AS total,
             coalesce(sum(c.n) FILTER (WHERE NOT c.access = ANY(${readable})), 0)::int AS withheld
        FROM item_facet_counts c
       WHERE c.facet = ${sql.placeholder('counter_facet')}
         AND c.value = ${sql.placeholder('counter_value')} ${section}
    ), waiting AS (
      SELECT count(*) FILTER (WHERE i.access = ANY(${readable}))::int AS total,
             count(*) FILTER (WHERE NOT i.access = ANY(${readable}))::int AS withheld
        FROM items i WHERE ${notYetDue}
    )
    SELECT kept.total - waiting.total AS total, kept.withheld - waiting.withheld AS withheld
      FROM kept, waiting`;
}

/** A list's counts and, for a section, the years of its items, in one statement. */
const countStatement = statement<
  CountShape,
  { total: number; withheld: number; from: number | null; to: number | null }
>((shape) => {
  const years = shape.keys.includes('section')
    ? sql`SELECT extract(year FROM min(i.date))::int AS "from",
                 extract(year FROM max(i.date))::int AS "to"
            FROM items i WHERE i.section = ${sql.placeholder('section')} AND ${visible(now)}`
    : sql`SELECT NULL::int AS "from", NULL::int AS "to"`;
  return sql`SELECT c.total, c.withheld, y.from, y.to FROM (${countSql(shape)}) c, (${years}) y`;
});

const NEWEST_FIRST = sql`i.date DESC, i.id`;

/** One page of a list's summaries, newest first. */
const pageStatement = statement<FilterKey[], SummaryRow>((keys) =>
  summariesSql(
    sql`SELECT i.id FROM items i
         WHERE ${sql.join([visible(now), ...filterConditions(keys)], sql` AND `)}
           AND i.access = ANY(${readable})
         ORDER BY ${NEWEST_FIRST}
         LIMIT ${sql.placeholder('limit')} OFFSET ${sql.placeholder('offset')}`,
    NEWEST_FIRST,
    sql.placeholder('locale'),
  ),
);

/** The values of a list's statements' placeholders. */
function listValues(
  filter: ItemFilter,
  levels: readonly AccessLevel[],
  at: Date,
): Record<string, unknown> {
  const counter = keptCounter(filter);
  return {
    ...filter,
    levels,
    now: at.toISOString(),
    counter_facet: counter?.facet ?? '',
    counter_value: counter?.value ?? '',
  };
}

/**
 * How many items a list has for a viewer of these levels, with its section's years: from the kept
 * counters where they serve, else (or when `anew`, to check them) counted anew.
 */
export async function countList(
  db: Db,
  filter: ItemFilter,
  levels: readonly AccessLevel[],
  at: Date,
  anew = false,
): Promise<ListCounts> {
  const keys = filterShape(filter);
  const [row] = await countStatement(
    db,
    { keys, kept: !anew && keptCounter(filter) !== null },
    listValues(filter, levels, at),
  );
  return {
    total: row?.total ?? 0,
    withheld: row?.withheld ?? 0,
    years: row?.from && row.to ? { from: row.from, to: row.to } : null,
  };
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
      return rows.map((row) => ({ ...row }));
    },

    /** One page of a list, newest first. */
    async listItems(
      viewer: Viewer,
      filter: ItemFilter,
      locale: string,
      page = 1,
      pageSize = PAGE_SIZE,
    ): Promise<ItemPage> {
      const at = clock();
      const levels = readableLevels(viewer);
      const countsKey = JSON.stringify([levels, filter]);
      let counts = options.counts?.get(countsKey);
      if (!counts) {
        counts = await countList(db, filter, levels, at);
        options.counts?.set(countsKey, counts);
      }
      const total = counts.total;
      const pages = Math.max(1, Math.ceil(total / pageSize));
      const current = Math.min(Math.max(1, page), pages);
      const rows = await pageStatement(db, filterShape(filter), {
        ...listValues(filter, levels, at),
        locale,
        limit: pageSize,
        offset: (current - 1) * pageSize,
      });
      return {
        items: rows.map((row) => ({ ...row })),
        total,
        withheld: counts.withheld,
        page: current,
        pages,
        years: counts.years,
      };
    },

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
