/**
 * The editors' writes to the Knowledge Centre: items in every state, their translations, revisions
 * and relations, and the search documents rebuilt from them on every change; the editors' reads
 * are in editing.repository.ts. Only the knowledge service calls this, after its policy checks.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { AccessLevel } from '../access/index.js';
import type { ItemSection, ItemStatus, ItemType, TranslationStatus } from './items.types.js';
import { createEditingRepository } from './editing.repository.js';

export type { EditableItem, EditorListRow, RevisionView } from './editing.repository.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** An item's own data, as the editor's form sets it. */
export interface ItemDraft {
  type: ItemType;
  section: ItemSection;
  slug: string;
  access: AccessLevel;
  date: string;
  restrictedFields: string[];
  attributes: Record<string, string>;
  themes: string[];
  sdgs: number[];
  sdgTargets: string[];
  rights: number[];
  countries: string[];
  /** Slugs of related items. */
  related: string[];
}

/** One language's text of an item. */
export interface TranslationDraft {
  locale: string;
  title: string;
  summary: string;
  body: string;
  fields: Record<string, string>;
  /** For a translation (not the original): reviewed by a person, or to be reviewed. */
  status: TranslationStatus;
}

export type SaveOutcome =
  { ok: true; id: string } | { ok: false; reason: 'slug-taken' | 'not-found' };

/** Characters of an attached file's text that search indexes (a long report's first ~15,000 words). */
const FILE_TEXT_INDEXED = 100_000;

/** Rebuilds the search documents of one item (or of every item, when id is null). */
export async function refreshSearchDocuments(db: Db | Tx, id: string | null): Promise<void> {
  const only = id === null ? sql`true` : sql`i.id = ${id}`;
  await db.execute(
    sql`DELETE FROM search_documents d USING items i WHERE d.item_id = i.id AND ${only}`,
  );
  await db.execute(sql`
    INSERT INTO search_documents (kind, key, item_id, locale, layer, type, section, slug,
                                  visible_from, date, themes, sdgs, countries, title, vector)
    SELECT 'item', i.id::text, i.id, t.locale, l.layer, i.type, i.section, i.slug, i.published_at, i.date,
           i.themes, i.sdgs, i.countries, t.title,
           setweight(hrcn_tsvector(c.cfg, t.title), 'A') || setweight(hrcn_tsvector(c.cfg, t.summary), 'B')
             || setweight(hrcn_tsvector(c.cfg, concat_ws(E'\n',
                  CASE WHEN l.layer = 'members' OR NOT 'body' = ANY(i.restricted_fields) THEN t.body END,
                  (SELECT string_agg(value, E'\n') FROM jsonb_each_text(t.fields)
                    WHERE l.layer = 'members' OR NOT key = ANY(i.restricted_fields)),
                  (SELECT string_agg(value, ' ') FROM jsonb_each_text(i.attributes)))), 'C')
             -- A file's text is stemmed in its own language, whichever row carries it.
             || setweight(coalesce((
                  SELECT hrcn_tsvector_agg(hrcn_tsvector(hrcn_search_config(f.locale), left(f.text, ${FILE_TEXT_INDEXED})))
                    FROM item_files f
                   WHERE f.item_id = i.id AND f.text_status = 'done'
                     AND (l.layer = 'members' OR f.access = 'public')
                     -- A file goes with the translation in its language, else with the original.
                     AND (f.locale = t.locale OR (t.locale = i.original_locale AND NOT EXISTS (
                          SELECT 1 FROM item_translations o WHERE o.item_id = i.id AND o.locale = f.locale)))
                ), ''::tsvector), 'D')
      FROM items i
      JOIN item_translations t ON t.item_id = i.id
      CROSS JOIN LATERAL (SELECT hrcn_search_config(t.locale) AS cfg) c
      -- Members-only items have no public row at all.
      JOIN (VALUES ('public'), ('members')) l(layer) ON l.layer = 'members' OR i.access = 'public'
     WHERE ${only} AND i.status = 'published' AND i.published_at IS NOT NULL`);
  // Words for "did you mean"; search only suggests a word that finds something for the viewer.
  await db.execute(sql`
    INSERT INTO search_terms (word)
    SELECT DISTINCT w FROM items i JOIN item_translations t ON t.item_id = i.id,
           regexp_split_to_table(lower(unaccent(t.title || ' ' || t.summary)), '[^[:alnum:]]+') w
     WHERE ${only} AND i.status = 'published' AND length(w) BETWEEN 4 AND 40
    ON CONFLICT DO NOTHING`);
}

async function saveTranslation(
  tx: Tx,
  id: string,
  originalLocale: string,
  translation: TranslationDraft,
  authorId: string | null,
): Promise<void> {
  const isOriginal = translation.locale === originalLocale;
  const before = await tx.execute<{
    title: string;
    summary: string;
    body: string;
    fields: Record<string, string>;
  }>(
    sql`SELECT title, summary, body, fields FROM item_translations WHERE item_id = ${id} AND locale = ${translation.locale}`,
  );
  const old = before.rows[0];
  const changed =
    !old ||
    old.title !== translation.title ||
    old.summary !== translation.summary ||
    old.body !== translation.body ||
    JSON.stringify(old.fields) !== JSON.stringify(translation.fields);
  await tx.execute(sql`
    INSERT INTO item_translations (item_id, locale, title, summary, body, fields, status)
    VALUES (${id}, ${translation.locale}, ${translation.title}, ${translation.summary},
            ${translation.body}, ${JSON.stringify(translation.fields)}::jsonb,
            ${isOriginal ? 'original' : translation.status})
    ON CONFLICT (item_id, locale) DO UPDATE
       SET title = excluded.title, summary = excluded.summary, body = excluded.body,
           fields = excluded.fields, status = excluded.status, updated_at = now()`);
  if (!changed) return;
  await tx.execute(sql`
    INSERT INTO item_revisions (item_id, locale, number, title, summary, body, fields, author_id)
    SELECT ${id}, ${translation.locale}, coalesce(max(number), 0) + 1, ${translation.title},
           ${translation.summary}, ${translation.body}, ${JSON.stringify(translation.fields)}::jsonb, ${authorId}
      FROM item_revisions WHERE item_id = ${id} AND locale = ${translation.locale}`);
  // A changed original makes reviewed translations out of date.
  if (isOriginal && old) {
    await tx.execute(sql`
      UPDATE item_translations SET status = 'needs-review'
       WHERE item_id = ${id} AND locale <> ${translation.locale} AND status = 'reviewed'`);
  }
}

