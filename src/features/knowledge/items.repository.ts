/**
 * Reading Knowledge Centre items as a viewer sees them: only published items whose time has come,
 * only the layers the viewer may read, and restricted fields left out for everyone else. This is
 * the one way pages, feeds and the API read items.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Memo } from '../../platform/cache/memo.js';
import type { Db } from '../../platform/db/database.js';
import {
  canSeeMembersLayer,
  readableLevels,
  type AccessLevel,
  type Viewer,
} from '../access/index.js';
import type { ItemSection, ItemType, TranslationStatus } from './items.types.js';

export const PAGE_SIZE = 20;

/** What lists show of an item. */
export interface ItemSummaryView {
  id: string;
  type: ItemType;
  section: ItemSection;
  slug: string;
  /** The language of the title and summary shown (the viewer's, else the original). */
  locale: string;
  title: string;
  summary: string;
  date: string;
  themes: string[];
}

/** A whole item as one viewer may read it. */
export interface ItemView extends ItemSummaryView {
  access: AccessLevel;
  originalLocale: string;
  publishedAt: Date;
  updatedAt: Date;
  /** Markdown; null when it is for members only and the viewer is not one. */
  body: string | null;
  /** The type's fields, each null when withheld from this viewer. */
  fields: Record<string, string | null>;
  /** Parts withheld from this viewer (they see a teaser for them). */
  withheld: string[];
  attributes: Record<string, string>;
  sdgs: number[];
  sdgTargets: string[];
  rights: number[];
  countries: string[];
  translations: { locale: string; status: TranslationStatus }[];
  related: ItemSummaryView[];
  /** Attached files this viewer may download. */
  files: FileView[];
  /** How many attached files are for members only (the viewer sees how many, not which). */
  withheldFiles: number;
}

/** An attached file as readers see it. */
export interface FileView {
  id: string;
  /** The link text: the editor's title, else the file name. */
  title: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  locale: string;
  access: AccessLevel;
}

/** A file one viewer may download, with where its bytes are. */
export interface ReadableFile extends FileView {
  storageKey: string;
  sha256: string;
  updatedAt: Date;
}

/** Narrowing a list; each part is optional. */
export interface ItemFilter {
  section?: ItemSection;
  type?: ItemType;
  theme?: string;
  sdg?: number;
  right?: number;
  country?: string;
  /** Items that have a translation in this language. */
  language?: string;
  year?: number;
}

export interface ItemPage {
  items: ItemSummaryView[];
  total: number;
  /** Items matching the filter that the viewer may not read (they see how many, not which). */
  withheld: number;
  page: number;
  pages: number;
}

interface SummaryRow extends Record<string, unknown> {
  id: string;
  type: ItemType;
  section: ItemSection;
  slug: string;
  locale: string;
  title: string;
  summary: string;
  date: string;
  themes: string[];
}

/** Published and due: what any reader may ever see of an item's life cycle. */
const visible = (now: Date): SQL =>
  sql`i.status = 'published' AND i.published_at <= ${now.toISOString()}::timestamptz`;

/** The translation to show: the viewer's language, else the original. */
const translationJoin = (locale: string): SQL => sql`
  JOIN LATERAL (
    SELECT t.locale, t.title, t.summary, t.body, t.fields
      FROM item_translations t
     WHERE t.item_id = i.id
     ORDER BY (t.locale = ${locale}) DESC, (t.locale = i.original_locale) DESC
     LIMIT 1
  ) tr ON true`;

function filterConditions(filter: ItemFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.section) conditions.push(sql`i.section = ${filter.section}`);
  if (filter.type) conditions.push(sql`i.type = ${filter.type}`);
  if (filter.theme) conditions.push(sql`i.themes @> ARRAY[${filter.theme}]::text[]`);
  if (filter.sdg) conditions.push(sql`i.sdgs @> ARRAY[${filter.sdg}]::smallint[]`);
  if (filter.right) conditions.push(sql`i.rights @> ARRAY[${filter.right}]::smallint[]`);
  if (filter.country) conditions.push(sql`i.countries @> ARRAY[${filter.country}]::text[]`);
  if (filter.year)
    conditions.push(
      sql`i.date >= make_date(${filter.year}, 1, 1) AND i.date < make_date(${filter.year + 1}, 1, 1)`,
    );
  if (filter.language) conditions.push(sql`i.locales @> ARRAY[${filter.language}]::text[]`);
  return conditions;
}

interface FileRow extends Record<string, unknown> {
  id: string;
  title: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  locale: string;
  access: AccessLevel;
}

const fileColumns = sql`f.id, f.title, f.file_name, f.media_type, f.size_bytes, f.locale, f.access`;

const fileView = (row: FileRow): FileView => ({
  id: row.id,
  title: row.title || row.file_name,
  fileName: row.file_name,
  mediaType: row.media_type,
  sizeBytes: row.size_bytes,
  locale: row.locale,
  access: row.access,
});

