/**
 * Full-text search over the Knowledge Centre's search documents, as the viewer may read them.
 *
 * Each translation is indexed in its own language's configuration (accents folded); the query is
 * parsed in every configuration and the parses are OR-ed, so a French query finds French text and
 * an English one English text. Ranking every match is what makes common words slow, so matches are
 * taken newest first up to CANDIDATE_LIMIT and only those are ranked, counted and faceted (see
 * docs/decisions/0011-search.md).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { parseQuery } from '../../platform/db/text-match.js';
import { canSeeMembersLayer, layerOf, type Viewer } from '../access/index.js';

/** Matches ranked per query, newest first; beyond it counts say "more than". */
export const CANDIDATE_LIMIT = 1000;
export const RESULTS_PER_PAGE = 20;
/** The newest rows a search looks at first; when enough of them match, the words are common. */
const PROBE_ROWS = 200;
const DENSE_MATCHES = 40;

export interface ItemSearchFilter {
  type?: string;
  theme?: string;
  sdg?: number;
  country?: string;
  language?: string;
  year?: number;
}

export interface ItemHit {
  type: string;
  section: string;
  slug: string;
  locale: string;
  title: string;
  date: string;
  /** Plain text with the matched words between \u0001 and \u0002 (escape, then mark). */
  snippet: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface ItemSearchResult {
  hits: ItemHit[];
  /** Items found (at most CANDIDATE_LIMIT; `more` says when there are more). */
  total: number;
  more: boolean;
  facets: {
    type: FacetCount[];
    theme: FacetCount[];
    sdg: FacetCount[];
    language: FacetCount[];
    year: FacetCount[];
  };
}

const START = '\u0001';
const STOP = '\u0002';

function filterConditions(filter: ItemSearchFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.type) conditions.push(sql`d.type = ${filter.type}`);
  if (filter.theme) conditions.push(sql`d.themes @> ARRAY[${filter.theme}]::text[]`);
  if (filter.sdg) conditions.push(sql`d.sdgs @> ARRAY[${filter.sdg}]::smallint[]`);
  if (filter.country) conditions.push(sql`d.countries @> ARRAY[${filter.country}]::text[]`);
  if (filter.language) conditions.push(sql`d.locale = ${filter.language}`);
  if (filter.year)
    conditions.push(
      sql`d.date >= make_date(${filter.year}, 1, 1) AND d.date < make_date(${filter.year + 1}, 1, 1)`,
    );
  return conditions;
}

