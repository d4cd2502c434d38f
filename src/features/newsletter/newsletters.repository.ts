/**
 * The SQL of the issues: editors' drafts and their schedule, the figures of each (recipients,
 * sent, bounced, suppressed, unsubscribed since it started: nothing about opening or clicking),
 * and the archive, the one read of sent issues for readers, filtered by the viewer's layers.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { readableLevels, type Viewer } from '../access/index.js';

export type NewsletterStatus = 'draft' | 'scheduled' | 'sending' | 'sent';
export const AUDIENCES = ['everyone', 'members', 'non-members'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const ARCHIVES = ['public', 'members', 'hidden'] as const;
export type Archive = (typeof ARCHIVES)[number];

export interface NewsletterTexts {
  subject: string;
  introduction: string;
}

/** What an editor composes. */
export interface NewsletterDraft {
  texts: Record<string, NewsletterTexts>;
  picks: { kind: string; key: string }[];
  segmentLocales: string[];
  segmentThemes: string[];
  audience: Audience;
  archive: Archive;
}

export interface Newsletter extends NewsletterDraft {
  id: string;
  status: NewsletterStatus;
  defaultLocale: string;
  scheduledAt: Date | null;
  startedAt: Date | null;
  sentAt: Date | null;
  updatedAt: Date;
}

/** What an issue's sending came to, as editors see it. */
export interface Figures {
  recipients: number;
  sent: number;
  bounced: number;
  suppressed: number;
  waiting: number;
  unsubscribed: number;
}

type Row = {
  id: string;
  status: NewsletterStatus;
  default_locale: string;
  texts: Record<string, NewsletterTexts>;
  picks: { kind: string; key: string }[];
  segment_locales: string[];
  segment_themes: string[];
  audience: Audience;
  archive: Archive;
  scheduled_at: string | Date | null;
  started_at: string | Date | null;
  sent_at: string | Date | null;
  updated_at: string | Date;
};

const date = (value: string | Date | null): Date | null => (value ? new Date(value) : null);

const newsletterOf = (row: Row): Newsletter => ({
  id: row.id,
  status: row.status,
  defaultLocale: row.default_locale,
  texts: row.texts,
  picks: row.picks,
  segmentLocales: row.segment_locales,
  segmentThemes: row.segment_themes,
  audience: row.audience,
  archive: row.archive,
  scheduledAt: date(row.scheduled_at),
  startedAt: date(row.started_at),
  sentAt: date(row.sent_at),
  updatedAt: new Date(row.updated_at),
});

const COLUMNS = sql`id, status, default_locale, texts, picks, segment_locales, segment_themes,
  audience, archive, scheduled_at, started_at, sent_at, updated_at`;