const levelsParam = (levels: readonly AccessLevel[]): SQL =>
  sql`${sql.param(levels)}::access_level[]`;

/** How many items a list has for a viewer, and how many more the members layer holds. */
export interface ListCounts {
  total: number;
  withheld: number;
}

export interface ItemsRepositoryOptions {
  /**
   * Lists' counts, kept until content changes (the app empties it with the render cache):
   * counting is the part of a list page that grows with the corpus.
   */
  counts?: Memo<ListCounts>;
}

export function createItemsRepository(
  db: Db,
  clock: () => Date = () => new Date(),
  options: ItemsRepositoryOptions = {},
) {
  async function summaries(ids: readonly string[], locale: string): Promise<ItemSummaryView[]> {
    if (ids.length === 0) return [];
    const result = await db.execute<SummaryRow>(sql`
      SELECT i.id, i.type, i.section, i.slug, tr.locale, tr.title, tr.summary, i.date::text AS date, i.themes
        FROM items i ${translationJoin(locale)}
       WHERE i.id = ANY(${sql.param(ids)}::uuid[])`);
    const byId = new Map(result.rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [{ ...row }] : [];
    });
  }

  return {
    /** Summaries of the items with these slugs that the viewer may read, in the slugs' order. */
    async readableBySlugs(
      viewer: Viewer,
      slugs: readonly string[],
      locale: string,
    ): Promise<ItemSummaryView[]> {
      if (slugs.length === 0) return [];
      const result = await db.execute<{ id: string; slug: string }>(sql`
        SELECT i.id, i.slug FROM items i
         WHERE i.slug = ANY(${sql.param(slugs)}::text[]) AND ${visible(clock())}
           AND i.access = ANY(${levelsParam(readableLevels(viewer))})`);
      const idOf = new Map(result.rows.map((row) => [row.slug, row.id]));
      return summaries(
        slugs.flatMap((slug) => idOf.get(slug) ?? []),
        locale,
      );
    },

    /** One page of a list, newest first. */
    async listItems(
      viewer: Viewer,
      filter: ItemFilter,
      locale: string,
      page = 1,
      pageSize = PAGE_SIZE,
    ): Promise<ItemPage> {
      const now = clock();
      const levels = readableLevels(viewer);
      const where = sql.join([visible(now), ...filterConditions(filter)], sql` AND `);
      const countsKey = JSON.stringify([levels, filter]);
      let counts = options.counts?.get(countsKey);
      if (!counts) {
        const counted = await db.execute<{ total: number; withheld: number }>(sql`
          SELECT count(*) FILTER (WHERE i.access = ANY(${levelsParam(levels)}))::int AS total,
                 count(*) FILTER (WHERE NOT i.access = ANY(${levelsParam(levels)}))::int AS withheld
            FROM items i WHERE ${where}`);
        counts = { total: counted.rows[0]?.total ?? 0, withheld: counted.rows[0]?.withheld ?? 0 };
        options.counts?.set(countsKey, counts);
      }
      const total = counts.total;
      const pages = Math.max(1, Math.ceil(total / pageSize));
      const current = Math.min(Math.max(1, page), pages);
      const ids = await db.execute<{ id: string }>(sql`
        SELECT i.id FROM items i
         WHERE ${where} AND i.access = ANY(${levelsParam(levels)})
         ORDER BY i.date DESC, i.id
         LIMIT ${pageSize} OFFSET ${(current - 1) * pageSize}`);
      return {
        items: await summaries(
          ids.rows.map((row) => row.id),
          locale,
        ),
        total,
        withheld: counts.withheld,
        page: current,
        pages,
      };
    },

    /**
     * Public, published items for the sitemap, oldest first, a slice at a time; with the date of
     * their last change. Never anything of the members layer.
     */
    async publicItems(
      offset: number,
      limit: number,
    ): Promise<{ section: ItemSection; slug: string; updatedAt: Date }[]> {
      const result = await db.execute<{ section: ItemSection; slug: string; updated_at: Date }>(sql`
        SELECT i.section, i.slug, i.updated_at FROM items i
         WHERE ${visible(clock())} AND i.access = 'public'
         ORDER BY i.published_at, i.id LIMIT ${limit} OFFSET ${offset}`);
      return result.rows.map((row) => ({
        section: row.section,
        slug: row.slug,
        updatedAt: new Date(row.updated_at),
      }));
    },

    /** How many public, published items there are. */
    async countPublicItems(): Promise<number> {
      const result = await db.execute<{ count: number }>(sql`
        SELECT count(*)::int AS count FROM items i WHERE ${visible(clock())} AND i.access = 'public'`);
      return result.rows[0]?.count ?? 0;
    },

    /** The oldest and newest years of the items a section lists, for the year filter. */
    async yearRange(section: ItemSection): Promise<{ from: number; to: number } | null> {
      const result = await db.execute<{ from: number | null; to: number | null }>(sql`
        SELECT extract(year FROM min(i.date))::int AS "from", extract(year FROM max(i.date))::int AS "to"
          FROM items i WHERE i.section = ${section} AND ${visible(clock())}`);
      const row = result.rows[0];
      return row?.from && row.to ? { from: row.from, to: row.to } : null;
    },

    /**
     * The item as the viewer may read it; 'members-only' when it exists for the members layer
     * only (the visitor is told so, and nothing of the item); null when there is none.
     */
    async findItem(
      viewer: Viewer,
      slug: string,
      locale: string,
    ): Promise<ItemView | 'members-only' | null> {
      const now = clock();
      const result = await db.execute<
        SummaryRow & {
          access: AccessLevel;
          original_locale: string;
          published_at: Date;
          updated_at: Date;
          body: string;
          fields: Record<string, string>;
          restricted_fields: string[];
          attributes: Record<string, string>;
          sdgs: number[];
          sdg_targets: string[];
          rights: number[];
          countries: string[];
        }
      >(sql`
        SELECT i.id, i.type, i.section, i.slug, i.access, i.original_locale, i.published_at, i.updated_at,
               i.restricted_fields, i.attributes, i.themes, i.sdgs, i.sdg_targets, i.rights, i.countries,
               i.date::text AS date, tr.locale, tr.title, tr.summary, tr.body, tr.fields
          FROM items i ${translationJoin(locale)}
         WHERE i.slug = ${slug} AND ${visible(now)}`);
      const row = result.rows[0];
      if (!row) return null;
      if (!readableLevels(viewer).includes(row.access)) return 'members-only';
      const member = canSeeMembersLayer(viewer);
      const withheld = member ? [] : row.restricted_fields;
      const fields: Record<string, string | null> = {};
      for (const [key, value] of Object.entries(row.fields))
        fields[key] = withheld.includes(key) ? null : value;
      const [translations, relatedIds, files] = await Promise.all([
        db.execute<{ locale: string; status: TranslationStatus }>(sql`
          SELECT locale, status FROM item_translations WHERE item_id = ${row.id} ORDER BY locale`),
        db.execute<{ id: string }>(sql`
          SELECT i.id FROM item_relations r JOIN items i ON i.id = r.related_id
           WHERE r.item_id = ${row.id} AND ${visible(now)}
             AND i.access = ANY(${levelsParam(readableLevels(viewer))})
           ORDER BY i.date DESC LIMIT 12`),
        db.execute<FileRow>(sql`
          SELECT ${fileColumns} FROM item_files f WHERE f.item_id = ${row.id}
           ORDER BY f.created_at, f.id`),
      ]);
      const levels = readableLevels(viewer);
      const readableFiles = files.rows.filter((file) => levels.includes(file.access));
      return {
        id: row.id,
        type: row.type,
        section: row.section,
        slug: row.slug,
        locale: row.locale,
        title: row.title,
        summary: row.summary,
        date: row.date,
        themes: row.themes,
        access: row.access,
        originalLocale: row.original_locale,
        publishedAt: new Date(row.published_at),
        updatedAt: new Date(row.updated_at),
        body: withheld.includes('body') ? null : row.body,
        fields,
        // Only parts that hold something are announced as withheld.
        withheld: withheld.filter((field) =>
          field === 'body' ? row.body.trim() !== '' : (row.fields[field] ?? '').trim() !== '',
        ),
        attributes: row.attributes,
        sdgs: row.sdgs,
        sdgTargets: row.sdg_targets,
        rights: row.rights,
        countries: row.countries,
        translations: translations.rows,
        related: await summaries(
          relatedIds.rows.map((related) => related.id),
          locale,
        ),
        files: readableFiles.map(fileView),
        withheldFiles: files.rows.length - readableFiles.length,
      };
    },

    /**
     * An attached file the viewer may download: its item published, due and in a readable layer,
     * and the file itself in a readable layer. 'members-only' when it exists for members only.
     */
    async findFile(viewer: Viewer, id: string): Promise<ReadableFile | 'members-only' | null> {
      const result = await db.execute<
        FileRow & {
          item_access: AccessLevel;
          storage_key: string;
          sha256: string;
          updated_at: Date;
        }
      >(sql`
        SELECT ${fileColumns}, f.storage_key, f.sha256, f.updated_at, i.access AS item_access
          FROM item_files f JOIN items i ON i.id = f.item_id
         WHERE f.id = ${id} AND ${visible(clock())}`);
      const row = result.rows[0];
      if (!row) return null;
      const levels = readableLevels(viewer);
      if (!levels.includes(row.item_access) || !levels.includes(row.access)) return 'members-only';
      return {
        ...fileView(row),
        storageKey: row.storage_key,
        sha256: row.sha256,
        updatedAt: new Date(row.updated_at),
      };
    },
  };
}

export type ItemsRepository = ReturnType<typeof createItemsRepository>;
