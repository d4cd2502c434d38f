/** Reading one Knowledge Centre item as a viewer sees it: its text, relations and files, restricted fields left out. */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { statement } from '../../platform/db/statement.js';
import {
  ANONYMOUS,
  canSeeMembersLayer,
  readableLevels,
  type AccessLevel,
  type Role,
  type Viewer,
} from '../access/index.js';
import type { TranslationStatus } from './items.types.js';
import type { ItemSummaryView } from './items.repository.js';
import type { PracticeTransfer } from './pages/item.page.js';
import {
  levelsParam,
  summaryColumns,
  translationJoin,
  visible,
  type SummaryRow,
} from './items.sql.js';

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

/** A discussion space tied to an item, as its page links it. */
export interface ItemDiscussion {
  slug: string;
  name: string;
}

/**
 * What other features show on an item's page, each as an SQL expression giving JSON, read in the
 * item's own statement (one round trip for the page): the discussions the viewer may read (an
 * array of ItemDiscussion) of the item at a site path, and a good practice's transfers (an array
 * of PracticeTransfer). The statement is built once per role (statement.ts): the viewer given is
 * one of the reader's role whose id is to be written as `viewerId`, never as a value.
 */
export interface ItemAsidesSql {
  discussions(viewer: Viewer, itemPath: SQL, viewerId: SQL): SQL;
  transfers(practiceSlug: SQL): SQL;
}

/** Who reads, as far as the text of a statement depends on it: a visitor, or a role. */
type Reader = 'anonymous' | Role;

const readerOf = (viewer: Viewer): Reader => (viewer.kind === 'user' ? viewer.role : 'anonymous');

/** A viewer of the reader's kind for building a statement: its id is the placeholder's to write. */
const viewerLike = (reader: Reader): Viewer =>
  reader === 'anonymous' ? ANONYMOUS : { kind: 'user', id: '', role: reader };