async function saveRelations(tx: Tx, id: string, slugs: readonly string[]): Promise<void> {
  await tx.execute(sql`DELETE FROM item_relations WHERE item_id = ${id} OR related_id = ${id}`);
  if (slugs.length === 0) return;
  await tx.execute(sql`
    INSERT INTO item_relations (item_id, related_id)
    SELECT ${id}, r.id FROM items r WHERE r.slug = ANY(${sql.param(slugs)}::text[]) AND r.id <> ${id}
    UNION
    SELECT r.id, ${id} FROM items r WHERE r.slug = ANY(${sql.param(slugs)}::text[]) AND r.id <> ${id}
    ON CONFLICT DO NOTHING`);
}

const draftColumns = (draft: ItemDraft): SQL => sql`
  type = ${draft.type}, section = ${draft.section}, slug = ${draft.slug},
  access = ${draft.access}::access_level, date = ${draft.date}::date,
  restricted_fields = ${sql.param(draft.restrictedFields)}::text[],
  attributes = ${JSON.stringify(draft.attributes)}::jsonb,
  themes = ${sql.param(draft.themes)}::text[], sdgs = ${sql.param(draft.sdgs)}::smallint[],
  sdg_targets = ${sql.param(draft.sdgTargets)}::text[], rights = ${sql.param(draft.rights)}::smallint[],
  countries = ${sql.param(draft.countries)}::text[], updated_at = now()`;

export function createEditorialRepository(db: Db) {
  async function slugTaken(slug: string, exceptId: string | null): Promise<boolean> {
    const found = await db.execute(
      sql`SELECT 1 FROM items WHERE slug = ${slug} AND id IS DISTINCT FROM ${exceptId}::uuid`,
    );
    return found.rows.length > 0;
  }

  return {
    slugTaken,

    async createItem(
      draft: ItemDraft,
      translation: TranslationDraft,
      authorId: string | null,
    ): Promise<SaveOutcome> {
      if (await slugTaken(draft.slug, null)) return { ok: false, reason: 'slug-taken' };
      const id = await db.transaction(async (tx) => {
        const inserted = await tx.execute<{ id: string }>(sql`
          INSERT INTO items (type, section, slug, date, original_locale, created_by)
          VALUES (${draft.type}, ${draft.section}, ${draft.slug}, ${draft.date}::date,
                  ${translation.locale}, ${authorId})
          RETURNING id`);
        const newId = inserted.rows[0]?.id ?? '';
        await tx.execute(sql`UPDATE items SET ${draftColumns(draft)} WHERE id = ${newId}`);
        await saveTranslation(tx, newId, translation.locale, translation, authorId);
        await saveRelations(tx, newId, draft.related);
        return newId;
      });
      return { ok: true, id };
    },

    async saveItem(
      id: string,
      draft: ItemDraft,
      translation: TranslationDraft,
      authorId: string | null,
    ): Promise<SaveOutcome> {
      if (await slugTaken(draft.slug, id)) return { ok: false, reason: 'slug-taken' };
      return db.transaction(async (tx) => {
        const updated = await tx.execute<{ original_locale: string }>(
          sql`UPDATE items SET ${draftColumns(draft)} WHERE id = ${id} RETURNING original_locale`,
        );
        const originalLocale = updated.rows[0]?.original_locale;
        if (!originalLocale) return { ok: false, reason: 'not-found' } as const;
        await saveTranslation(tx, id, originalLocale, translation, authorId);
        await saveRelations(tx, id, draft.related);
        await refreshSearchDocuments(tx, id);
        return { ok: true, id } as const;
      });
    },

    /** Moves an item to a state; publishedAt is when a published item becomes visible. */
    async setStatus(id: string, status: ItemStatus, publishedAt: Date | null): Promise<boolean> {
      return db.transaction(async (tx) => {
        const updated = await tx.execute(sql`
          UPDATE items SET status = ${status}, published_at = ${publishedAt?.toISOString() ?? null}::timestamptz,
                 updated_at = now()
           WHERE id = ${id} RETURNING id`);
        if (updated.rows.length === 0) return false;
        await refreshSearchDocuments(tx, id);
        return true;
      });
    },

    /** Items whose scheduled time has come since `since`: their pages change now. */
    async dueSince(since: Date, now: Date): Promise<number> {
      const result = await db.execute<{ count: number }>(sql`
        SELECT count(*)::int AS count FROM items
         WHERE status = 'published' AND published_at > ${since.toISOString()}::timestamptz
           AND published_at <= ${now.toISOString()}::timestamptz`);
      return result.rows[0]?.count ?? 0;
    },

    ...createEditingRepository(db),
  };
}

export type EditorialRepository = ReturnType<typeof createEditorialRepository>;
