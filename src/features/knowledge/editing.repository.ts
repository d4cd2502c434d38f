/** The editors' reads of the Knowledge Centre: the list of items in every state, an item as its form shows it, and its revisions. */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { AccessLevel } from '../access/index.js';
import type { ItemSection, ItemStatus, ItemType, TranslationStatus } from './items.types.js';
import type { ItemDraft, TranslationDraft } from './editorial.repository.js';

export interface EditableItem extends Omit<ItemDraft, 'related'> {
  id: string;
  status: ItemStatus;
  publishedAt: Date | null;
  originalLocale: string;
  related: string[];
  updatedAt: Date;
  /** The translation asked for, or null when there is none yet. */
  translation: (TranslationDraft & { updatedAt: Date }) | null;
  translations: { locale: string; status: TranslationStatus; title: string }[];
}

export interface EditorListRow {
  id: string;
  type: ItemType;
  slug: string;
  status: ItemStatus;
  access: AccessLevel;
  title: string;
  updatedAt: Date;
  publishedAt: Date | null;
  /** Loaded with the initial content, not written by an editor. */
  seeded: boolean;
}

export interface RevisionView {
  id: string;
  number: number;
  locale: string;
  title: string;
  summary: string;
  body: string;
  fields: Record<string, string>;
  authorName: string | null;
  createdAt: Date;
}

/** The editors' reads; only the knowledge service calls them, after its policy checks. */
export function createEditingRepository(db: Db) {
  return {
    async findForEditing(id: string, locale: string): Promise<EditableItem | null> {
      const result = await db.execute<{
        id: string;
        type: ItemType;
        section: ItemSection;
        slug: string;
        access: AccessLevel;
        status: ItemStatus;
        published_at: Date | null;
        date: string;
        original_locale: string;
        restricted_fields: string[];
        attributes: Record<string, string>;
        themes: string[];
        sdgs: number[];
        sdg_targets: string[];
        rights: number[];
        countries: string[];
        updated_at: Date;
      }>(sql`
        SELECT id, type, section, slug, access, status, published_at, date::text AS date,
               original_locale, restricted_fields, attributes, themes, sdgs, sdg_targets, rights,
               countries, updated_at
          FROM items WHERE id = ${id}`);
      const row = result.rows[0];
      if (!row) return null;
      const [translations, related] = await Promise.all([
        db.execute<{
          locale: string;
          status: TranslationStatus;
          title: string;
          summary: string;
          body: string;
          fields: Record<string, string>;
          updated_at: Date;
        }>(sql`SELECT * FROM item_translations WHERE item_id = ${id} ORDER BY locale`),
        db.execute<{ slug: string }>(sql`
          SELECT i.slug FROM item_relations r JOIN items i ON i.id = r.related_id
           WHERE r.item_id = ${id} ORDER BY i.slug`),
      ]);
      const current = translations.rows.find((entry) => entry.locale === locale);
      return {
        id: row.id,
        type: row.type,
        section: row.section,
        slug: row.slug,
        access: row.access,
        status: row.status,
        publishedAt: row.published_at ? new Date(row.published_at) : null,
        date: row.date,
        originalLocale: row.original_locale,
        restrictedFields: row.restricted_fields,
        attributes: row.attributes,
        themes: row.themes,
        sdgs: row.sdgs,
        sdgTargets: row.sdg_targets,
        rights: row.rights,
        countries: row.countries,
        updatedAt: new Date(row.updated_at),
        related: related.rows.map((entry) => entry.slug),
        translation: current
          ? {
              locale: current.locale,
              title: current.title,
              summary: current.summary,
              body: current.body,
              fields: current.fields,
              status: current.status,
              updatedAt: new Date(current.updated_at),
            }
          : null,
        translations: translations.rows.map((entry) => ({
          locale: entry.locale,
          status: entry.status,
          title: entry.title,
        })),
      };
    },

    /** Every item, newest change first, in any state; title in the locale when there is one. */
    async listForEditors(
      filter: { status?: ItemStatus; type?: ItemType },
      locale: string,
      page: number,
      pageSize = 50,
    ): Promise<{ rows: EditorListRow[]; total: number }> {
      const conditions: SQL[] = [sql`true`];
      if (filter.status) conditions.push(sql`i.status = ${filter.status}`);
      if (filter.type) conditions.push(sql`i.type = ${filter.type}`);
      const where = sql.join(conditions, sql` AND `);
      const [rows, count] = await Promise.all([
        db.execute<
          Omit<EditorListRow, 'updatedAt' | 'publishedAt'> & {
            updated_at: Date;
            published_at: Date | null;
          }
        >(sql`
          SELECT i.id, i.type, i.slug, i.status, i.access, i.seeded, i.updated_at, i.published_at,
                 tr.title
            FROM items i
            JOIN LATERAL (SELECT t.title FROM item_translations t WHERE t.item_id = i.id
                           ORDER BY (t.locale = ${locale}) DESC, (t.locale = i.original_locale) DESC
                           LIMIT 1) tr ON true
           WHERE ${where}
           ORDER BY i.updated_at DESC, i.id
           LIMIT ${pageSize} OFFSET ${(Math.max(1, page) - 1) * pageSize}`),
        db.execute<{ total: number }>(
          sql`SELECT count(*)::int AS total FROM items i WHERE ${where}`,
        ),
      ]);
      return {
        rows: rows.rows.map((row) => ({
          id: row.id,
          type: row.type,
          slug: row.slug,
          status: row.status,
          access: row.access,
          seeded: row.seeded,
          title: row.title,
          updatedAt: new Date(row.updated_at),
          publishedAt: row.published_at ? new Date(row.published_at) : null,
        })),
        total: count.rows[0]?.total ?? 0,
      };
    },

    async listRevisions(id: string, locale: string): Promise<RevisionView[]> {
      const result = await db.execute<
        Omit<RevisionView, 'authorName' | 'createdAt'> & {
          author_name: string | null;
          created_at: Date;
        }
      >(sql`
        SELECT r.*, u.name AS author_name FROM item_revisions r LEFT JOIN users u ON u.id = r.author_id
         WHERE r.item_id = ${id} AND r.locale = ${locale} ORDER BY r.number DESC`);
      return result.rows.map((row) => ({
        id: row.id,
        number: row.number,
        locale: row.locale,
        title: row.title,
        summary: row.summary,
        body: row.body,
        fields: row.fields,
        authorName: row.author_name,
        createdAt: new Date(row.created_at),
      }));
    },
  };
}
