/**
 * Member organisations as a kind of content: found by the site search (active members only; their
 * members-only contact is never searched), and planted with a members-only contact by the leak test.
 */
import { eq, sql } from 'drizzle-orm';
import { searchOnlyKind } from '../../channels/kind.js';
import type { Db } from '../../platform/db/database.js';
import { likePattern, simpleQuery } from '../../platform/db/text-match.js';
import type { Viewer } from '../access/index.js';
import { organisations } from './members.schema.js';

interface Row extends Record<string, unknown> {
  slug: string;
  name: string;
  rank: number;
}

/** The organisation kind, read from this database. */
export function organisationKind(db: Db) {
  return searchOnlyKind({
    name: 'organisation',
    plural: 'organisations',
    search: {
      // Every visitor reads the same public profile of an active member.
      async search(_viewer: Viewer, query, _locale, limit) {
        const like = likePattern(query);
        const tsquery = simpleQuery(query);
        const document = sql`to_tsvector('simple', unaccent(name || ' ' || coalesce(short_name, '') || ' ' || (SELECT coalesce(string_agg(value, ' '), '') FROM jsonb_each_text(descriptions))))`;
        const result = await db.execute<Row>(sql`
          SELECT slug, name,
                 ts_rank(${document}, ${tsquery})
                   + CASE WHEN unaccent(name) ILIKE unaccent(${like}) THEN 1 ELSE 0 END AS rank
            FROM organisations
           WHERE status = 'active'
             AND (${document} @@ ${tsquery}
                  OR unaccent(name || ' ' || coalesce(short_name, '')) ILIKE unaccent(${like}))
           ORDER BY rank DESC, name LIMIT ${limit}`);
        return result.rows.map((row) => ({
          kind: 'organisation',
          title: row.name,
          url: `/network/${row.slug}`,
          snippet: null,
          rank: Number(row.rank),
        }));
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
}