const array = (values: readonly string[]) =>
  sql`ARRAY[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

/** The archive levels a viewer may read: public ones, and members' ones for members. */
const archiveFilter = (viewer: Viewer) =>
  sql`status = 'sent' AND archive IN (${sql.join(
    readableLevels(viewer).map((level) => sql`${level}`),
    sql`, `,
  )})`;

export function createNewslettersRepository(db: Db) {
  const many = async (where: ReturnType<typeof sql>, tail = sql``): Promise<Newsletter[]> => {
    const rows = await db.execute<Row>(
      sql`SELECT ${COLUMNS} FROM newsletters WHERE ${where} ${tail}`,
    );
    return rows.rows.map(newsletterOf);
  };

  return {
    async find(id: string): Promise<Newsletter | null> {
      return (await many(sql`id = ${id}`))[0] ?? null;
    },

    /** Every issue, newest first, with its figures. */
    async listWithFigures(): Promise<(Newsletter & { figures: Figures })[]> {
      const letters = await many(
        sql`true`,
        sql`ORDER BY coalesce(sent_at, scheduled_at, updated_at) DESC LIMIT 200`,
      );
      const figures = await this.figures(letters.map((letter) => letter.id));
      return letters.map((letter) => ({
        ...letter,
        figures: figures.get(letter.id) ?? {
          recipients: 0,
          sent: 0,
          bounced: 0,
          suppressed: 0,
          waiting: 0,
          unsubscribed: 0,
        },
      }));
    },

    /** The figures of these issues. */
    async figures(ids: readonly string[]): Promise<Map<string, Figures>> {
      if (ids.length === 0) return new Map();
      const rows = await db.execute<{
        newsletter_id: string;
        recipients: number;
        sent: number;
        bounced: number;
        suppressed: number;
        waiting: number;
        unsubscribed: number;
      }>(sql`
        SELECT r.newsletter_id, count(*)::int AS recipients,
               count(*) FILTER (WHERE r.status = 'sent')::int AS sent,
               count(*) FILTER (WHERE r.status = 'bounced')::int AS bounced,
               count(*) FILTER (WHERE r.status IN ('suppressed', 'failed'))::int AS suppressed,
               count(*) FILTER (WHERE r.status = 'pending')::int AS waiting,
               count(*) FILTER (WHERE s.status = 'unsubscribed'
                                  AND s.unsubscribed_at >= n.started_at)::int AS unsubscribed
          FROM newsletter_recipients r
          JOIN newsletters n ON n.id = r.newsletter_id
          JOIN newsletter_subscribers s ON s.id = r.subscriber_id
         WHERE r.newsletter_id IN (${sql.join(
           ids.map((id) => sql`${id}`),
           sql`, `,
         )})
         GROUP BY r.newsletter_id`);
      return new Map(
        rows.rows.map((row) => [
          row.newsletter_id,
          {
            recipients: row.recipients,
            sent: row.sent,
            bounced: row.bounced,
            suppressed: row.suppressed,
            waiting: row.waiting,
            unsubscribed: row.unsubscribed,
          },
        ]),
      );
    },

    async create(
      draft: NewsletterDraft,
      defaultLocale: string,
      createdBy: string,
      now: Date,
    ): Promise<string> {
      const rows = await db.execute<{ id: string }>(sql`
        INSERT INTO newsletters (default_locale, texts, picks, segment_locales, segment_themes,
                                 audience, archive, created_by, created_at, updated_at)
        VALUES (${defaultLocale}, ${JSON.stringify(draft.texts)}::jsonb,
                ${JSON.stringify(draft.picks)}::jsonb, ${array(draft.segmentLocales)},
                ${array(draft.segmentThemes)}, ${draft.audience}, ${draft.archive},
                ${createdBy}, ${now}, ${now})
        RETURNING id`);
      return rows.rows[0]?.id ?? '';
    },

    /** Changes a draft; false when it is no draft (any more). */
    async update(id: string, draft: NewsletterDraft, now: Date): Promise<boolean> {
      const rows = await db.execute(sql`
        UPDATE newsletters
           SET texts = ${JSON.stringify(draft.texts)}::jsonb,
               picks = ${JSON.stringify(draft.picks)}::jsonb,
               segment_locales = ${array(draft.segmentLocales)},
               segment_themes = ${array(draft.segmentThemes)},
               audience = ${draft.audience}, archive = ${draft.archive}, updated_at = ${now}
         WHERE id = ${id} AND status = 'draft'
        RETURNING id`);
      return rows.rows.length > 0;
    },

    /** Schedules a draft (or moves a schedule not yet started); false otherwise. */
    async schedule(id: string, at: Date, now: Date): Promise<boolean> {
      const rows = await db.execute(sql`
        UPDATE newsletters SET status = 'scheduled', scheduled_at = ${at}, updated_at = ${now}
         WHERE id = ${id} AND status IN ('draft', 'scheduled')
        RETURNING id`);
      return rows.rows.length > 0;
    },

    /** Takes a schedule back before the sending starts; false once it has. */
    async unschedule(id: string, now: Date): Promise<boolean> {
      const rows = await db.execute(sql`
        UPDATE newsletters SET status = 'draft', scheduled_at = NULL, updated_at = ${now}
         WHERE id = ${id} AND status = 'scheduled'
        RETURNING id`);
      return rows.rows.length > 0;
    },

    /** Issues being sent, oldest first. */
    sending: () => many(sql`status = 'sending'`, sql`ORDER BY started_at, id`),

    /** Marks an issue sent once no recipient waits; true when it did. */
    async finish(id: string, now: Date): Promise<boolean> {
      const rows = await db.execute(sql`
        UPDATE newsletters SET status = 'sent', sent_at = ${now}, updated_at = ${now}
         WHERE id = ${id} AND status = 'sending'
           AND NOT EXISTS (SELECT 1 FROM newsletter_recipients
                            WHERE newsletter_id = ${id} AND status = 'pending')
        RETURNING id`);
      return rows.rows.length > 0;
    },

    /** The newest `limit` sent issues the viewer may read, without counting them (the feed). */
    latestArchived: (viewer: Viewer, limit: number) =>
      many(archiveFilter(viewer), sql`ORDER BY sent_at DESC, id LIMIT ${limit}`),

    /** The archive's page of sent issues the viewer may read, newest first. */
    async archived(viewer: Viewer, page: number, size: number) {
      const total = await db.execute<{ count: number }>(
        sql`SELECT count(*)::int AS count FROM newsletters WHERE ${archiveFilter(viewer)}`,
      );
      const rows = await many(
        archiveFilter(viewer),
        sql`ORDER BY sent_at DESC, id LIMIT ${size} OFFSET ${(page - 1) * size}`,
      );
      return { rows, total: total.rows[0]?.count ?? 0 };
    },

    /** One sent issue of the archive; 'members-only' when the viewer may not read it. */
    async findArchived(viewer: Viewer, id: string): Promise<Newsletter | 'members-only' | null> {
      const letter = (await many(sql`id = ${id} AND status = 'sent' AND archive <> 'hidden'`))[0];
      if (!letter) return null;
      return readableLevels(viewer).some((level) => level === letter.archive)
        ? letter
        : 'members-only';
    },
  };
}

export type NewslettersRepository = ReturnType<typeof createNewslettersRepository>;
