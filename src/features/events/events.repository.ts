/**
 * The readers' reads of events, each through the viewer's layers: a members-only event exists for
 * a visitor only as "members only". No read here selects the online link or the room details:
 * those reach confirmed registrants through registrations.repository.ts alone.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { readableLevels, type AccessLevel, type Viewer } from '../access/index.js';
import type { Eligibility, EventKind, EventStatus, RegistrationMode } from './events.types.js';
import type { EventQuestion } from './questions.js';

/** An event in a list, in the reader's language when it is translated, else in its original. */
export interface EventSummary {
  id: string;
  slug: string;
  kind: EventKind;
  status: EventStatus;
  statusReason: string;
  access: AccessLevel;
  /** The language of the text below. */
  locale: string;
  title: string;
  summary: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  /** "year" when only the year is known (a past gathering of the records): no calendar entry. */
  datePrecision: 'time' | 'year';
  place: string;
  city: string;
  country: string | null;
  /** Held online (its address itself is for registrants only). */
  online: boolean;
  themes: string[];
  registration: RegistrationMode;
  capacity: number | null;
  /** Confirmed places and people waiting. */
  confirmed: number;
  waiting: number;
  /** Its last change: when it was announced, moved or cancelled. */
  updatedAt: Date;
}

/** One event as its page shows it. */
export interface EventView extends EventSummary {
  description: string;
  originalLocale: string;
  latitude: number | null;
  longitude: number | null;
  speakers: string[];
  sdgs: number[];
  rights: number[];
  countries: string[];
  eligibility: Eligibility;
  /** The organisations whose people may register, when eligibility is "invited". */
  invitedOrganisations: string[];
  /** The network's organisations that organise it (active ones), by name. */
  organisers: { slug: string; name: string }[];
  /** The organisers' questions to registrants. */
  questions: EventQuestion[];
  registrationClosesAt: Date | null;
  cancellationClosesAt: Date | null;
  sequence: number;
  translations: { locale: string; status: string }[];
  /** How many took part, counted when it was closed. */
  attendance: number | null;
  /** The address (without language) of its published outcomes in the Knowledge Centre. */
  outcomesPath: string | null;
}

export interface EventFilter {
  /** Upcoming (not yet ended, soonest first) or past (ended, latest first). */
  when: 'upcoming' | 'past';
  kind?: EventKind;
  theme?: string;
  country?: string;
  /** online: has an online link; in-person: has a place. */
  mode?: 'online' | 'in-person';
  /** "2027-03": starting in that month (in UTC). */
  month?: string;
}

export const EVENTS_PAGE_SIZE = 20;

interface SummaryRow extends Record<string, unknown> {
  id: string;
  slug: string;
  kind: EventKind;
  status: EventStatus;
  status_reason: string;
  access: AccessLevel;
  locale: string;
  title: string;
  summary: string;
  time_zone: string;
  starts_at: Date;
  ends_at: Date;
  date_precision: 'time' | 'year';
  place: string;
  city: string;
  country: string | null;
  online: boolean;
  themes: string[];
  registration: RegistrationMode;
  capacity: number | null;
  confirmed: number;
  waiting: number;
  updated_at: Date;
}

const summaryColumns = sql`
  e.id, e.slug, e.kind, e.status, e.status_reason, e.access, tr.locale, tr.title, tr.summary,
  tr.description, e.time_zone, e.starts_at, e.ends_at, e.date_precision, e.place, e.city, e.country,
  (e.online_url IS NOT NULL) AS online, e.themes, e.registration, e.capacity, e.updated_at,
  (SELECT count(*)::int FROM event_registrations r
    WHERE r.event_id = e.id AND r.status = 'confirmed') AS confirmed,
  (SELECT count(*)::int FROM event_registrations r
    WHERE r.event_id = e.id AND r.status = 'waiting') AS waiting`;

