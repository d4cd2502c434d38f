/**
 * The organisers' reads and writes of events: drafts included, the online link and the room
 * details included. Only the editing service calls this, for people who may organise events.
 */
import { sql } from 'drizzle-orm';
import { isUniqueViolation, type Db } from '../../platform/db/database.js';
import type { AccessLevel } from '../access/index.js';
import type { Eligibility, EventKind, EventStatus, RegistrationMode } from './events.types.js';
import { queueForRegistrants } from './event-mails.repository.js';
import type { EventQuestion } from './questions.js';

/** The facts of an event, as its organisers set them. */
export interface EventDraft {
  slug: string;
  kind: EventKind;
  access: AccessLevel;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  city: string;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  onlineUrl: string | null;
  roomDetails: string;
  speakers: string[];
  themes: string[];
  sdgs: number[];
  rights: number[];
  countries: string[];
  registration: RegistrationMode;
  registrationClosesAt: Date | null;
  capacity: number | null;
  eligibility: Eligibility;
  /** The organisations that organise it. */
  organisers: string[];
  /** The organisations whose people may register, when eligibility is "invited". */
  invitedOrganisations: string[];
  cancellationClosesAt: Date | null;
  questions: EventQuestion[];
}

/** The event's text in one language. */
export interface EventText {
  locale: string;
  title: string;
  summary: string;
  description: string;
  status: 'original' | 'reviewed' | 'needs-review';
}

/** An event as its organisers edit it, with its text in the language asked for (if any). */
export interface EditableEvent extends EventDraft {
  id: string;
  status: EventStatus;
  statusReason: string;
  originalLocale: string;
  sequence: number;
  confirmed: number;
  waiting: number;
  text: EventText | null;
  translations: { locale: string; title: string; status: string }[];
  /** The Knowledge Centre item that holds its outcomes, once closed. */
  outcomesItemId: string | null;
  updatedAt: Date;
}

/** An event in the organisers' list. */
export interface EditorEventRow {
  id: string;
  slug: string;
  title: string;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  datePrecision: 'time' | 'year';
  confirmed: number;
  waiting: number;
  capacity: number | null;
}

/** What a change did: whether registrants must hear of it (time, place, link or state). */
export interface SavedChange {
  ok: true;
  id: string;
  /** Changed in a way registrants must be told of; the sequence was bumped. */
  moved: boolean;
}

const draftValues = (draft: EventDraft) => sql`
  ${draft.slug}, ${draft.kind}, ${draft.access}, ${draft.timeZone}, ${draft.startsAt},
  ${draft.endsAt}, ${draft.place}, ${draft.city}, ${draft.country}, ${draft.latitude},
  ${draft.longitude}, ${draft.onlineUrl}, ${draft.roomDetails},
  ${sql.param(draft.speakers)}::text[], ${sql.param(draft.themes)}::text[],
  ${sql.param(draft.sdgs)}::smallint[], ${sql.param(draft.rights)}::smallint[],
  ${sql.param(draft.countries)}::text[], ${draft.registration}, ${draft.registrationClosesAt},
  ${draft.capacity}, ${draft.eligibility}, ${sql.param(draft.invitedOrganisations)}::uuid[],
  ${draft.cancellationClosesAt}, ${JSON.stringify(draft.questions)}::jsonb,
  ${sql.param(draft.organisers)}::uuid[]`;

