/**
 * Publications for OAI-PMH harvesters: public, published and due only, in the original language,
 * ordered by their last change. Harvesters are anonymous; nothing here reads the members layer.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';

export interface HarvestRecord {
  slug: string;
  section: string;
  updatedAt: Date;
  locale: string;
  title: string;
  summary: string;
  date: string;
  themes: string[];
  attributes: Record<string, string>;
}

export interface HarvestRange {
  from?: Date;
  until?: Date;
}

export function createOaiRepository(db: Db, clock: () => Date = () => new Date()) {
  const visiblePublications = (): SQL =>
    sql`i.type = 'publication' AND i.access = 'public' AND i.status = 'published'
        AND i.published_at <= ${clock().toISOString()}::timestamptz`;
  const inRange = (range: HarvestRange): SQL =>
    sql.join(
      [
        sql`true`,
        range.from ? sql`i.updated_at >= ${range.from.toISOString()}::timestamptz` : sql`true`,
        range.until ? sql`i.updated_at <= ${range.until.toISOString()}::timestamptz` : sql`true`,
      ],
      sql` AND `,
    );

  async function records(where: SQL, offset: number, limit: number): Promise<HarvestRecord[]> {
    const result = await db.execute<Omit<HarvestRecord, 'updatedAt'> & { updated_at: Date }>(sql`
      SELECT i.slug, i.section, i.updated_at, t.locale, t.title, t.summary, i.date::text AS date,
             i.themes, i.attributes
        FROM items i JOIN item_translations t ON t.item_id = i.id AND t.locale = i.original_locale
       WHERE ${visiblePublications()} AND ${where}
       ORDER BY i.updated_at, i.id LIMIT ${limit} OFFSET ${offset}`);
    return result.rows.map((row) => ({
      slug: row.slug,
      section: row.section,
      updatedAt: new Date(row.updated_at),
      locale: row.locale,
      title: row.title,
      summary: row.summary,
      date: row.date,
      themes: row.themes,
      attributes: row.attributes,
    }));
  }

  return {
    /** A slice of the publications changed in the range, and how many there are in all. */
    async harvest(
      range: HarvestRange,
      offset: number,
      limit: number,
    ): Promise<{ records: HarvestRecord[]; total: number }> {
      const [slice, count] = await Promise.all([
        records(inRange(range), offset, limit),
        db.execute<{ total: number }>(sql`
          SELECT count(*)::int AS total FROM items i WHERE ${visiblePublications()} AND ${inRange(range)}`),
      ]);
      return { records: slice, total: count.rows[0]?.total ?? 0 };
    },

    async find(slug: string): Promise<HarvestRecord | null> {
      return (await records(sql`i.slug = ${slug}`, 0, 1))[0] ?? null;
    },

    /** When the oldest publication last changed: the repository's earliest datestamp. */
    async earliest(): Promise<Date | null> {
      const result = await db.execute<{ earliest: Date | null }>(sql`
        SELECT min(i.updated_at) AS earliest FROM items i WHERE ${visiblePublications()}`);
      const earliest = result.rows[0]?.earliest;
      return earliest ? new Date(earliest) : null;
    },
  };
}

export type OaiRepository = ReturnType<typeof createOaiRepository>;
