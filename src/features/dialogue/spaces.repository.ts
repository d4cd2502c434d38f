/** The SQL of dialogue spaces, each read through the viewer's reach (dialogue.visibility.ts). */
import { sql, type SQL } from 'drizzle-orm';
import { isUniqueViolation, type Db } from '../../platform/db/database.js';
import type { Viewer } from '../access/index.js';
import type { SpaceAudience } from './dialogue.types.js';
import { spaceModerated, spaceReadable } from './dialogue.visibility.js';

/** What an editor writes of a space. */
export interface SpaceDraft {
  slug: string;
  name: string;
  /** Markdown: what the space is for. */
  description: string;
  /** The language of the name and description. */
  locale: string;
  /** The languages people write in here. */
  languages: string[];
  audience: SpaceAudience;
  /** The working group's organisations, by id. */
  organisations: string[];
  theme: string | null;
  eventSlug: string | null;
  itemPath: string | null;
  archived: boolean;
}

export interface Space extends SpaceDraft {
  id: string;
  updatedAt: Date;
  /** The reader moderates it (an editor, or appointed to it). */
  moderated: boolean;
}

/** A space in the list of spaces: with its threads listed to everyone and its latest post. */
export interface SpaceListing extends Space {
  threads: number;
  lastPostedAt: Date | null;
}

interface SpaceRow extends Record<string, unknown> {
  id: string;
  slug: string;
  name: string;
  description: string;
  locale: string;
  languages: string[];
  audience: SpaceAudience;
  organisations: string[];
  theme: string | null;
  event_slug: string | null;
  item_path: string | null;
  archived: boolean;
  updated_at: Date;
  moderated: boolean;
}

const columns = sql`
  s.id, s.slug, s.name, s.description, s.locale, s.languages, s.audience, s.organisations, s.theme,
  s.event_slug, s.item_path, s.archived, s.updated_at`;

const space = (row: SpaceRow): Space => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  description: row.description,
  locale: row.locale,
  languages: row.languages,
  audience: row.audience,
  organisations: row.organisations,
  theme: row.theme,
  eventSlug: row.event_slug,
  itemPath: row.item_path,
  archived: row.archived,
  updatedAt: new Date(row.updated_at),
  moderated: row.moderated,
});

const draftValues = (draft: SpaceDraft) => sql`
  ${draft.slug}, ${draft.name}, ${draft.description}, ${draft.locale},
  ${sql.param(draft.languages)}::text[], ${draft.audience},
  ${sql.param(draft.organisations)}::uuid[], ${draft.theme}, ${draft.eventSlug},
  ${draft.itemPath}, ${draft.archived}`;

