/**
 * Member organisations as a kind of content: found by the site search (active members only; their
 * members-only contact is never searched), and planted with a members-only contact by the leak test.
 */
import { eq } from 'drizzle-orm';
import { searchOnlyKind } from '../../channels/kind.js';
import type { Db } from '../../platform/db/database.js';
import type { Viewer } from '../access/index.js';
import { organisations } from './members.schema.js';

/** The organisation kind, read from this database. */
export function organisationKind(db: Db) {
  return searchOnlyKind({
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
}
