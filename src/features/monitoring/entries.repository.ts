/**
 * Entries read from the watched sources: kept once (the same GUID, or the same address, is the
 * same entry however often a source repeats or renumbers it), listed in the editors' queue, and
 * decided there.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { FeedEntryRead } from './feed-reading.js';
import type { SourceRow } from './sources.repository.js';

export const ENTRY_STATUSES = ['new', 'published', 'trend', 'dismissed'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** Entries dated further back are history, not news: a new source does not flood the queue. */
export const OLDEST_ENTRY_DAYS = 60;
export const QUEUE_PAGE_SIZE = 25;

export interface QueueEntry {
  id: string;
  sourceId: string;
  sourceName: string;
  sourceSiteUrl: string;
  title: string;
  url: string;
  summary: string;
  publishedAt: Date | null;
  locale: string;
  suggestedThemes: string[];
  status: EntryStatus;
  createdAt: Date;
}

type EntryRow = {
  id: string;
  source_id: string;
  source_name: string;
  site_url: string;
  title: string;
  url: string;
  summary: string;
  published_at: Date | null;
  locale: string;
  suggested_themes: string[];
  status: EntryStatus;
  created_at: Date;
};

const present = (row: EntryRow): QueueEntry => ({
  id: row.id,
  sourceId: row.source_id,
  sourceName: row.source_name,
  sourceSiteUrl: row.site_url,
  title: row.title,
  url: row.url,
  summary: row.summary,
  publishedAt: row.published_at ? new Date(row.published_at) : null,
  locale: row.locale,
  suggestedThemes: row.suggested_themes,
  status: row.status,
  createdAt: new Date(row.created_at),
});

const SELECT = sql`
  SELECT e.id, e.source_id, s.name AS source_name, s.site_url, e.title, e.url, e.summary,
         e.published_at, e.locale, e.suggested_themes, e.status, e.created_at
    FROM watch_entries e JOIN watch_sources s ON s.id = e.source_id`;

export function createEntriesRepository(db: Db) {
  return {
    /**
     * Keeps the entries not seen before from this source; returns how many were new. An entry
     * is seen when its key or its address is already there.
     */
    async keepNew(
      source: SourceRow,
      entries: readonly FeedEntryRead[],
      themesOf: (entry: FeedEntryRead) => string[],
      now: Date,
    ): Promise<number> {
      const oldest = now.getTime() - OLDEST_ENTRY_DAYS * 86_400_000;
      let added = 0;
      for (const entry of entries) {
        if (entry.publishedAt && entry.publishedAt.getTime() < oldest) continue;
        const inserted = await db.execute(sql`
          INSERT INTO watch_entries (source_id, dedupe_key, url_key, title, url, summary,
                                     published_at, locale, suggested_themes)
          SELECT ${source.id}, ${entry.dedupeKey}, ${entry.urlKey}, ${entry.title}, ${entry.url},
                 ${entry.summary}, ${entry.publishedAt}, ${entry.locale || source.locale},
                 ${sql.param(themesOf(entry))}::text[]
           WHERE ${entry.urlKey}::text IS NULL OR NOT EXISTS (
                 SELECT 1 FROM watch_entries seen
                  WHERE seen.source_id = ${source.id} AND seen.url_key = ${entry.urlKey})
          ON CONFLICT (source_id, dedupe_key) DO NOTHING
          RETURNING id`);
        added += inserted.rows.length;
      }
      return added;
    },

    /** One page of the queue: entries waiting for an editor, newest first; muted sources' left out. */
    async queue(
      filter: { source?: string; theme?: string; status: EntryStatus },
      page: number,
    ): Promise<{ rows: QueueEntry[]; total: number }> {
      const conditions = [sql`e.status = ${filter.status}`];
      if (filter.status === 'new') conditions.push(sql`s.muted_at IS NULL`);
      if (filter.source) conditions.push(sql`e.source_id = ${filter.source}`);
      if (filter.theme) conditions.push(sql`e.suggested_themes @> ARRAY[${filter.theme}]::text[]`);
      const where = sql.join(conditions, sql` AND `);
      const counted = await db.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n
          FROM watch_entries e JOIN watch_sources s ON s.id = e.source_id WHERE ${where}`);
      const rows = await db.execute<EntryRow>(sql`
        ${SELECT} WHERE ${where}
         ORDER BY coalesce(e.published_at, e.created_at) DESC, e.id
         LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${(Math.max(1, page) - 1) * QUEUE_PAGE_SIZE}`);
      return { rows: rows.rows.map(present), total: counted.rows[0]?.n ?? 0 };
    },

    async find(id: string): Promise<QueueEntry | null> {
      const rows = await db.execute<EntryRow>(sql`${SELECT} WHERE e.id = ${id}`);
      const row = rows.rows[0];
      return row ? present(row) : null;
    },

    /** Records an editor's decision on a waiting entry; false when someone decided first. */
    async decide(
      id: string,
      decision: { status: Exclude<EntryStatus, 'new'>; by: string; itemId?: string },
      now: Date,
    ): Promise<boolean> {
      const updated = await db.execute(sql`
        UPDATE watch_entries
           SET status = ${decision.status}, decided_by = ${decision.by}, decided_at = ${now},
               item_id = ${decision.itemId ?? null}
         WHERE id = ${id} AND status = 'new'
        RETURNING id`);
      return updated.rows.length > 0;
    },

    /** Puts a claimed entry back in the queue (what it was to become could not be made). */
    async reopen(id: string): Promise<void> {
      await db.execute(sql`
        UPDATE watch_entries SET status = 'new', decided_by = NULL, decided_at = NULL
         WHERE id = ${id}`);
    },

    async linkItem(id: string, itemId: string): Promise<void> {
      await db.execute(sql`UPDATE watch_entries SET item_id = ${itemId} WHERE id = ${id}`);
    },

    /** Waiting entries, by source: what the sources page shows beside each. */
    async waitingBySource(): Promise<Map<string, number>> {
      const rows = await db.execute<{ source_id: string; n: number }>(sql`
        SELECT source_id, count(*)::int AS n FROM watch_entries
         WHERE status = 'new' GROUP BY source_id`);
      return new Map(rows.rows.map((row) => [row.source_id, row.n]));
    },
  };
}

export type EntriesRepository = ReturnType<typeof createEntriesRepository>;
