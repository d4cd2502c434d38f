/**
 * The organisers' event forms, as zod schemas whose messages are catalogue keys. Rules that need
 * the time zone or the stored registrations (a time the clocks skip, an end before the start, a
 * capacity below the places given) are checked by the editing service after these.
 */
import { z } from 'zod';
import { ELIGIBILITIES, EVENT_KINDS, REGISTRATION_MODES } from './events.types.js';
import { isTimeZone } from './local-time.js';
import { QUESTION_SLOTS } from './questions.js';

const tooLong = 'events.errors.tooLong';

const text = (max: number) => z.string().trim().max(max, tooLong).optional().default('');

/** A form value that may come once or several times, as a list. */
const list = (max: number) =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.string().max(100, tooLong)).max(max, tooLong),
  );

const numbers = (max: number, highest: number, message: string) =>
  list(max)
    .transform((values) => values.map(Number))
    .refine(
      (values) =>
        values.every((value) => Number.isInteger(value) && value >= 1 && value <= highest),
      message,
    );

/** A datetime-local value, or empty; its zone is applied later. */
const localTime = (required: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .default('')
    .refine(
      (value) => (value === '' ? !required : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)),
      required ? 'events.errors.timeRequired' : 'events.errors.time',
    );

/** A decimal number in a range, or empty (null). */
const coordinate = (limit: number) =>
  text(30)
    .refine(
      (value) => value === '' || /^-?\d{1,3}(\.\d+)?$/.test(value),
      'events.errors.coordinate',
    )
    .transform((value) => (value === '' ? null : Number(value)))
    .refine((value) => value === null || Math.abs(value) <= limit, 'events.errors.coordinate');

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The event's text in one language. */
export const eventTextSchema = z.object({
  title: z.string().trim().min(1, 'events.errors.titleRequired').max(300, tooLong),
  summary: text(1000),
  description: text(50_000),
  translationStatus: z.enum(['reviewed', 'needs-review']).optional().default('reviewed'),
});

/** The event itself, written in its original language: its text and its facts. */
export function eventFormSchema(themeKeys: ReadonlySet<string>) {
  return eventTextSchema.extend({
    slug: text(80).refine((value) => value === '' || SLUG.test(value), 'events.errors.slug'),
    kind: z.enum(EVENT_KINDS, 'events.errors.kind'),
    access: z.enum(['public', 'members'], 'events.errors.access'),
    timeZone: z.string().trim().refine(isTimeZone, 'events.errors.timeZone'),
    startsAt: localTime(true),
    endsAt: localTime(true),
    place: text(300),
    city: text(120),
    country: text(2).refine(
      (value) => value === '' || /^[A-Z]{2}$/.test(value),
      'events.errors.country',
    ),
    latitude: coordinate(90),
    longitude: coordinate(180),
    onlineUrl: text(1000).refine(
      (value) => value === '' || /^https:\/\/[^\s/$.?#][^\s]*$/i.test(value),
      'events.errors.onlineUrl',
    ),
    roomDetails: text(2000),
    speakers: text(4000).transform((value) =>
      value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
    themes: list(100).refine(
      (values) => values.every((value) => themeKeys.has(value)),
      'events.errors.theme',
    ),
    sdgs: numbers(17, 17, 'events.errors.sdg'),
    rights: numbers(30, 30, 'events.errors.right'),
    countries: list(249).refine(
      (values) => values.every((value) => /^[A-Z]{2}$/.test(value)),
      'events.errors.country',
    ),
    registration: z.enum(REGISTRATION_MODES, 'events.errors.registration'),
    registrationClosesAt: localTime(false),
    capacity: text(7)
      .refine((value) => value === '' || /^[1-9]\d{0,5}$/.test(value), 'events.errors.capacity')
      .transform((value) => (value === '' ? null : Number(value))),
    eligibility: z.enum(ELIGIBILITIES, 'events.errors.eligibility'),
    organisers: list(50).refine(
      (values) => values.every((value) => UUID.test(value)),
      'events.errors.organisers',
    ),
    invitedOrganisations: list(500).refine(
      (values) => values.every((value) => UUID.test(value)),
      'events.errors.invitedOrganisations',
    ),
    cancellationClosesAt: localTime(false),
  });
}

export type EventForm = z.infer<ReturnType<typeof eventFormSchema>>;

/** A move in the event's life: publish, cancel or postpone (with the reason), close, reopen. */
export const eventStatusSchema = z.object({
  status: z.enum(
    ['draft', 'published', 'cancelled', 'postponed', 'closed'],
    'events.errors.status',
  ),
  reason: text(2000),
});

/** The order of the form's fields, for the error summary. */
export const EVENT_FORM_FIELDS = [
  'title',
  'summary',
  'description',
  'slug',
  'kind',
  'access',
  'timeZone',
  'startsAt',
  'endsAt',
  'place',
  'city',
  'country',
  'latitude',
  'longitude',
  'onlineUrl',
  'roomDetails',
  'speakers',
  'registration',
  'capacity',
  'registrationClosesAt',
  'eligibility',
  'invitedOrganisations',
  'cancellationClosesAt',
  'organisers',
  ...QUESTION_SLOTS.flatMap((id) => [`${id}Kind`, `${id}Label`, `${id}Options`]),
  'themes',
  'sdgs',
  'rights',
  'countries',
];