/** The event's text in the reader's language, else in its original. */
const translationJoin = (locale: string): SQL => sql`
  JOIN LATERAL (
    SELECT t.locale, t.title, t.summary, t.description
      FROM event_translations t
     WHERE t.event_id = e.id
     ORDER BY (t.locale = ${locale}) DESC, (t.locale = e.original_locale) DESC
     LIMIT 1
  ) tr ON true`;

/** Shown to readers at all, and in one of the viewer's layers. */
const readable = (viewer: Viewer): SQL => sql`
  e.status <> 'draft' AND e.access = ANY(${sql.param(readableLevels(viewer))}::access_level[])`;

const summary = (row: SummaryRow): EventSummary => ({
  id: row.id,
  slug: row.slug,
  kind: row.kind,
  status: row.status,
  statusReason: row.status_reason,
  access: row.access,
  locale: row.locale,
  title: row.title,
  summary: row.summary,
  timeZone: row.time_zone,
  startsAt: new Date(row.starts_at),
  endsAt: new Date(row.ends_at),
  datePrecision: row.date_precision,
  place: row.place,
  city: row.city,
  country: row.country,
  online: row.online,
  themes: row.themes,
  registration: row.registration,
  capacity: row.capacity,
  confirmed: row.confirmed,
  waiting: row.waiting,
  updatedAt: new Date(row.updated_at),
});

/** The filter's conditions; without `now`, upcoming and past alike (a month's calendar). */
function filterSql(filter: EventFilter, now: Date | null): SQL[] {
  const conditions: SQL[] = [];
  if (now)
    conditions.push(
      filter.when === 'upcoming' ? sql`e.ends_at >= ${now}` : sql`e.ends_at < ${now}`,
    );
  if (filter.kind) conditions.push(sql`e.kind = ${filter.kind}`);
  if (filter.theme) conditions.push(sql`${filter.theme} = ANY(e.themes)`);
  if (filter.country) conditions.push(sql`(e.country = ${filter.country})`);
  if (filter.mode === 'online') conditions.push(sql`e.online_url IS NOT NULL`);
  if (filter.mode === 'in-person') conditions.push(sql`e.place <> ''`);
  if (filter.month) {
    const start = new Date(`${filter.month}-01T00:00:00Z`);
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    conditions.push(sql`e.starts_at >= ${start} AND e.starts_at < ${end}`);
  }
  return conditions;
}

