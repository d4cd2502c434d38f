/**
 * The statements a Knowledge Centre list is read with, each built once per shape (the filters it is
 * narrowed by; decision 0025): its counts (from the kept counters where they serve), a page of its
 * summaries, and a page with its counts (when they are not kept yet) and its section's
 * introduction in one statement.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { statement } from '../../platform/db/statement.js';
import type { AccessLevel } from '../access/index.js';
import type { ItemFilter, ItemSummaryView, ListCounts } from './items.repository.js';
import { pagesJsonSql, type PageRow } from './knowledge.repository.js';
import {
  levelsParam,
  summariesSql,
  summaryColumns,
  translationJoin,
  visible,
  type SummaryRow,
} from './items.sql.js';

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
export const filterShape = (filter: ItemFilter): FilterKey[] =>
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
export function keptCounter(filter: ItemFilter): { facet: string; value: string } | null {
  const narrowing = KEPT_FACETS.filter((facet) => filter[facet] !== undefined);
  const facet = narrowing[0];
  if (narrowing.length > 1) return null;
  return facet === undefined ? { facet: '', value: '' } : { facet, value: String(filter[facet]) };
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

/** A list's counts and, for a section, the years of its items: one row. */
function countsSql(shape: CountShape): SQL {
  const years = shape.keys.includes('section')
    ? sql`SELECT extract(year FROM min(i.date))::int AS "from",
                 extract(year FROM max(i.date))::int AS "to"
            FROM items i WHERE i.section = ${sql.placeholder('section')} AND ${visible(now)}`
    : sql`SELECT NULL::int AS "from", NULL::int AS "to"`;
  return sql`SELECT c.total, c.withheld, y.from, y.to FROM (${countSql(shape)}) c, (${years}) y`;
}

interface CountsRow extends Record<string, unknown> {
  total: number;
  withheld: number;
  from: number | null;
  to: number | null;
}

const countStatement = statement<CountShape, CountsRow>(countsSql);

const NEWEST_FIRST = sql`i.date DESC, i.id`;

/** The ids of one page of a list, newest first, `offset` items in. */
const pageIdsSql = (keys: readonly FilterKey[], offset: SQL): SQL => sql`
  SELECT i.id FROM items i
   WHERE ${sql.join([visible(now), ...filterConditions(keys)], sql` AND `)}
     AND i.access = ANY(${readable})
   ORDER BY ${NEWEST_FIRST}
   LIMIT ${sql.placeholder('limit')} OFFSET ${offset}`;

/** One page of a list's summaries, newest first. */
export const pageStatement = statement<FilterKey[], SummaryRow>((keys) =>
  summariesSql(
    pageIdsSql(keys, sql`${sql.placeholder('offset')}`),
    NEWEST_FIRST,
    sql.placeholder('locale'),
  ),
);

/** The shape of a page of a list read with what its page shows besides its items. */
export interface ListPageShape {
  keys: FilterKey[];
  /** Counted with the page: from the kept counters (true) or anew (false); or not (null). */
  counted: boolean | null;
  /** Its section's introduction (a written page, pagesJsonSql) read with it. */
  introduction: boolean;
}

/**
 * A row of a page of a list with, when asked, the list's counts (`list_total` and so on) on every
 * row and the section's introduction on one (`list_introduction`, the candidate pages); an
 * empty page is one row of these whose summary columns are null.
 */
type ListPageRow = Partial<{ [K in keyof CountsRow as `list_${K & string}`]: CountsRow[K] }> & {
  list_introduction?: PageRow[] | null;
} & (SummaryRow | { [K in keyof ItemSummaryView]: null });

/**
 * A page of a list (`page`, kept within the pages there are, or `offset`) with its counts and its
 * section's introduction as asked, in one statement: each statement is a round trip to the
 * database, the dearest part of an uncached list page. Always one row at least. The introduction
 * (placeholders `introduction`, its slug, and `locales`) comes on one row only, not once per item.
 */
export const listPageStatement = statement<ListPageShape, ListPageRow>(
  ({ keys, counted, introduction }) => {
    const limit = sql`${sql.placeholder('limit')}::int`;
    const head: SQL[] = [];
    let source = sql`(SELECT 1) head`;
    let offset = sql`${sql.placeholder('offset')}::int`;
    let counts = sql``;
    if (counted !== null) {
      const lastPage = sql`greatest(1, ceil(counted.total::numeric / ${limit})::int)`;
      offset = sql`(SELECT (least(greatest(1, ${sql.placeholder('page')}::int), ${lastPage}) - 1) * ${limit} FROM counted)`;
      counts = sql`counted AS MATERIALIZED (${countsSql({ keys, kept: counted })}),`;
      source = sql`counted`;
      head.push(sql`counted.total AS list_total, counted.withheld AS list_withheld,
                    counted.from AS list_from, counted.to AS list_to`);
    }
    if (introduction) {
      const pages = pagesJsonSql(
        sql`ARRAY[${sql.placeholder('introduction')}]`,
        sql.placeholder('locales'),
        sql.placeholder('levels'),
      );
      head.push(sql`CASE WHEN row_number() OVER () = 1 THEN ${pages} END AS list_introduction`);
    }
    return sql`
      WITH ${counts}
           page AS MATERIALIZED (${pageIdsSql(keys, offset)})
      SELECT ${sql.join([...head, sql`s.*`], sql`, `)}
        FROM ${source} LEFT JOIN (
          SELECT ${summaryColumns}
            FROM page JOIN items i ON i.id = page.id ${translationJoin(sql.placeholder('locale'))}
        ) s ON true
       ORDER BY s.date::date DESC, s.id`;
  },
);

export const countsOf = (row: CountsRow | undefined): ListCounts => ({
  total: row?.total ?? 0,
  withheld: row?.withheld ?? 0,
  years: row?.from && row.to ? { from: row.from, to: row.to } : null,
});

/** The values of a list's statements' placeholders. */
export function listValues(
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
  return countsOf(row);
}
