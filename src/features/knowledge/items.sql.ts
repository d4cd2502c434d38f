/** The SQL both item repositories read with: what is visible, which translation, the access levels, summaries. */
import { Placeholder, sql, type SQL } from 'drizzle-orm';
import type { AccessLevel } from '../access/index.js';
import type { ItemSummaryView } from './items.repository.js';

/** A row of an item's summary, as the database returns it. */
export type SummaryRow = ItemSummaryView & Record<string, unknown>;

/** A value written into a statement, or the placeholder that a statement built once fills. */
export type Value<T> = T | Placeholder;

const valueOf = <T>(value: Value<T>, write: (value: T) => unknown): unknown =>
  value instanceof Placeholder ? value : write(value);

/** Published and due: what any reader may ever see of an item's life cycle. */
export const visible = (now: Value<Date>): SQL =>
  sql`i.status = 'published' AND i.published_at <= ${valueOf(now, (date) => date.toISOString())}::timestamptz`;

/** The translation to show: the viewer's language, else the original. */
export const translationJoin = (locale: Value<string>): SQL => sql`
  JOIN LATERAL (
    SELECT t.locale, t.title, t.summary, t.body, t.fields
      FROM item_translations t
     WHERE t.item_id = i.id
     ORDER BY (t.locale = ${locale}) DESC, (t.locale = i.original_locale) DESC
     LIMIT 1
  ) tr ON true`;

export const levelsParam = (levels: Value<readonly AccessLevel[]>): SQL =>
  sql`${valueOf(levels, (list) => sql.param(list))}::access_level[]`;

/** The columns of an item's summary, from `items i` and its translation `tr`. */
export const summaryColumns = sql`i.id, i.type, i.section, i.slug, tr.locale, tr.title, tr.summary, i.date::text AS date, i.themes`;

/**
 * Summaries of the items a query of ids chooses, in its order: `page` selects `i.id` from
 * `items i`, ordered by `order` (on `items i`) and limited; one statement.
 */
export const summariesSql = (page: SQL, order: SQL, locale: Value<string>): SQL => sql`
    WITH page AS MATERIALIZED (${page})
    SELECT ${summaryColumns}
      FROM page JOIN items i ON i.id = page.id ${translationJoin(locale)}
     ORDER BY ${order}`;

/** An item's summary, from a row that may hold other columns too. */
export const summaryOf = (row: ItemSummaryView): ItemSummaryView => ({
  id: row.id,
  type: row.type,
  section: row.section,
  slug: row.slug,
  locale: row.locale,
  title: row.title,
  summary: row.summary,
  date: row.date,
  themes: row.themes,
});
