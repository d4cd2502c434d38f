/**
 * Member organisations as a kind of content: found by the site search (active organisations;
 * their members-only contact is never searched), the newest members in a feed (the network page's,
 * the home page's and the site's "what's new"), and planted with a members-only contact by the
 * leak test.
 */
import { eq, sql } from 'drizzle-orm';
import { searchOnlyKind, type FeedSource } from '../../channels/kind.js';
import type { Db } from '../../platform/db/database.js';
import type { Viewer } from '../access/index.js';
import { membershipEvents, organisations } from './members.schema.js';

/** The shortest summary of a Markdown description: its first paragraph, without its marks. */
const summaryOf = (markdown: string): string => {
  const first = (markdown.split(/\n\s*\n/)[0] ?? '').replace(/[*_`#>[\]]|\(https?:[^)]*\)/g, '');
  return first.length > 240 ? `${first.slice(0, 240).replace(/\s+\S*$/, '')}…` : first;
};

/** The newest members (guest and associate; not the institutions listed as resources). */
function newestMembers(db: Db): FeedSource {
  return {
    path: '/network',
    title: async (_params, t) => t.t('network.newest'),
    // The profile is public, whoever reads: nothing of the members layer is in it.
    async read(_viewer, _params, t, limit) {
      const rows = await db.execute<{
        slug: string;
        name: string;
        descriptions: Record<string, string>;
        joined: Date;
      }>(sql`
        SELECT o.slug, o.name, o.descriptions,
               coalesce((SELECT max(e.at) FROM ${membershipEvents} e
                          WHERE e.organisation_id = o.id AND e.to_status = 'active'),
                        o.created_at) AS joined
          FROM ${organisations} o
         WHERE o.status = 'active' AND o.membership <> 'none'
         ORDER BY joined DESC, o.name
         LIMIT ${limit}`);
      return rows.rows.map((row) => ({
        key: row.slug,
        path: `/network/${row.slug}`,
        title: row.name,
        summary: summaryOf(row.descriptions[t.locale] ?? Object.values(row.descriptions)[0] ?? ''),
        date: new Date(row.joined),
        categories: [],
      }));
    },
  };
}

/** The organisation kind, read from this database. */
export function organisationKind(db: Db) {
  const kind = searchOnlyKind({
    name: 'organisation',
    plural: 'organisations',
    search: {
      // Every reader finds the same public profile of an active member (never its contact), in
      // each language it is described in.
      async documents(_viewer: Viewer) {
        const rows = await db
          .select({
            slug: organisations.slug,
            name: organisations.name,
            shortName: organisations.shortName,
            descriptions: organisations.descriptions,
            updatedAt: organisations.updatedAt,
          })
          .from(organisations)
          .where(eq(organisations.status, 'active'));
        return rows.flatMap((row) => {
          const described = Object.entries(row.descriptions);
          return (described.length > 0 ? described : [['und', ''] as const]).map(
            ([locale, text]) => ({
              key: row.slug,
              locale,
              title: row.name,
              snippet: null,
              text: `${row.shortName ?? ''}\n${text}`,
              url: `/network/${row.slug}`,
              date: row.updatedAt,
            }),
          );
        });
      },
    },
    canary: {
      async plant(target, text) {
        await target
          .update(organisations)
          .set({
            contactName: `${text} contact`,
            contactEmail: 'canary@canary.example',
            contactPhone: `+00 ${text}`,
          })
          .where(eq(organisations.slug, 'uclg'));
        return {};
      },
    },
  });
  return { ...kind, feeds: [newestMembers(db)] };
}
