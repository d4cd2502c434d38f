/** All SQL of the knowledge module. Every read takes the viewer and filters the members layer. */
import { eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { statement } from '../../platform/db/statement.js';
import { readableLevels, type Viewer } from '../access/index.js';
import { pages } from './knowledge.schema.js';

export interface PageView {
  slug: string;
  /** The language the page is written in (the requested one, or the fallback). */
  locale: string;
  title: string;
  summary: string;
  body: string;
  updatedAt: Date;
}

export interface LinkView {
  id: string;
  title: string;
  url: string | null;
}

export interface LinkGroupView {
  key: string;
  title: string;
  links: LinkView[];
  groups: LinkGroupView[];
}

/** A part of a statement: SQL, or a placeholder filled when it runs. */
type Part = SQL | Placeholder;

/** A written page's row as a statement reads it, its time as an ISO text. */
export type PageRow = Omit<PageView, 'updatedAt'> & { updatedAt: string };

/**
 * The pages with these slugs in these languages that these access levels may read, as one JSON
 * array of PageRow: for a statement that reads a page with its own rows (a section's introduction
 * with its list, list.sql.ts), one round trip for both.
 */
export const pagesJsonSql = (slugs: Part, locales: Part, levels: Part): SQL => sql`
  (SELECT coalesce(json_agg(p), '[]')
     FROM (SELECT p.slug, p.locale, p.title, p.summary, p.body, p.updated_at AS "updatedAt"
             FROM pages p
            WHERE p.slug = ANY(${slugs}::text[]) AND p.locale = ANY(${locales}::text[])
              AND p.access = ANY(${levels}::access_level[])) p)`;

/** Pages by slug in some languages and access levels (placeholders `slugs`, `locales`, `levels`). */
const pagesStatement = statement<null, { pages: PageRow[] }>(
  () =>
    sql`SELECT ${pagesJsonSql(sql.placeholder('slugs'), sql.placeholder('locales'), sql.placeholder('levels'))} AS pages`,
);

/**
 * Of the rows read, each slug's page in `locale`, else in `fallback`, in the order of `slugs`;
 * a slug with neither is left out.
 */
export function choosePages(
  rows: readonly PageRow[],
  slugs: readonly string[],
  locale: string,
  fallback: string,
): PageView[] {
  return slugs.flatMap((slug) => {
    const found =
      rows.find((row) => row.slug === slug && row.locale === locale) ??
      rows.find((row) => row.slug === slug && row.locale === fallback);
    return found ? [{ ...found, updatedAt: new Date(found.updatedAt) }] : [];
  });
}

/**
 * The useful-links directory in one statement: each group the levels (placeholder `levels`) may
 * read, in editorial order, on one row per readable link of it (in order), or one row with a null
 * link when it has none.
 */
const directoryStatement = statement<
  null,
  {
    id: string;
    parentId: string | null;
    key: string;
    title: string;
    linkId: string | null;
    linkTitle: string | null;
    url: string | null;
  }
>(() => {
  const levels = sql`${sql.placeholder('levels')}::access_level[]`;
  return sql`
    SELECT g.id, g.parent_id AS "parentId", g.key, g.title,
           l.id AS "linkId", l.title AS "linkTitle", l.url
      FROM link_groups g
      LEFT JOIN links l ON l.group_id = g.id AND l.access = ANY(${levels})
     WHERE g.access = ANY(${levels})
     ORDER BY g.position, g.id, l.position`;
});

export function createKnowledgeRepository(db: Db) {
  /** Several pages in one query, as findPage finds each, in the order of `slugs`. */
  async function findPages(
    viewer: Viewer,
    slugs: readonly string[],
    locale: string,
    fallback: string,
  ): Promise<PageView[]> {
    const [row] = await pagesStatement(db, null, {
      slugs,
      locales: [locale, fallback],
      levels: readableLevels(viewer),
    });
    return choosePages(row?.pages ?? [], slugs, locale, fallback);
  }

  return {
    /**
     * True when a page exists only in the members layer: a visitor is shown a teaser that says so,
     * and nothing of the page itself (not even its title).
     */
    async isMembersOnlyPage(slug: string): Promise<boolean> {
      const rows = await db
        .select({ access: pages.access })
        .from(pages)
        .where(eq(pages.slug, slug));
      return rows.length > 0 && rows.every((row) => row.access === 'members');
    },

    /** The page in the wanted locale, else in the fallback locale, if the viewer may read it. */
    async findPage(
      viewer: Viewer,
      slug: string,
      locale: string,
      fallback: string,
    ): Promise<PageView | null> {
      return (await findPages(viewer, [slug], locale, fallback))[0] ?? null;
    },

    findPages,

    /** The whole useful-links directory as a tree, in editorial order. */
    async linkDirectory(viewer: Viewer): Promise<LinkGroupView[]> {
      const rows = await directoryStatement(db, null, { levels: readableLevels(viewer) });
      const views = new Map<string, LinkGroupView>();
      /** Each group once, in editorial order, with its parent. */
      const groups: { parentId: string | null; view: LinkGroupView }[] = [];
      for (const row of rows) {
        let view = views.get(row.id);
        if (!view) {
          view = { key: row.key, title: row.title, links: [], groups: [] };
          views.set(row.id, view);
          groups.push({ parentId: row.parentId, view });
        }
        if (row.linkId !== null)
          view.links.push({ id: row.linkId, title: row.linkTitle ?? '', url: row.url });
      }
      const roots: LinkGroupView[] = [];
      for (const { parentId, view } of groups) {
        if (parentId === null) roots.push(view);
        // A group under a hidden parent stays hidden with it.
        else views.get(parentId)?.groups.push(view);
      }
      return roots;
    },
  };
}

export type KnowledgeRepository = ReturnType<typeof createKnowledgeRepository>;