export function createEventEditingRepository(db: Db, clock: () => Date) {
  const saveText = (tx: Pick<Db, 'execute'>, eventId: string, text: EventText) =>
    tx.execute(sql`
      INSERT INTO event_translations (event_id, locale, title, summary, description, status)
      VALUES (${eventId}, ${text.locale}, ${text.title}, ${text.summary}, ${text.description},
              ${text.status})
      ON CONFLICT (event_id, locale) DO UPDATE
        SET title = excluded.title, summary = excluded.summary,
            description = excluded.description, status = excluded.status, updated_at = now()`);

  return {
    /** Every event, drafts first, then the soonest. */
    async list(locale: string): Promise<EditorEventRow[]> {
      const rows = await db.execute<{
        id: string;
        slug: string;
        title: string;
        status: EventStatus;
        starts_at: Date;
        ends_at: Date;
        time_zone: string;
        date_precision: 'time' | 'year';
        capacity: number | null;
        confirmed: number;
        waiting: number;
      }>(sql`
        SELECT e.id, e.slug, tr.title, e.status, e.starts_at, e.ends_at, e.time_zone,
               e.date_precision, e.capacity,
               (SELECT count(*)::int FROM event_registrations r
                 WHERE r.event_id = e.id AND r.status = 'confirmed') AS confirmed,
               (SELECT count(*)::int FROM event_registrations r
                 WHERE r.event_id = e.id AND r.status = 'waiting') AS waiting
          FROM events e
          JOIN LATERAL (SELECT t.title FROM event_translations t WHERE t.event_id = e.id
                         ORDER BY (t.locale = ${locale}) DESC, (t.locale = e.original_locale) DESC
                         LIMIT 1) tr ON true
         ORDER BY (e.status = 'draft') DESC, (e.ends_at < ${clock()}), e.starts_at DESC, e.id
         LIMIT 500`);
      return rows.rows.map((row) => ({
        id: row.id,
        slug: row.slug,
        title: row.title,
        status: row.status,
        startsAt: new Date(row.starts_at),
        endsAt: new Date(row.ends_at),
        timeZone: row.time_zone,
        datePrecision: row.date_precision,
        capacity: row.capacity,
        confirmed: row.confirmed,
        waiting: row.waiting,
      }));
    },

    /**
     * The event with everything its organisers set, and its text in `locale` when written (in its
     * original language when no language is asked for).
     */
    async find(id: string, locale?: string): Promise<EditableEvent | null> {
      const rows = await db.execute<Record<string, unknown>>(sql`
        SELECT e.*,
               (SELECT count(*)::int FROM event_registrations r
                 WHERE r.event_id = e.id AND r.status = 'confirmed') AS confirmed,
               (SELECT count(*)::int FROM event_registrations r
                 WHERE r.event_id = e.id AND r.status = 'waiting') AS waiting
          FROM events e WHERE e.id = ${id}`);
      const row = rows.rows[0];
      if (!row) return null;
      const texts = await db.execute<{
        locale: string;
        title: string;
        summary: string;
        description: string;
        status: EventText['status'];
      }>(sql`
        SELECT locale, title, summary, description, status FROM event_translations
         WHERE event_id = ${id} ORDER BY locale`);
      const date = (value: unknown) => (value ? new Date(value as string) : null);
      return {
        id: row.id as string,
        slug: row.slug as string,
        kind: row.kind as EventKind,
        status: row.status as EventStatus,
        statusReason: row.status_reason as string,
        access: row.access as AccessLevel,
        originalLocale: row.original_locale as string,
        timeZone: row.time_zone as string,
        startsAt: new Date(row.starts_at as string),
        endsAt: new Date(row.ends_at as string),
        place: row.place as string,
        city: row.city as string,
        country: row.country as string | null,
        latitude: row.latitude as number | null,
        longitude: row.longitude as number | null,
        onlineUrl: row.online_url as string | null,
        roomDetails: row.room_details as string,
        speakers: row.speakers as string[],
        themes: row.themes as string[],
        sdgs: row.sdgs as number[],
        rights: row.rights as number[],
        countries: row.countries as string[],
        registration: row.registration as RegistrationMode,
        registrationClosesAt: date(row.registration_closes_at),
        capacity: row.capacity as number | null,
        eligibility: row.eligibility as Eligibility,
        invitedOrganisations: row.invited_organisations as string[],
        organisers: row.organisers as string[],
        cancellationClosesAt: date(row.cancellation_closes_at),
        questions: row.questions as EventQuestion[],
        sequence: row.sequence as number,
        outcomesItemId: (row.outcomes_item_id as string | null) ?? null,
        confirmed: row.confirmed as number,
        waiting: row.waiting as number,
        updatedAt: new Date(row.updated_at as string),
        text: texts.rows.find((text) => text.locale === (locale ?? row.original_locale)) ?? null,
        translations: texts.rows.map(({ locale, title, status }) => ({ locale, title, status })),
      };
    },

    /** A new draft in its original language; null when its address is taken. */
    async create(draft: EventDraft, text: EventText, userId: string): Promise<string | null> {
      try {
        return await db.transaction(async (tx) => {
          const created = await tx.execute<{ id: string }>(sql`
            INSERT INTO events (slug, kind, access, time_zone, starts_at, ends_at, place, city,
                                country, latitude, longitude, online_url, room_details, speakers,
                                themes, sdgs, rights, countries, registration,
                                registration_closes_at, capacity, eligibility,
                                invited_organisations, cancellation_closes_at, questions,
                                organisers, original_locale, created_by)
            VALUES (${draftValues(draft)}, ${text.locale}, ${userId})
            RETURNING id`);
          const id = created.rows[0]?.id;
          if (!id) throw new Error('the event was not created');
          await saveText(tx, id, text);
          return id;
        });
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    /**
     * Saves the event's facts and its original text. A change of time, place or online link
     * bumps its sequence (calendars replace their copy) and is reported, for registrants to hear
     * of it. Null when the address is taken by another event.
     */
    async save(id: string, draft: EventDraft, text: EventText): Promise<SavedChange | null> {
      try {
        return await db.transaction(async (tx) => {
          const old = (
            await tx.execute<{ moved: boolean; retimed: boolean; status: string }>(sql`
              SELECT status, starts_at IS DISTINCT FROM ${draft.startsAt}::timestamptz AS retimed,
                     (starts_at, ends_at, time_zone, place, city, online_url, room_details)
                     IS DISTINCT FROM
                     (${draft.startsAt}::timestamptz, ${draft.endsAt}::timestamptz,
                      ${draft.timeZone}, ${draft.place}, ${draft.city}, ${draft.onlineUrl}::text,
                      ${draft.roomDetails}) AS moved
                FROM events WHERE id = ${id} FOR UPDATE`)
          ).rows[0];
          if (!old) return null;
          // Registrants of a published event are owed word of a new time or place.
          if (old.moved && old.status === 'published') await queueForRegistrants(tx, id, 'changed');
          await tx.execute(sql`
            UPDATE events SET
              (slug, kind, access, time_zone, starts_at, ends_at, place, city, country, latitude,
               longitude, online_url, room_details, speakers, themes, sdgs, rights, countries,
               registration, registration_closes_at, capacity, eligibility,
               invited_organisations, cancellation_closes_at, questions, organisers) =
              (${draftValues(draft)}),
              sequence = sequence + ${old.moved ? 1 : 0}, updated_at = now()
             WHERE id = ${id}`);
          // A new start: the reminders are due again, before the new time.
          if (old.retimed)
            await tx.execute(sql`
              UPDATE event_registrations SET reminded_day_at = NULL, reminded_hour_at = NULL
               WHERE event_id = ${id}`);
          await saveText(tx, id, text);
          return { ok: true as const, id, moved: old.moved };
        });
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    /** Saves the event's text in a language other than its original. */
    async translate(id: string, text: EventText): Promise<void> {
      await saveText(db, id, text);
      await db.execute(sql`UPDATE events SET updated_at = now() WHERE id = ${id}`);
    },

    /**
     * Moves the event to a state, with the reason readers and registrants are given; `told`, the
     * message every registrant is then owed, is queued with it.
     */
    async setStatus(
      id: string,
      status: EventStatus,
      reason: string,
      told: 'cancelled' | 'postponed' | 'changed' | null,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.execute(sql`
          UPDATE events SET status = ${status}, status_reason = ${reason},
                 sequence = sequence + CASE WHEN status <> 'draft' THEN 1 ELSE 0 END,
                 updated_at = now()
           WHERE id = ${id}`);
        if (told) await queueForRegistrants(tx, id, told);
      });
    },

    /** Closes the event with the item that holds its outcomes and how many took part. */
    async close(id: string, itemId: string, attendance: number): Promise<void> {
      await db.execute(sql`
        UPDATE events SET status = 'closed', status_reason = '', outcomes_item_id = ${itemId},
               attendance = ${attendance}, sequence = sequence + 1, updated_at = now()
         WHERE id = ${id}`);
    },
  };
}

export type EventEditingRepository = ReturnType<typeof createEventEditingRepository>;
