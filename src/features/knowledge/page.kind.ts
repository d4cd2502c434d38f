/**
 * The site's written pages (about, privacy, the sections' introductions) and the useful links as
 * kinds of content: found by the site search in the layers the viewer may read.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { searchOnlyKind } from '../../channels/kind.js';
import type { Db } from '../../platform/db/database.js';
import { readableLevels } from '../access/index.js';
import { linkGroups, links, pages } from './knowledge.schema.js';
import { isKnowledgeSection } from './knowledge.sections.js';

/** Written pages, each in the viewer's language when there is one, else another. */
export function pageKind(db: Db) {
  return searchOnlyKind({
    name: 'page',
    plural: 'pages',
    search: {
      // Every translation the viewer may read: found in its own language.
      async documents(viewer) {
        const rows = await db
          .select()
          .from(pages)
          .where(inArray(pages.access, readableLevels(viewer)));
        return rows.map((row) => ({
          key: row.slug,
          locale: row.locale,
          title: row.title,
          snippet: row.summary || null,
          text: `${row.summary}\n${row.body}`,
          url: isKnowledgeSection(row.slug) ? `/knowledge/${row.slug}` : `/about/${row.slug}`,
          date: row.updatedAt,
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
      // A link is readable when it and its group are; its group's title is shown with it.
      async documents(viewer) {
        const levels = readableLevels(viewer);
        const rows = await db
          .select({
            id: links.id,
            title: links.title,
            url: links.url,
            group: linkGroups.key,
            groupTitle: linkGroups.title,
            updatedAt: links.updatedAt,
          })
          .from(links)
          .innerJoin(linkGroups, eq(linkGroups.id, links.groupId))
          .where(and(inArray(links.access, levels), inArray(linkGroups.access, levels)));
        return rows.map((row) => ({
          key: row.id,
          locale: 'und',
          title: row.title,
          snippet: row.groupTitle,
          text: '',
          url: row.url ?? `/knowledge/useful-links#links-${row.group}`,
          date: row.updatedAt,
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
