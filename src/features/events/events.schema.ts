/**
 * Events of the network: workshops, exchanges of views, inter-city meetings… Each is written in
 * one language with translations (as the Knowledge Centre's items), happens at a time stored in
 * UTC with the time zone it is shown in, and takes registrations with a capacity and a waiting
 * list. The online link and the room details are for confirmed registrants only: no channel
 * reads those two columns.
 */
import type { EventQuestion } from './questions.js';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { smallintArray, textArray, timestamps } from '../../platform/db/columns.js';
import { personRef, users, uuidKey } from '../access/access.schema.js';
import { items } from '../knowledge/items.schema.js';
import { accessLevel } from '../knowledge/knowledge.schema.js';

export const events = pgTable(
  'events',
  {
    id: uuidKey(),
    slug: text('slug').notNull(),
    /** One of EVENT_KINDS: workshop, exchange, dialogue, webinar, conference, study-visit. */
    kind: text('kind').notNull(),
    /** One of EVENT_STATUSES: draft, published, cancelled, postponed, closed. */
    status: text('status').notNull().default('draft'),
    /** Why it was cancelled or postponed, as registrants were told. */
    statusReason: text('status_reason').notNull().default(''),
    access: accessLevel('access').notNull().default('public'),
    /** The language the event was written in; its translation there is the original. */
    originalLocale: text('original_locale').notNull(),
    /** IANA time zone the event's times are shown in ("Europe/Lisbon"). */
    timeZone: text('time_zone').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /**
     * How much of the time is known: "time" (an announced event), or only the "year" of a past
     * gathering the network's records name without a date (shown as the year alone, in no
     * calendar).
     */
    datePrecision: text('date_precision').notNull().default('time'),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** Where it happens (a venue's name and address); empty for an online-only event. */
    place: text('place').notNull().default(''),
    city: text('city').notNull().default(''),
    country: text('country'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** The meeting's address online: for confirmed registrants only. */
    onlineUrl: text('online_url'),
    /** How to find the room, codes at the door…: for confirmed registrants only. */
    roomDetails: text('room_details').notNull().default(''),
    /** People who speak, as the organisers name them. */
    speakers: textArray('speakers'),
    themes: textArray('themes'),
    sdgs: smallintArray('sdgs'),
    rights: smallintArray('rights'),
    countries: textArray('countries'),
    /** One of REGISTRATION_MODES: none, open. */
    registration: text('registration').notNull().default('none'),
    /** Registrations close then (null: when the event starts). */
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
    /** Places; null for no limit. Past it, people join the waiting list. */
    capacity: integer('capacity'),
    /** One of ELIGIBILITIES: anyone (with a confirmed address), members, or invited. */
    eligibility: text('eligibility').notNull().default('anyone'),
    /** The network's organisations that organise it, named on its page. */
    organisers: uuid('organisers')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** The organisations whose people may register when eligibility is "invited". */
    invitedOrganisations: uuid('invited_organisations')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** The organisers' questions to registrants (in the event's original language). */
    questions: jsonb('questions').$type<EventQuestion[]>().notNull().default([]),
    /** Registrants may cancel until then (null: until the event starts). */
    cancellationClosesAt: timestamp('cancellation_closes_at', { withTimezone: true }),
    /** The Knowledge Centre item that holds its outcomes, published when it was closed. */
    outcomesItemId: uuid('outcomes_item_id').references(() => items.id, { onDelete: 'set null' }),
    /** How many people took part, as the organisers counted at closing. */
    attendance: integer('attendance'),
    /** Bumped whenever its time, place or state changes: calendars replace their copy. */
    sequence: integer('sequence').notNull().default(0),
    /** Loaded by the initial content (src/seed), not written here. */
    seeded: boolean('seeded').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('events_slug_key').on(table.slug),
    index('events_list_idx').on(table.status, table.startsAt),
    check('events_ends_after_start', sql`${table.endsAt} >= ${table.startsAt}`),
    check('events_capacity_positive', sql`${table.capacity} IS NULL OR ${table.capacity} > 0`),
    check(
      'events_attendance_counted',
      sql`${table.attendance} IS NULL OR ${table.attendance} >= 0`,
    ),
    check('events_date_precision_known', sql`${table.datePrecision} IN ('time', 'year')`),
    check(
      'events_status_known',
      sql`${table.status} IN ('draft', 'published', 'cancelled', 'postponed', 'closed')`,
    ),
  ],
);

const eventRef = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => events.id, { onDelete: 'cascade' });

/** An event's text in one language. */
export const eventTranslations = pgTable(
  'event_translations',
  {
    eventId: eventRef('event_id'),
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Markdown. */
    description: text('description').notNull().default(''),
    /** original, reviewed or needs-review (as the items' translations). */
    status: text('status').notNull().default('original'),
    ...timestamps(),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.locale] })],
);

/** A person's registration: confirmed, waiting for a place, or cancelled. */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: uuidKey(),
    eventId: eventRef('event_id'),
    userId: personRef('user_id'),
    /** One of REGISTRATION_STATUSES: confirmed, waiting, cancelled. */
    status: text('status').notNull(),
    /** Answers to the organisers' questions, by question. */
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    /** Marked by the organisers after the event; null until then. */
    attended: boolean('attended'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the place was confirmed (at once, or when moved up from the waiting list). */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** When the reminder a day before was sent; null until then (sent once). */
    remindedDayAt: timestamp('reminded_day_at', { withTimezone: true }),
    /** When the reminder an hour before was sent; null until then (sent once). */
    remindedHourAt: timestamp('reminded_hour_at', { withTimezone: true }),
  },
  (table) => [
    check(
      'event_registrations_status_known',
      sql`${table.status} IN ('confirmed', 'waiting', 'cancelled')`,
    ),
    // One live registration per person and event; a cancelled one may be followed by another.
    uniqueIndex('event_registrations_live_key')
      .on(table.eventId, table.userId)
      .where(sql`status <> 'cancelled'`),
    index('event_registrations_event_idx').on(table.eventId, table.status, table.createdAt),
    index('event_registrations_user_idx').on(table.userId),
  ],
);

/**
 * The messages owed to registrants, written in the same transaction as what they tell of (a
 * registration, a cancellation, a place given, a change of the event), so that none is lost when
 * the process stops before sending. Sent at once after the change, else by the job that retries.
 */
export const eventMails = pgTable(
  'event_mails',
  {
    id: uuidKey(),
    eventId: eventRef('event_id'),
    userId: personRef('user_id'),
    /** One of the registrant messages: confirmed, waiting, movedUp, changed, withdrawn… */
    kind: text('kind').notNull(),
    /** The person had a place: their calendar entry is removed with it. */
    hadPlace: boolean('had_place').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When it was handed to the mail server; null while owed. */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    /** Not tried again before then (after a refusal, later each time). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
  },
  (table) => [
    index('event_mails_owed_idx')
      .on(table.nextAttemptAt)
      .where(sql`sent_at IS NULL`),
    index('event_mails_event_idx').on(table.eventId),
  ],
);

/**
 * A person's private calendar feed of the events they registered for: the address holds a secret
 * token, of which only a hash is kept; a new one replaces it, and turning it off deletes it.
 */
export const eventCalendarTokens = pgTable('event_calendar_tokens', {
  userId: personRef('user_id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