export function createItemsSearchRepository(db: Db, clock: () => Date = () => new Date()) {
  return {
    async search(
      viewer: Viewer,
      query: string,
      locale: string,
      filter: ItemSearchFilter = {},
      page = 1,
    ): Promise<ItemSearchResult> {
      const offset = (Math.max(1, page) - 1) * RESULTS_PER_PAGE;
      // Parsed first and passed as a value, so that the planner sees how common the words are.
      const parsed = await parseQuery(db, query);
      if (!parsed) return { hits: [], total: 0, more: false, facets: emptyFacets() };
      const member = canSeeMembersLayer(viewer);
      const layer = layerOf(viewer);
      const where = sql.join(
        [
          sql`d.layer = ${layer}`,
          sql`d.kind = 'item'`,
          sql`d.vector @@ ${parsed}::tsquery`,
          sql`d.visible_from <= ${clock().toISOString()}::timestamptz`,
          ...filterConditions(filter),
        ],
        sql` AND `,
      );
      const result = await db.execute<{ result: unknown }>(sql`
        WITH RECURSIVE
        -- The years that have rows in the layer, newest first, one index probe each.
        years(year) AS (${
          filter.year
            ? sql`SELECT ${filter.year}::integer`
            : sql`
          SELECT (SELECT d.year FROM search_documents d WHERE d.layer = ${layer} AND d.kind = 'item'
                   ORDER BY d.layer, d.date DESC NULLS LAST LIMIT 1)
          UNION ALL
          SELECT (SELECT d.year FROM search_documents d
                   WHERE d.layer = ${layer} AND d.kind = 'item' AND d.date < make_date(y.year, 1, 1)
                   ORDER BY d.layer, d.date DESC NULLS LAST LIMIT 1)
            FROM years y WHERE y.year IS NOT NULL`
        }),
        -- How many of the layer's newest rows match decides how the newest matches are found.
        newest AS (
          SELECT count(*) FILTER (WHERE ${where})::integer AS matches
            FROM (SELECT * FROM search_documents d WHERE d.layer = ${layer} AND d.kind = 'item'
                   ORDER BY d.layer, d.date DESC NULLS LAST, d.item_id LIMIT ${PROBE_ROWS}) d
        ),
        candidates AS MATERIALIZED (
          -- Common words: the layer's rows newest first, kept while they match, until the limit
          -- (a word in every other row reads about 2,000 rows). Ranked after the limit.
          (SELECT d.item_id, d.locale, d.type, d.section, d.slug, d.title, d.date, d.year,
                  d.themes, d.sdgs, ts_rank(d.vector, ${parsed}::tsquery, 1) AS rank
             FROM search_documents d
            WHERE ${where} AND (SELECT matches FROM newest) >= ${DENSE_MATCHES}
            ORDER BY d.layer, d.date DESC NULLS LAST, d.item_id
            LIMIT ${CANDIDATE_LIMIT + 1})
          UNION ALL
          -- Other words: a year at a time, newest first, each year's matches read from the words
          -- index (year, kind and word are its keys) and ranked there, so that the sort carries a
          -- number, not each row's vector; the join reads the years in order and stops at the
          -- limit, so a word in one item in ten reads ~1,000 rows, not its 10,000 matches. The
          -- order is written so that no date index can give it (NULLS FIRST; dates are never
          -- null): walking a year's rows by date to filter them read three times as many rows.
          (SELECT c.* FROM years y CROSS JOIN LATERAL (
            SELECT d.item_id, d.locale, d.type, d.section, d.slug, d.title, d.date, d.year,
                   d.themes, d.sdgs, ts_rank(d.vector, ${parsed}::tsquery, 1) AS rank
              FROM search_documents d
             WHERE ${where} AND d.year = y.year
             ORDER BY d.date DESC NULLS FIRST, d.item_id
             LIMIT ${CANDIDATE_LIMIT + 1}) c
           WHERE y.year IS NOT NULL AND (SELECT matches FROM newest) < ${DENSE_MATCHES}
           LIMIT ${CANDIDATE_LIMIT + 1})
        ),
        -- One row per item of the newest CANDIDATE_LIMIT matches (the one more only says that
        -- there are more): its translation in the reader's language if it matched, else its best.
        best AS MATERIALIZED (
          SELECT DISTINCT ON (item_id) item_id, locale, type, section, slug, title, date, year, themes, sdgs, rank
            FROM (SELECT * FROM candidates ORDER BY date DESC, item_id LIMIT ${CANDIDATE_LIMIT}) c
           ORDER BY item_id, (locale = ${locale}) DESC, rank DESC
        ),
        page AS (
          SELECT * FROM best ORDER BY rank DESC, date DESC, item_id
           LIMIT ${RESULTS_PER_PAGE} OFFSET ${offset}
        )
        SELECT json_build_object(
          'total', (SELECT count(*) FROM best),
          'more', (SELECT count(*) FROM candidates) > ${CANDIDATE_LIMIT},
          'hits', coalesce((SELECT json_agg(json_build_object(
                     'item_id', p.item_id, 'type', p.type, 'section', p.section, 'slug', p.slug,
                     'locale', p.locale, 'title', p.title, 'date', p.date::text) ORDER BY p.rank DESC, p.date DESC, p.item_id)
                   FROM page p), '[]'::json),
          'facets', json_build_object(
            'type', coalesce((SELECT json_agg(json_build_object('value', type, 'count', n) ORDER BY n DESC, type)
                      FROM (SELECT type, count(*) AS n FROM best GROUP BY type) f), '[]'::json),
            'theme', coalesce((SELECT json_agg(json_build_object('value', theme, 'count', n) ORDER BY n DESC, theme)
                      FROM (SELECT theme, count(*) AS n FROM (SELECT unnest(themes) AS theme FROM best) t GROUP BY theme
                             ORDER BY n DESC, theme LIMIT 12) f), '[]'::json),
            'sdg', coalesce((SELECT json_agg(json_build_object('value', sdg::text, 'count', n) ORDER BY sdg)
                      FROM (SELECT sdg, count(*) AS n FROM (SELECT unnest(sdgs) AS sdg FROM best) s GROUP BY sdg) f), '[]'::json),
            'language', coalesce((SELECT json_agg(json_build_object('value', locale, 'count', n) ORDER BY n DESC, locale)
                      FROM (SELECT locale, count(*) AS n FROM best GROUP BY locale) f), '[]'::json),
            'year', coalesce((SELECT json_agg(json_build_object('value', year::text, 'count', n) ORDER BY year DESC)
                      FROM (SELECT year, count(*) AS n FROM best GROUP BY year) f), '[]'::json)
          )
        ) AS result`);
      const raw = result.rows[0]?.result as
        (Omit<ItemSearchResult, 'hits'> & { hits: (ItemHit & { item_id: string })[] }) | undefined;
      if (!raw) return { hits: [], total: 0, more: false, facets: emptyFacets() };
      const snippets = await snippetsFor(
        db,
        raw.hits.map((hit) => ({ itemId: hit.item_id, locale: hit.locale })),
        parsed,
        member,
      );
      return {
        total: raw.total,
        more: raw.more,
        facets: raw.facets,
        hits: raw.hits.map((hit, index) => ({
          type: hit.type,
          section: hit.section,
          slug: hit.slug,
          locale: hit.locale,
          title: hit.title,
          date: hit.date,
          snippet: snippets[index] ?? '',
        })),
      };
    },

    /**
     * A corrected query when a word looks like a typo of an indexed word: each word is replaced by
     * its nearest neighbour by trigram similarity. Null when nothing better is known.
     */
    async suggest(query: string): Promise<string | null> {
      const words = query
        .toLowerCase()
        .split(/\s+/)
        .filter((word) => /^[\p{L}\p{N}]{3,40}$/u.test(word));
      if (words.length === 0) return null;
      let changed = false;
      const corrected: string[] = [];
      for (const word of query.split(/\s+/)) {
        const lower = word.toLowerCase();
        if (!words.includes(lower)) {
          corrected.push(word);
          continue;
        }
        const found = await db.execute<{ word: string }>(sql`
          SELECT word FROM search_terms
           WHERE word % unaccent(${lower}) AND word <> unaccent(${lower})
             AND NOT EXISTS (SELECT 1 FROM search_terms WHERE word = unaccent(${lower}))
           ORDER BY similarity(word, unaccent(${lower})) DESC, word LIMIT 1`);
        const better = found.rows[0]?.word;
        if (better) {
          corrected.push(better);
          changed = true;
        } else corrected.push(word);
      }
      return changed ? corrected.join(' ') : null;
    },
  };
}

