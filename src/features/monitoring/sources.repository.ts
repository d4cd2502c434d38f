/**
 * The watched sources: editors' list with each source's health, the sources due for a poll, and
 * what a poll found (new validators, the next poll, failures in a row).
 */
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { watchSources } from './monitoring.schema.js';

export interface SourceDraft {
  name: string;
  feedUrl: string;
  siteUrl: string;
  locale: string;
  themes: string[];
  intervalMinutes: number;
}

export type SourceRow = typeof watchSources.$inferSelect;

/** What editors are told of a source. */
export type SourceHealth = 'ok' | 'waiting' | 'failing' | 'silent' | 'muted';

/** Failed polls in a row after which a source is reported as failing. */
export const FAILING_AFTER = 3;
/** A source with nothing new for this long is reported as silent. */
export const SILENT_AFTER_DAYS = 90;
/** The longest wait between polls of a failing source. */
const MAX_BACK_OFF_MINUTES = 7 * 24 * 60;

export function healthOf(source: SourceRow, now: Date): SourceHealth {
  if (source.muted) return 'muted';
  if (source.failures >= FAILING_AFTER) return 'failing';
  if (!source.lastSuccessAt) return 'waiting';
  const newest = source.lastEntryAt ?? source.createdAt;
  if (now.getTime() - newest.getTime() > SILENT_AFTER_DAYS * 86_400_000) return 'silent';
  return 'ok';
}

/** When to try again after `failures` failed polls in a row: the interval, doubled each time. */
export function backOffMinutes(intervalMinutes: number, failures: number): number {
  return Math.min(MAX_BACK_OFF_MINUTES, intervalMinutes * 2 ** Math.min(failures, 10));
}

export function createSourcesRepository(db: Db) {
  return {
    async list(): Promise<SourceRow[]> {
      return db.select().from(watchSources).orderBy(asc(watchSources.name));
    },

    async find(id: string): Promise<SourceRow | null> {
      const [row] = await db.select().from(watchSources).where(eq(watchSources.id, id));
      return row ?? null;
    },

    async feedUrlTaken(feedUrl: string, except: string | null): Promise<boolean> {
      const rows = await db
        .select({ id: watchSources.id })
        .from(watchSources)
        .where(eq(watchSources.feedUrl, feedUrl));
      return rows.some((row) => row.id !== except);
    },

    /** A new source, read at the next run of the job. */
    async create(draft: SourceDraft, now: Date): Promise<string> {
      const [row] = await db
        .insert(watchSources)
        .values({ ...draft, nextPollAt: now })
        .returning({ id: watchSources.id });
      return row?.id ?? '';
    },

    /** Changes a source; a new address starts afresh: read at once, no failures, no validators. */
    async update(id: string, draft: SourceDraft, now: Date): Promise<void> {
      const moved = sql`${watchSources.feedUrl} <> ${draft.feedUrl}`;
      await db
        .update(watchSources)
        .set({
          ...draft,
          updatedAt: now,
          failures: sql`CASE WHEN ${moved} THEN 0 ELSE ${watchSources.failures} END`,
          lastError: sql`CASE WHEN ${moved} THEN NULL ELSE ${watchSources.lastError} END`,
          etag: sql`CASE WHEN ${moved} THEN NULL ELSE ${watchSources.etag} END`,
          lastModified: sql`CASE WHEN ${moved} THEN NULL ELSE ${watchSources.lastModified} END`,
          nextPollAt: sql`CASE WHEN ${moved} THEN ${now}::timestamptz ELSE ${watchSources.nextPollAt} END`,
        })
        .where(eq(watchSources.id, id));
    },

    /** Mutes a source (or hears it again, polled at once). */
    async setMuted(id: string, muted: boolean, now: Date): Promise<void> {
      await db
        .update(watchSources)
        .set(muted ? { muted: now } : { muted: null, nextPollAt: now, failures: 0 })
        .where(eq(watchSources.id, id));
    },

    /** Sources to poll now, the longest waiting first; claimed so that a second run skips them. */
    async claimDue(now: Date, limit: number): Promise<SourceRow[]> {
      return db.transaction(async (tx) => {
        const due = await tx
          .select()
          .from(watchSources)
          .where(and(isNull(watchSources.muted), lte(watchSources.nextPollAt, now)))
          .orderBy(asc(watchSources.nextPollAt))
          .limit(limit)
          .for('update', { skipLocked: true });
        if (due.length > 0)
          // Held for a quarter of an hour: a poll that dies is retried then.
          await tx
            .update(watchSources)
            .set({ nextPollAt: sql`${now}::timestamptz + interval '15 minutes'` })
            .where(
              sql`${watchSources.id} = ANY(${sql.param(due.map((source) => source.id))}::uuid[])`,
            );
        return due;
      });
    },

    async recordSuccess(
      source: SourceRow,
      now: Date,
      found: { etag: string | null; lastModified: string | null; newestEntry: Date | null } | null,
    ): Promise<void> {
      const newest =
        found?.newestEntry && (!source.lastEntryAt || found.newestEntry > source.lastEntryAt)
          ? found.newestEntry
          : source.lastEntryAt;
      await db
        .update(watchSources)
        .set({
          lastPolledAt: now,
          lastSuccessAt: now,
          failures: 0,
          lastError: null,
          nextPollAt: new Date(now.getTime() + source.intervalMinutes * 60_000),
          lastEntryAt: newest,
          ...(found ? { etag: found.etag, lastModified: found.lastModified } : {}),
        })
        .where(eq(watchSources.id, source.id));
    },

    async recordFailure(source: SourceRow, now: Date, error: string): Promise<void> {
      const failures = source.failures + 1;
      await db
        .update(watchSources)
        .set({
          lastPolledAt: now,
          failures,
          lastError: error.slice(0, 500),
          nextPollAt: new Date(
            now.getTime() + backOffMinutes(source.intervalMinutes, failures) * 60_000,
          ),
        })
        .where(eq(watchSources.id, source.id));
    },
  };
}

export type SourcesRepository = ReturnType<typeof createSourcesRepository>;
