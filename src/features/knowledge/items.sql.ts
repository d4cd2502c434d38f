/** The SQL both item repositories read with: what is visible, which translation, the access levels, summaries. */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { AccessLevel } from '../access/index.js';
import type { ItemSummaryView } from './items.repository.js';

/** A row of an item's summary, as the database returns it. */
export type SummaryRow = ItemSummaryView & Record<string, unknown>;

/** Published and due: what any reader may ever see of an item's life cycle. */
export const visible = (now: Date): SQL =>
  sql`i.status = 'published' AND i.published_at <= ${now.toISOString()}::timestamptz`;

/** The translation to show: the viewer's language, else the original. */
export const translationJoin = (locale: string): SQL => sql`
  JOIN LATERAL (
    SELECT t.locale, t.title, t.summary, t.body, t.fields
      FROM item_translations t
     WHERE t.item_id = i.id
     ORDER BY (t.locale = ${locale}) DESC, (t.locale = i.original_locale) DESC
     LIMIT 1
  ) tr ON true`;

export const levelsParam = (levels: readonly AccessLevel[]): SQL =>
  sql`${sql.param(levels)}::access_level[]`;

/** Summaries of the items with these ids, in the ids' order. */
export async function summariesOf(
  db: Db,
  ids: readonly string[],
  locale: string,
): Promise<ItemSummaryView[]> {
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