export function createEventsRepository(db: Db, clock: () => Date) {
  /** One page of the events `where` chooses, in the list's order. */
  const readPage = async (
    where: SQL,
    locale: string,
    filter: EventFilter,
    page: number,
    pageSize: number,
  ): Promise<EventSummary[]> => {
    const order = filter.when === 'upcoming' ? sql`e.starts_at ASC` : sql`e.starts_at DESC`;
    const rows = await db.execute<SummaryRow>(sql`
      SELECT ${summaryColumns} FROM events e ${translationJoin(locale)}
       WHERE ${where} ORDER BY ${order}, e.id
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
    return rows.rows.map(summary);
  };

  return {
    /** A page of events the viewer may read, with the total. */
    async list(
      viewer: Viewer,
      locale: string,
      filter: EventFilter,
      page: number,
      pageSize = EVENTS_PAGE_SIZE,
    ): Promise<{ rows: EventSummary[]; total: number }> {
      const where = sql.join([readable(viewer), ...filterSql(filter, clock())], sql` AND `);
      const [rows, count] = await Promise.all([
        readPage(where, locale, filter, page, pageSize),
        db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM events e WHERE ${where}`),
      ]);
      return { rows, total: count.rows[0]?.n ?? 0 };
    },

    /** The first `limit` events of a list, without counting it (feeds, the home page): one statement. */
    async latest(
      viewer: Viewer,
      locale: string,
      filter: EventFilter,
      limit: number,
    ): Promise<EventSummary[]> {
      const where = sql.join([readable(viewer), ...filterSql(filter, clock())], sql` AND `);
      return readPage(where, locale, filter, 1, limit);
    },

    /** The countries of the events the viewer may read, for the list's filter. */
    async countries(viewer: Viewer): Promise<string[]> {
      const rows = await db.execute<{ country: string }>(sql`
        SELECT DISTINCT e.country FROM events e
         WHERE ${readable(viewer)} AND e.country IS NOT NULL ORDER BY e.country`);
      return rows.rows.map((row) => row.country);
    },

    /** Every event the viewer may read that starts in [from, to), soonest first (the calendar). */
    async between(
      viewer: Viewer,
      locale: string,
      from: Date,
      to: Date,
      filter?: Omit<EventFilter, 'when' | 'month'>,
    ): Promise<EventSummary[]> {
      // The window is the caller's: neither upcoming nor past, nor the filter's month.
      const conditions = filter
        ? filterSql({ ...filter, when: 'upcoming', month: undefined }, null)
        : [];
      const rows = await db.execute<SummaryRow>(sql`
        SELECT ${summaryColumns} FROM events e ${translationJoin(locale)}
         WHERE ${readable(viewer)} AND e.starts_at >= ${from} AND e.starts_at < ${to}
               ${sql.join(
                 conditions.map((condition) => sql` AND ${condition}`),
                 sql``,
               )}
         ORDER BY e.starts_at, e.id`);
      return rows.rows.map(summary);
    },

    /**
     * The event as the viewer may read it; 'members-only' when it is in the members layer they
     * cannot read; null when there is none (or it is a draft).
     */
    async find(
      viewer: Viewer,
      slug: string,
      locale: string,
    ): Promise<EventView | 'members-only' | null> {
      const result = await db.execute<
        SummaryRow & {
          description: string;
          original_locale: string;
          latitude: number | null;
          longitude: number | null;
          speakers: string[];
          sdgs: number[];
          rights: number[];
          countries: string[];
          eligibility: Eligibility;
          invited_organisations: string[];
          organisers: { slug: string; name: string }[];
          questions: EventQuestion[];
          registration_closes_at: Date | null;
          cancellation_closes_at: Date | null;
          sequence: number;
          attendance: number | null;
          outcomes_path: string | null;
        }
      >(sql`
        SELECT ${summaryColumns}, e.original_locale, e.latitude, e.longitude, e.speakers, e.sdgs,
               e.rights, e.countries, e.eligibility, e.invited_organisations, e.questions,
               (SELECT coalesce(json_agg(json_build_object('slug', o.slug, 'name', o.name)
                                         ORDER BY o.name), '[]')
                  FROM organisations o
                 WHERE o.id = ANY(e.organisers) AND o.status = 'active') AS organisers,
               e.registration_closes_at,
               e.cancellation_closes_at, e.sequence, e.attendance,
               (SELECT '/knowledge/' || i.section || '/' || i.slug FROM items i
                 WHERE i.id = e.outcomes_item_id AND i.status = 'published') AS outcomes_path
          FROM events e ${translationJoin(locale)}
         WHERE e.slug = ${slug} AND e.status <> 'draft'`);
      const row = result.rows[0];
      if (!row) return null;
      if (!readableLevels(viewer).includes(row.access)) return 'members-only';
      const translations = await db.execute<{ locale: string; status: string }>(sql`
        SELECT locale, status FROM event_translations WHERE event_id = ${row.id} ORDER BY locale`);
      return {
        ...summary(row),
        description: row.description,
        originalLocale: row.original_locale,
        latitude: row.latitude,
        longitude: row.longitude,
        speakers: row.speakers,
        sdgs: row.sdgs,
        rights: row.rights,
        countries: row.countries,
        eligibility: row.eligibility,
        invitedOrganisations: row.invited_organisations,
        organisers: row.organisers,
        questions: row.questions,
        registrationClosesAt: row.registration_closes_at && new Date(row.registration_closes_at),
        cancellationClosesAt: row.cancellation_closes_at && new Date(row.cancellation_closes_at),
        sequence: row.sequence,
        translations: translations.rows,
        attendance: row.attendance,
        outcomesPath: row.outcomes_path,
      };
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
