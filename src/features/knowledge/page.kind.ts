/**
 * The site's written pages (about, privacy, the sections' introductions) and the useful links as
 * kinds of content: found by the site search in the layers the viewer may read.
 */
import { eq, sql } from 'drizzle-orm';
import { searchOnlyKind } from '../../channels/kind.js';
import type { Db } from '../../platform/db/database.js';
import { likePattern, simpleQuery } from '../../platform/db/text-match.js';
import { readableLevels } from '../access/index.js';
import { linkGroups, links, pages } from './knowledge.schema.js';
import { isKnowledgeSection } from './knowledge.sections.js';

interface Row extends Record<string, unknown> {
  key: string;
  title: string;
  url: string | null;
  snippet: string | null;
  rank: number;
}

/** Written pages, each in the viewer's language when there is one, else another. */
export function pageKind(db: Db) {
  return searchOnlyKind({
    name: 'page',
    plural: 'pages',
    search: {
      async search(viewer, query, locale, limit) {
        const levels = readableLevels(viewer);
        const like = likePattern(query);
        const tsquery = simpleQuery(query);
        const result = await db.execute<Row>(sql`
          WITH readable_pages AS (
            SELECT DISTINCT ON (slug) slug, title, summary, body
              FROM pages
             WHERE access::text = ANY(${sql.param(levels)}::text[])
             ORDER BY slug, (locale = ${locale}) DESC
          )
          SELECT slug AS key, title, NULLIF(summary, '') AS snippet,
                 ts_rank(to_tsvector('simple', unaccent(title || ' ' || summary || ' ' || body)), ${tsquery})
                   + CASE WHEN unaccent(title) ILIKE unaccent(${like}) THEN 1 ELSE 0 END AS rank
            FROM readable_pages
           WHERE to_tsvector('simple', unaccent(title || ' ' || summary || ' ' || body)) @@ ${tsquery}
              OR unaccent(title) ILIKE unaccent(${like})
           ORDER BY rank DESC, title LIMIT ${limit}`);
        return result.rows.map((row) => ({
          kind: 'page',
          title: row.title,
          snippet: row.snippet,
          url: isKnowledgeSection(row.key) ? `/knowledge/${row.key}` : `/about/${row.key}`,
          rank: Number(row.rank),
        }));
      },
    },
    canary: {
      async plant(target, text) {
        await target.insert(pages).values({
          slug: 'kind-canary-page',
          locale: 'en',
          title: `${text} page`,
          summary: text,
          body: text,
          access: 'members',
        });
        return {};
      },
    },
  });
}

/** Useful links, in groups that may themselves be for members only. */
export function linkKind(db: Db) {
  return searchOnlyKind({
    name: 'link',
    plural: 'links',
    search: {
      async search(viewer, query, _locale, limit) {
        const levels = readableLevels(viewer);
        const like = likePattern(query);
        const tsquery = simpleQuery(query);
        const result = await db.execute<Row>(sql`
          SELECT g.key, l.title, l.url, g.title AS snippet,
                 ts_rank(to_tsvector('simple', unaccent(l.title)), ${tsquery})
                   + CASE WHEN unaccent(l.title) ILIKE unaccent(${like}) THEN 1 ELSE 0 END AS rank
            FROM links l JOIN link_groups g ON g.id = l.group_id
           WHERE l.access::text = ANY(${sql.param(levels)}::text[])
             AND g.access::text = ANY(${sql.param(levels)}::text[])
             AND (to_tsvector('simple', unaccent(l.title)) @@ ${tsquery}
                  OR unaccent(l.title) ILIKE unaccent(${like}))
           ORDER BY rank DESC, l.title LIMIT ${limit}`);
        return result.rows.map((row) => ({
          kind: 'link',
          title: row.title,
          snippet: row.snippet,
          url: row.url ?? `/knowledge/useful-links#links-${row.key}`,
          rank: Number(row.rank),
        }));
      },
    },
    canary: {
      async plant(target, text) {
        const [group] = await target
          .select()
          .from(linkGroups)
          .where(eq(linkGroups.key, 'refugees-and-migrants'));
        await target.insert(links).values({
          groupId: group?.id ?? '',
          title: `${text} kind link`,
          url: 'https://canary.example/kind',
          position: 98,
          access: 'members',
        });
        return {};
      },
    },
  });
}
