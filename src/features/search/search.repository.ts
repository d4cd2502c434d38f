/**
 * The search's second block: every registered kind that declares a search source (pages, useful
 * links, member organisations, published answers…), found in the one table of search documents.
 * The index writes each kind's documents as a visitor and as a member read them (one layer each),
 * so that a search reads its viewer's layer only and needs no filter of its own. The Knowledge
 * Centre's items, which can number a million, have their rows in the same table, written with each
 * change, and their own faceted block (items-search.repository.ts).
 */
import { sql } from 'drizzle-orm';
import type { ContentKind } from '../../channels/kind.js';
import type { Db } from '../../platform/db/database.js';
import { likePattern, parseQuery } from '../../platform/db/text-match.js';
import { LAYER_READERS, layerOf, type AccessLevel, type Viewer } from '../access/index.js';

export const MAX_QUERY_LENGTH = 200;

/** A hit of the second block. */
export interface SearchHit {
  /** The kind's name. */
  kind: string;
  title: string;
  /** A site path without locale ("/about/who-we-are") or an outside address. */
  url: string;
  snippet: string | null;
}

/** Serialises rewrites of the documents across processes (any constant; this is "srch"). */
const REWRITE_LOCK = 0x73726368;

interface Row extends Record<string, unknown> {
  kind: string;
  title: string;
  url: string;
  snippet: string | null;
}

export function createSearchRepository(db: Db, kinds: () => readonly ContentKind[]) {
  return {
    /**
     * Rewrites the documents of every kind that declares a search source from what its readers
     * see now: rows that changed are updated, new ones added, gone ones (and a removed kind's)
     * deleted. Items' rows are left to their own repository.
     */
    async refresh(): Promise<void> {
      const rows: Record<string, unknown>[] = [];
      for (const kind of kinds()) {
        if (!kind.search) continue;
        for (const layer of Object.keys(LAYER_READERS) as AccessLevel[]) {
          for (const document of await kind.search.documents(LAYER_READERS[layer]))
            rows.push({ ...document, kind: kind.name, layer, date: document.date.toISOString() });
        }
      }
      await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${REWRITE_LOCK})`);
        await tx.execute(sql`
          WITH fresh AS (
            SELECT r.kind, r.key, r.locale, r.layer, r.title, r.snippet, r.url, r.date::date AS date,
                   setweight(hrcn_tsvector(c.cfg, r.title), 'A')
                     || setweight(hrcn_tsvector(c.cfg, r.text), 'C') AS vector
              FROM json_to_recordset(${JSON.stringify(rows)}::json)
                     AS r(kind text, key text, locale text, layer text, title text, snippet text,
                          text text, url text, date timestamptz)
             CROSS JOIN LATERAL (SELECT hrcn_search_config(r.locale) AS cfg) c
          ),
          gone AS (
            DELETE FROM search_documents d
             WHERE d.kind <> 'item'
               AND NOT EXISTS (SELECT 1 FROM fresh f WHERE (f.kind, f.key, f.locale, f.layer)
                                                         = (d.kind, d.key, d.locale, d.layer))
          )
          INSERT INTO search_documents AS d (kind, key, locale, layer, type, date, title, snippet, url, vector)
          SELECT kind, key, locale, layer, kind, date, title, snippet, url, vector FROM fresh
          ON CONFLICT (kind, key, locale, layer) DO UPDATE
             SET date = excluded.date, title = excluded.title, snippet = excluded.snippet,
                 url = excluded.url, vector = excluded.vector
           WHERE (d.date, d.title, d.snippet, d.url, d.vector)
                 IS DISTINCT FROM (excluded.date, excluded.title, excluded.snippet, excluded.url, excluded.vector)`);
      });
    },

    /**
     * Up to `limit` hits of the viewer's layer, best first: words stemmed in the entry's language,
     * or the query found within a title. One hit per entry, in the reader's language if it has one.
     */
    async search(viewer: Viewer, query: string, locale: string, limit = 50): Promise<SearchHit[]> {
      const parsed = await parseQuery(db, query);
      const words = parsed === null ? sql`false` : sql`d.vector @@ ${parsed}::tsquery`;
      const result = await db.execute<Row>(sql`
        SELECT kind, title, url, snippet FROM (
          SELECT DISTINCT ON (d.kind, d.key) d.kind, d.key, d.title, d.url, d.snippet, d.date,
                 ${parsed === null ? sql`0` : sql`ts_rank(d.vector, ${parsed}::tsquery)`}
                   + CASE WHEN unaccent(d.title) ILIKE unaccent(${likePattern(query)}) THEN 1 ELSE 0 END
                   AS rank
            FROM search_documents d
           WHERE d.kind <> 'item' AND d.layer = ${layerOf(viewer)}
             AND (${words} OR unaccent(d.title) ILIKE unaccent(${likePattern(query)}))
           ORDER BY d.kind, d.key, (d.locale = ${locale}) DESC, rank DESC
        ) hits
        ORDER BY rank DESC, title COLLATE "C", date DESC, kind, key
        LIMIT ${limit}`);
      return result.rows.map((row) => ({
        kind: row.kind,
        title: row.title,
        url: row.url,
        snippet: row.snippet,
      }));
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