/** An item with what its page shows from other features. */
export interface ItemPageView extends ItemView {
  discussions: ItemDiscussion[];
  transfers: PracticeTransfer[];
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

/** An item's row as its one statement gives it. */
type ItemRow = SummaryRow & {
  access: AccessLevel;
  original_locale: string;
  /** ISO texts, as the statement's JSON gives them. */
  published_at: string;
  updated_at: string;
  body: string;
  fields: Record<string, string>;
  restricted_fields: string[];
  attributes: Record<string, string>;
  sdgs: number[];
  sdg_targets: string[];
  rights: number[];
  countries: string[];
  translations: { locale: string; status: TranslationStatus }[];
  files: FileRow[];
  related: SummaryRow[];
  discussions?: ItemDiscussion[];
  transfers?: PracticeTransfer[];
};

const now = sql.placeholder('now');

/**
 * An item, its translations, its files and the related items the viewer may read, and `asides`
 * (columns from other features), in one statement: every query is a round trip to PostgreSQL, the
 * larger part of a page's cost. Its values are the placeholders `slug`, `now`, `locale`, `levels`.
 *
 * The row comes as one JSON value (column `item`), which the driver reads with one `JSON.parse`,
 * instead of thirty columns each read by its type's parser (arrays, JSON, timestamps): 40–60 µs
 * less of the app's CPU per item page (decision 0025); so its timestamps come as ISO texts.
 */
const itemSql = (asides: SQL): SQL => sql`
  SELECT row_to_json(item) AS item FROM (
  WITH it AS (
    SELECT i.id, i.type, i.section, i.slug, i.access, i.original_locale, i.published_at,
           i.updated_at, i.restricted_fields, i.attributes, i.themes, i.sdgs, i.sdg_targets,
           i.rights, i.countries, i.date::text AS date, tr.locale, tr.title, tr.summary,
           tr.body, tr.fields
      FROM items i ${translationJoin(sql.placeholder('locale'))}
     WHERE i.slug = ${sql.placeholder('slug')} AND ${visible(now)}
  )
  SELECT it.*,
         (SELECT coalesce(json_agg(json_build_object('locale', t.locale, 'status', t.status)
                                   ORDER BY t.locale), '[]')
            FROM item_translations t WHERE t.item_id = it.id) AS translations,
         (SELECT coalesce(json_agg(json_build_object(
                   'id', f.id, 'title', f.title, 'file_name', f.file_name,
                   'media_type', f.media_type, 'size_bytes', f.size_bytes,
                   'locale', f.locale, 'access', f.access) ORDER BY f.created_at, f.id), '[]')
            FROM item_files f WHERE f.item_id = it.id) AS files,
         (SELECT coalesce(json_agg(s ORDER BY s.date DESC, s.id), '[]')
            FROM (SELECT ${summaryColumns}
                    FROM item_relations r JOIN items i ON i.id = r.related_id
                         ${translationJoin(sql.placeholder('locale'))}
                   WHERE r.item_id = it.id AND ${visible(now)}
                     AND i.access = ANY(${levelsParam(sql.placeholder('levels'))})
                   ORDER BY i.date DESC, i.id LIMIT 12) s) AS related
         ${asides}
    FROM it) item`;

/** The reads of one item and of its files. */
export function createItemRepository(db: Db, clock: () => Date, asides?: ItemAsidesSql) {
  /** The asides' columns: none, or the discussions and (for a practice) the transfers. */
  const asideColumns = (reader: Reader): SQL =>
    asides
      ? sql`, ${asides.discussions(
          viewerLike(reader),
          sql`'/knowledge/' || it.section || '/' || it.slug`,
          sql`${sql.placeholder('viewer_id')}`,
        )} AS discussions,
               CASE WHEN it.type = 'practice' THEN ${asides.transfers(sql`it.slug`)}
                    ELSE '[]' END AS transfers`
      : sql``;
  const itemStatement = statement<{ reader: Reader | null }, { item: ItemRow }>(({ reader }) =>
    itemSql(reader ? asideColumns(reader) : sql``),
  );
  const read = async (
    viewer: Viewer,
    slug: string,
    locale: string,
    withAsides: boolean,
  ): Promise<ItemPageView | 'members-only' | null> => {
    const levels = readableLevels(viewer);
    const rows = await itemStatement(
      db,
      { reader: withAsides ? readerOf(viewer) : null },
      {
        slug,
        locale,
        levels,
        now: clock().toISOString(),
        viewer_id: viewer.kind === 'user' ? viewer.id : null,
      },
    );
    const row = rows[0]?.item;
    if (!row) return null;
    if (!levels.includes(row.access)) return 'members-only';
    const member = canSeeMembersLayer(viewer);
    const withheld = member ? [] : row.restricted_fields;
    const fields: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(row.fields))
      fields[key] = withheld.includes(key) ? null : value;
    const readableFiles = row.files.filter((file) => levels.includes(file.access));
    // Every field written out: spreading the summary's fields in made this object one V8 reads
    // slowly, 50 µs more per item page (decision 0025).
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
      translations: row.translations,
      related: row.related.map((related) => ({ ...related })),
      files: readableFiles.map(fileView),
      withheldFiles: row.files.length - readableFiles.length,
      discussions: row.discussions ?? [],
      transfers: row.transfers ?? [],
    };
  };
  return {
    /**
     * The item as the viewer may read it; 'members-only' when it exists for the members layer
     * only (the visitor is told so, and nothing of the item); null when there is none.
     */
    findItem: (
      viewer: Viewer,
      slug: string,
      locale: string,
    ): Promise<ItemView | 'members-only' | null> => read(viewer, slug, locale, false),

    /** The same, with what its page shows from other features (ItemAsidesSql), in one statement. */
    findItemPage: (
      viewer: Viewer,
      slug: string,
      locale: string,
    ): Promise<ItemPageView | 'members-only' | null> => read(viewer, slug, locale, true),

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
