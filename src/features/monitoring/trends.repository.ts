/**
 * Trend notes as readers see them: only the layers the viewer may read (a note may be for
 * members only). The one way pages, feeds, the API, search and export read them.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { readableLevels, type AccessLevel, type Viewer } from '../access/index.js';

export interface TrendNote {
  id: string;
  title: string;
  note: string;
  url: string;
  sourceName: string;
  locale: string;
  theme: string;
  countries: string[];
  access: AccessLevel;
  date: Date;
  updatedAt: Date;
}

export interface TrendDraft {
  entryId: string | null;
  title: string;
  note: string;
  url: string;
  sourceName: string;
  locale: string;
  theme: string;
  countries: string[];
  access: AccessLevel;
  date: Date;
  createdBy: string;
}

export interface TrendFilter {
  theme?: string;
  country?: string;
}

type Row = {
  id: string;
  title: string;
  note: string;
  url: string;
  source_name: string;
  locale: string;
  theme: string;
  countries: string[];
  access: AccessLevel;
  date: Date;
  updated_at: Date;
};

const present = (row: Row): TrendNote => ({
  id: row.id,
  title: row.title,
  note: row.note,
  url: row.url,
  sourceName: row.source_name,
  locale: row.locale,
  theme: row.theme,
  countries: row.countries,
  access: row.access,
  date: new Date(row.date),
  updatedAt: new Date(row.updated_at),
});

const COLUMNS = sql`id, title, note, url, source_name, locale, theme, countries, access, date,
  updated_at`;

const readable = (viewer: Viewer) =>
  sql`access = ANY(${sql.param(readableLevels(viewer))}::access_level[])`;

function conditions(viewer: Viewer, filter: TrendFilter) {
  const parts = [readable(viewer)];
  if (filter.theme) parts.push(sql`theme = ${filter.theme}`);
  if (filter.country) parts.push(sql`countries @> ARRAY[${filter.country}]::text[]`);
  return sql.join(parts, sql` AND `);
}

export function createTrendsRepository(db: Db) {
  /** The notes `where` chooses, newest first, `limit` of them from `offset`. */
  const readPage = async (where: SQL, limit: number, offset: number): Promise<TrendNote[]> => {
    const rows = await db.execute<Row>(sql`
      SELECT ${COLUMNS} FROM trend_notes WHERE ${where}
       ORDER BY date DESC, id LIMIT ${limit} OFFSET ${offset}`);
    return rows.rows.map(present);
  };

  return {
    async list(
      viewer: Viewer,
      filter: TrendFilter,
      page: number,
      pageSize: number,
    ): Promise<{ rows: TrendNote[]; total: number; page: number; pages: number }> {
      const where = conditions(viewer, filter);
      const counted = await db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM trend_notes WHERE ${where}`,
      );
      const total = counted.rows[0]?.n ?? 0;
      const pages = Math.max(1, Math.ceil(total / pageSize));
      const current = Math.min(Math.max(1, page), pages);
      const rows = await readPage(where, pageSize, (current - 1) * pageSize);
      return { rows, total, page: current, pages };
    },

    /** The newest `limit` notes, without counting them (the feed, the home page). */
    latest: (viewer: Viewer, limit: number): Promise<TrendNote[]> =>
      readPage(conditions(viewer, {}), limit, 0),

    /** One note, or 'members-only' when it is in the members layer the viewer cannot read. */
    async find(viewer: Viewer, id: string): Promise<TrendNote | 'members-only' | null> {
      const rows = await db.execute<Row>(sql`SELECT ${COLUMNS} FROM trend_notes WHERE id = ${id}`);
      const row = rows.rows[0];
      if (!row) return null;
      return readableLevels(viewer).includes(row.access) ? present(row) : 'members-only';
    },

    /** Every note the viewer reads, for search and the sitemap. */
    async all(viewer: Viewer): Promise<TrendNote[]> {
      const rows = await db.execute<Row>(sql`
        SELECT ${COLUMNS} FROM trend_notes WHERE ${readable(viewer)} ORDER BY date DESC, id`);
      return rows.rows.map(present);
    },

    async create(draft: TrendDraft): Promise<string> {
      const inserted = await db.execute<{ id: string }>(sql`
        INSERT INTO trend_notes (entry_id, title, note, url, source_name, locale, theme,
                                 countries, access, date, created_by)
        VALUES (${draft.entryId}, ${draft.title}, ${draft.note}, ${draft.url},
                ${draft.sourceName}, ${draft.locale}, ${draft.theme},
                ${sql.param(draft.countries)}::text[], ${draft.access}, ${draft.date},
                ${draft.createdBy})
        RETURNING id`);
      return inserted.rows[0]?.id ?? '';
    },
  };
}

export type TrendsRepository = ReturnType<typeof createTrendsRepository>;
