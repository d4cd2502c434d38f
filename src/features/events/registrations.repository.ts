/**
 * Registrations, each change in one transaction that holds the event's row: two people taking the
 * last place at once are served one after the other, so that a place is never given twice, and a
 * cancellation moves the first person waiting up in the same transaction. The online link and the
 * room details are read here only, for a person with a confirmed place. The message each change
 * owes is queued in its transaction (event-mails.repository.ts).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { queueMail } from './event-mails.repository.js';
import { CONSENTED } from './questions.js';

/** What the event says about registering, read under its lock. */
interface LockedEvent extends Record<string, unknown> {
  id: string;
  status: string;
  registration: string;
  capacity: number | null;
  starts_at: Date;
  registration_closes_at: Date | null;
  cancellation_closes_at: Date | null;
}

export type RegisterOutcome =
  { ok: true; status: 'confirmed' | 'waiting'; already: boolean } | { ok: false; reason: 'closed' };

export type CancelOutcome =
  | { ok: true; movedUp: string | null; was: 'confirmed' | 'waiting' }
  | { ok: false; reason: 'none' | 'too-late' };

/** A person's registration, with the private details when their place is confirmed. */
export interface OwnRegistration {
  status: 'confirmed' | 'waiting';
  /** Their rank on the waiting list (1 is next), when waiting. */
  rank: number | null;
  onlineUrl: string | null;
  roomDetails: string;
}

/** A live registration as the organisers see it. */
export interface Registrant {
  id: string;
  name: string;
  email: string;
  /** The person's interface language, for messages to them. */
  locale: string;
  status: 'confirmed' | 'waiting';
  registeredAt: Date;
  /** Marked by the organisers after the event; null until then. */
  attended: boolean | null;
  /** Answers to the organisers' questions, by question. */
  answers: Record<string, string>;
}

