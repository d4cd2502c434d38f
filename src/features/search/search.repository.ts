/**
 * The search's second block: the site's pages, useful links, member organisations and the experts'
 * published answers, filtered by what the viewer may read (an answer by its publication: public,
 * or members; private answers and unanswered questions never). They number in the hundreds or
 * low thousands, not the hundred thousands, so they are matched
 * without an index: PostgreSQL full text (accent-folded, `simple`) plus a substring match on
 * titles. The Knowledge Centre's items, which can number 100,000, are searched through
 * items-search.repository.ts.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { readableLevels, type Viewer } from '../access/index.js';
import { isKnowledgeSection } from '../knowledge/index.js';

export const MAX_QUERY_LENGTH = 200;

export interface SearchHit {
  kind: 'page' | 'link' | 'organisation' | 'answer';
  title: string;
  /** A site path without locale ("/about/who-we-are") or an external address. */
  url: string;
  snippet: string | null;
}

interface Row extends Record<string, unknown> {
  kind: SearchHit['kind'];
  key: string;
  title: string;
  url: string | null;
  snippet: string | null;
  rank: number;
}

const likePattern = (query: string): string => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createSearchRepository(db: Db) {
  return {
    /** Up to `limit` hits, best first; pages in the viewer's locale are preferred to the fallback. */
    async search(viewer: Viewer, query: string, locale: string, limit = 50): Promise<SearchHit[]> {
      const levels = readableLevels(viewer);
      const like = likePattern(query);
      const tsquery = sql`websearch_to_tsquery('simple', unaccent(${query}))`;
      const result = await db.execute<Row>(sql`
        WITH readable_pages AS (
          SELECT DISTINCT ON (slug) slug, title, summary, body
            FROM pages
           WHERE access::text = ANY(${sql.param(levels)}::text[])
           ORDER BY slug, (locale = ${locale}) DESC
        ), candidates AS (
          SELECT 'page' AS kind, slug AS key, title, NULL::text AS url,
                 NULLIF(summary, '') AS snippet,
                 ts_rank(to_tsvector('simple', unaccent(title || ' ' || summary || ' ' || body)), ${tsquery})
                   + CASE WHEN unaccent(title) ILIKE unaccent(${like}) THEN 1 ELSE 0 END AS rank
            FROM readable_pages
           WHERE to_tsvector('simple', unaccent(title || ' ' || summary || ' ' || body)) @@ ${tsquery}
              OR unaccent(title) ILIKE unaccent(${like})
          UNION ALL
          SELECT 'link', g.key, l.title, l.url, g.title,
                 ts_rank(to_tsvector('simple', unaccent(l.title)), ${tsquery})
                   + CASE WHEN unaccent(l.title) ILIKE unaccent(${like}) THEN 1 ELSE 0 END
            FROM links l JOIN link_groups g ON g.id = l.group_id
           WHERE l.access::text = ANY(${sql.param(levels)}::text[]) AND g.access::text = ANY(${sql.param(levels)}::text[])
             AND (to_tsvector('simple', unaccent(l.title)) @@ ${tsquery}
                  OR unaccent(l.title) ILIKE unaccent(${like}))
          UNION ALL
          SELECT 'organisation', slug, name, NULL, NULL,
                 ts_rank(to_tsvector('simple', unaccent(name || ' ' || coalesce(short_name, '') || ' ' || (SELECT coalesce(string_agg(value, ' '), '') FROM jsonb_each_text(descriptions)))), ${tsquery})
                   + CASE WHEN unaccent(name) ILIKE unaccent(${like}) THEN 1 ELSE 0 END
            FROM organisations
           WHERE status = 'active'
             AND (to_tsvector('simple', unaccent(name || ' ' || coalesce(short_name, '') || ' ' || (SELECT coalesce(string_agg(value, ' '), '') FROM jsonb_each_text(descriptions)))) @@ ${tsquery}
                  OR unaccent(name || ' ' || coalesce(short_name, '')) ILIKE unaccent(${like}))
          UNION ALL
          SELECT 'answer', id::text, left(public_question, 160), NULL, NULLIF(summary, ''),
                 ts_rank(to_tsvector('simple', unaccent(public_question || ' ' || summary || ' ' || answer)), ${tsquery})
            FROM questions
           WHERE status = 'answered' AND publication = ANY(${sql.param(levels)}::text[])
             AND to_tsvector('simple', unaccent(public_question || ' ' || summary || ' ' || answer)) @@ ${tsquery}
        )
        SELECT * FROM candidates ORDER BY rank DESC, title LIMIT ${limit}
      `);
      return result.rows.map((row) => ({
        kind: row.kind,
        title: row.title,
        snippet: row.snippet,
        url:
          row.kind === 'answer'
            ? `/experts/answers/${row.key}`
            : row.kind === 'organisation'
              ? `/network/${row.key}`
              : row.kind === 'link'
                ? (row.url ?? `/knowledge/useful-links#links-${row.key}`)
                : isKnowledgeSection(row.key)
                  ? `/knowledge/${row.key}`
                  : `/about/${row.key}`,
      }));
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
