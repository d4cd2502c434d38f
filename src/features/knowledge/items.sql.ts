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

/** The columns of an item's summary, from `items i` and its translation `tr`. */
export const summaryColumns = sql`i.id, i.type, i.section, i.slug, tr.locale, tr.title, tr.summary, i.date::text AS date, i.themes`;

/**
 * Summaries of the items a query of ids chooses, in its order, in one statement: `page` selects
 * `i.id` from `items i`, ordered by `order` (on `items i`) and limited.
 */
export async function summariesFrom(
  db: Db,
  page: SQL,
  order: SQL,
  locale: string,
): Promise<ItemSummaryView[]> {
  const result = await db.execute<SummaryRow>(sql`
    WITH page AS MATERIALIZED (${page})
    SELECT ${summaryColumns}
      FROM page JOIN items i ON i.id = page.id ${translationJoin(locale)}
     ORDER BY ${order}`);
  return result.rows.map((row) => ({ ...row }));
}