export function createRegistrationsRepository(db: Db, clock: () => Date) {
  const lock = async (tx: Pick<Db, 'execute'>, eventId: string) =>
    (
      await tx.execute<LockedEvent>(sql`
        SELECT id, status, registration, capacity, starts_at, registration_closes_at,
               cancellation_closes_at
          FROM events WHERE id = ${eventId} FOR UPDATE`)
    ).rows[0];

  return {
    /**
     * Registers the person: a confirmed place while there is one, else a place on the waiting
     * list. A second registration of the same person answers their current one.
     */
    async register(
      eventId: string,
      userId: string,
      answers: Record<string, string>,
    ): Promise<RegisterOutcome> {
      return db.transaction(async (tx) => {
        const event = await lock(tx, eventId);
        const now = clock();
        const closesAt = event?.registration_closes_at ?? event?.starts_at;
        if (
          !event ||
          event.status !== 'published' ||
          event.registration !== 'open' ||
          (closesAt && new Date(closesAt) <= now)
        )
          return { ok: false, reason: 'closed' };
        const existing = await tx.execute<{ status: 'confirmed' | 'waiting' }>(sql`
          SELECT status FROM event_registrations
           WHERE event_id = ${eventId} AND user_id = ${userId} AND status <> 'cancelled'`);
        const current = existing.rows[0];
        if (current) return { ok: true, status: current.status, already: true };
        const taken = await tx.execute<{ n: number }>(sql`
          SELECT count(*)::int AS n FROM event_registrations
           WHERE event_id = ${eventId} AND status = 'confirmed'`);
        const full = event.capacity !== null && (taken.rows[0]?.n ?? 0) >= event.capacity;
        const status = full ? 'waiting' : 'confirmed';
        await tx.execute(sql`
          INSERT INTO event_registrations (event_id, user_id, status, answers, confirmed_at)
          VALUES (${eventId}, ${userId}, ${status}, ${JSON.stringify(answers)}::jsonb,
                  ${full ? null : now})`);
        await queueMail(tx, { eventId, userId, kind: status });
        return { ok: true, status, already: false };
      });
    },

    /**
     * Cancels the person's registration while cancelling is allowed; a confirmed place goes to
     * the first person waiting, whose id is returned so that they are told.
     */
    async cancel(eventId: string, userId: string): Promise<CancelOutcome> {
      return db.transaction(async (tx) => {
        const event = await lock(tx, eventId);
        if (!event) return { ok: false, reason: 'none' };
        const until = event.cancellation_closes_at ?? event.starts_at;
        if (new Date(until) <= clock()) return { ok: false, reason: 'too-late' };
        const cancelled = await tx.execute<{ status: 'confirmed' | 'waiting' }>(sql`
          UPDATE event_registrations r SET status = 'cancelled', cancelled_at = ${clock()}
            FROM (SELECT id, status FROM event_registrations
                   WHERE event_id = ${eventId} AND user_id = ${userId} AND status <> 'cancelled') old
           WHERE r.id = old.id
          RETURNING old.status`);
        const was = cancelled.rows[0]?.status;
        if (!was) return { ok: false, reason: 'none' };
        // Their calendar entry goes with their place.
        await queueMail(tx, { eventId, userId, kind: 'withdrawn', hadPlace: was === 'confirmed' });
        if (was !== 'confirmed') return { ok: true, movedUp: null, was };
        const moved = await tx.execute<{ user_id: string }>(sql`
          UPDATE event_registrations SET status = 'confirmed', confirmed_at = ${clock()}
           WHERE id = (SELECT id FROM event_registrations
                        WHERE event_id = ${eventId} AND status = 'waiting'
                        ORDER BY created_at, id LIMIT 1)
          RETURNING user_id::text`);
        const movedUp = moved.rows[0]?.user_id ?? null;
        if (movedUp) await queueMail(tx, { eventId, userId: movedUp, kind: 'movedUp' });
        return { ok: true, movedUp, was };
      });
    },

    /** The person's live registration, and the private details when their place is confirmed. */
    async own(eventId: string, userId: string): Promise<OwnRegistration | null> {
      const result = await db.execute<{
        status: 'confirmed' | 'waiting';
        rank: number | null;
        online_url: string | null;
        room_details: string;
      }>(sql`
        SELECT r.status,
               CASE WHEN r.status = 'waiting' THEN
                 (SELECT count(*)::int FROM event_registrations w
                   WHERE w.event_id = r.event_id AND w.status = 'waiting'
                     AND (w.created_at, w.id) <= (r.created_at, r.id)) END AS rank,
               CASE WHEN r.status = 'confirmed' THEN e.online_url END AS online_url,
               CASE WHEN r.status = 'confirmed' THEN e.room_details ELSE '' END AS room_details
          FROM event_registrations r JOIN events e ON e.id = r.event_id
         WHERE r.event_id = ${eventId} AND r.user_id = ${userId} AND r.status <> 'cancelled'`);
      const row = result.rows[0];
      return row
        ? {
            status: row.status,
            rank: row.rank,
            onlineUrl: row.online_url,
            roomDetails: row.room_details,
          }
        : null;
    },

    /**
     * The names of the people with a place who agreed, in answer to one of these consent
     * questions, to be listed among the participants; for the others with a place to read.
     */
    async listed(eventId: string, consentIds: readonly string[]): Promise<string[]> {
      if (consentIds.length === 0) return [];
      const result = await db.execute<{ name: string }>(sql`
        SELECT u.name FROM event_registrations r JOIN users u ON u.id = r.user_id
         WHERE r.event_id = ${eventId} AND r.status = 'confirmed'
           AND EXISTS (SELECT 1 FROM jsonb_each_text(r.answers) a
                        WHERE a.key = ANY(${sql.param([...consentIds])}::text[])
                          AND a.value = ${CONSENTED})
         ORDER BY u.name`);
      return result.rows.map((row) => row.name);
    },

    /** The live registrants of an event, confirmed first, in order of registration. */
    async registrants(eventId: string): Promise<Registrant[]> {
      const result = await db.execute<{
        id: string;
        name: string;
        email: string;
        locale: string;
        status: 'confirmed' | 'waiting';
        created_at: Date;
        attended: boolean | null;
        answers: Record<string, string>;
      }>(sql`
        SELECT r.id, u.name, u.email, u.locale, r.status, r.created_at, r.attended, r.answers
          FROM event_registrations r JOIN users u ON u.id = r.user_id
         WHERE r.event_id = ${eventId} AND r.status <> 'cancelled'
         ORDER BY r.status, r.created_at, r.id`);
      return result.rows.map((row) => ({
        id: row.id,
        name: row.name,
        email: row.email,
        locale: row.locale,
        status: row.status,
        registeredAt: new Date(row.created_at),
        attended: row.attended,
        answers: row.answers,
      }));
    },

    /** Marks who came among the confirmed registrants: these ids came, the others did not. */
    async markAttendance(eventId: string, attendedIds: readonly string[]): Promise<number> {
      const result = await db.execute<{ came: number }>(sql`
        WITH marked AS (
          UPDATE event_registrations
             SET attended = (id::text = ANY(${sql.param([...attendedIds])}::text[]))
           WHERE event_id = ${eventId} AND status = 'confirmed'
          RETURNING attended)
        SELECT count(*) FILTER (WHERE attended)::int AS came FROM marked`);
      return result.rows[0]?.came ?? 0;
    },
  };
}

export type RegistrationsRepository = ReturnType<typeof createRegistrationsRepository>;