export function createSpacesRepository(db: Db) {
  return {
    /** Every space the viewer may read, the liveliest first. */
    async list(viewer: Viewer): Promise<SpaceListing[]> {
      const rows = await db.execute<
        SpaceRow & { threads: number; last_posted_at: Date | null }
      >(sql`
        SELECT ${columns}, ${spaceModerated(viewer)} AS moderated,
               (SELECT count(*)::int FROM dialogue_threads t
                 WHERE t.space_id = s.id AND t.listed) AS threads,
               -- Pinned or not, each read from the top of the list's index.
               greatest(
                 (SELECT t.last_posted_at FROM dialogue_threads t
                   WHERE t.space_id = s.id AND t.pinned AND t.listed
                   ORDER BY t.last_posted_at DESC NULLS LAST LIMIT 1),
                 (SELECT t.last_posted_at FROM dialogue_threads t
                   WHERE t.space_id = s.id AND NOT t.pinned AND t.listed
                   ORDER BY t.last_posted_at DESC NULLS LAST LIMIT 1))
                 AS last_posted_at
          FROM dialogue_spaces s
         WHERE ${spaceReadable(viewer)}
         ORDER BY s.archived, last_posted_at DESC NULLS LAST, s.name`);
      return rows.rows.map((row) => ({
        ...space(row),
        threads: row.threads,
        lastPostedAt: row.last_posted_at && new Date(row.last_posted_at),
      }));
    },

    /** A space the viewer may read; 'hidden' when it exists beyond their reach. */
    async find(viewer: Viewer, slug: string): Promise<Space | 'hidden' | null> {
      const rows = await db.execute<SpaceRow & { readable: boolean }>(sql`
        SELECT ${columns}, ${spaceModerated(viewer)} AS moderated,
               ${spaceReadable(viewer)} AS readable
          FROM dialogue_spaces s WHERE s.slug = ${slug}`);
      const row = rows.rows[0];
      if (!row) return null;
      return row.readable ? space(row) : 'hidden';
    },

    /** The spaces the viewer may read that discuss an event or a Knowledge Centre item. */
    async tiedTo(
      viewer: Viewer,
      tie: { eventSlug: string } | { itemPath: string },
    ): Promise<{ slug: string; name: string }[]> {
      const rows = await db.execute<{ slug: string; name: string }>(sql`
        SELECT s.slug, s.name FROM dialogue_spaces s
         WHERE ${'eventSlug' in tie ? sql`s.event_slug = ${tie.eventSlug}` : sql`s.item_path = ${tie.itemPath}`}
           AND ${spaceReadable(viewer)}
         ORDER BY s.name`);
      return rows.rows;
    },

    /** The addresses of the people appointed to moderate a space. */
    async moderators(spaceId: string): Promise<string[]> {
      const rows = await db.execute<{ email: string }>(sql`
        SELECT u.email FROM dialogue_space_moderators m JOIN users u ON u.id = m.user_id
         WHERE m.space_id = ${spaceId} ORDER BY u.email`);
      return rows.rows.map((row) => row.email);
    },

    /** The ids of the accounts with these addresses (confirmed ones), by address. */
    async accountsOf(emails: readonly string[]): Promise<Map<string, string>> {
      if (emails.length === 0) return new Map();
      const rows = await db.execute<{ id: string; email: string }>(sql`
        SELECT id, lower(email) AS email FROM users
         WHERE lower(email) = ANY(${sql.param(emails)}::text[]) AND email_verified`);
      return new Map(rows.rows.map((row) => [row.email, row.id]));
    },

    /** Appoints exactly these people to moderate a space. */
    async setModerators(spaceId: string, userIds: readonly string[]): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.execute(sql`DELETE FROM dialogue_space_moderators WHERE space_id = ${spaceId}`);
        if (userIds.length > 0)
          await tx.execute(sql`
            INSERT INTO dialogue_space_moderators (space_id, user_id)
            SELECT ${spaceId}, unnest(${sql.param(userIds)}::uuid[])`);
      });
    },

    /** True when the viewer moderates at least one space (and so has a queue). */
    async moderatesAny(viewer: Viewer): Promise<boolean> {
      if (viewer.kind !== 'user') return false;
      const rows = await db.execute(sql`
        SELECT 1 FROM dialogue_spaces s WHERE ${spaceModerated(viewer)} LIMIT 1`);
      return rows.rows.length > 0;
    },

    /** Creates a space; null when its address is taken. */
    async create(draft: SpaceDraft): Promise<string | null> {
      try {
        const created = await db.execute<{ id: string }>(sql`
          INSERT INTO dialogue_spaces (slug, name, description, locale, languages, audience,
                                       organisations, theme, event_slug, item_path, archived)
          VALUES (${draftValues(draft)}) RETURNING id`);
        return created.rows[0]?.id ?? null;
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    /** Rewrites a space; false when the new address is taken. */
    async update(id: string, draft: SpaceDraft): Promise<boolean> {
      try {
        await db.execute(sql`
          UPDATE dialogue_spaces
             SET (slug, name, description, locale, languages, audience, organisations, theme,
                  event_slug, item_path, archived) = (${draftValues(draft)}),
                 updated_at = now()
           WHERE id = ${id}`);
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };
}

export type SpacesRepository = ReturnType<typeof createSpacesRepository>;

/**
 * The spaces the viewer may read that discuss the Knowledge Centre item at `itemPath` (an SQL
 * expression of the item's own statement), by name: a JSON array of `{ slug, name }`, so that the
 * item page reads them with the item instead of in a statement of their own. The viewer's id is
 * written as `viewerId` (the statement's placeholder; its role decides the rest).
 */
export const spacesTiedToItemSql = (viewer: Viewer, itemPath: SQL, viewerId: SQL): SQL => sql`(
  SELECT coalesce(json_agg(json_build_object('slug', s.slug, 'name', s.name) ORDER BY s.name), '[]')
    FROM dialogue_spaces s
   WHERE s.item_path = ${itemPath} AND ${spaceReadable(viewer, viewerId)})`;