function emptyFacets(): ItemSearchResult['facets'] {
  return { type: [], theme: [], sdg: [], language: [], year: [] };
}

/** Highlighted extracts of what the viewer may read of each hit (summary, then body and fields). */
async function snippetsFor(
  db: Db,
  hits: readonly { itemId: string; locale: string }[],
  parsed: string,
  member: boolean,
): Promise<string[]> {
  if (hits.length === 0) return [];
  const result = await db.execute<{ item_id: string; locale: string; snippet: string }>(sql`
    WITH q AS (SELECT ${parsed}::tsquery AS query)
    SELECT t.item_id, t.locale,
           ts_headline(hrcn_search_config(t.locale),
             concat_ws(E'\n', t.summary,
               CASE WHEN ${member} OR NOT 'body' = ANY(i.restricted_fields) THEN left(t.body, 4000) END,
               (SELECT left(string_agg(value, E'\n'), 4000) FROM jsonb_each_text(t.fields)
                 WHERE ${member} OR NOT key = ANY(i.restricted_fields))),
             q.query,
             ${`StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet
      FROM item_translations t JOIN items i ON i.id = t.item_id, q
     WHERE (t.item_id, t.locale) IN (SELECT * FROM unnest(${sql.param(hits.map((hit) => hit.itemId))}::uuid[],
                                                          ${sql.param(hits.map((hit) => hit.locale))}::text[]))`);
  const byKey = new Map(result.rows.map((row) => [`${row.item_id}/${row.locale}`, row.snippet]));
  return hits.map((hit) => byKey.get(`${hit.itemId}/${hit.locale}`) ?? '');
}

export const SNIPPET_MARKS = { start: START, stop: STOP } as const;

export type ItemsSearchRepository = ReturnType<typeof createItemsSearchRepository>;
