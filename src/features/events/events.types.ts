/** The words of events: their kinds, states, and what registration allows. */

export const EVENT_KINDS = [
  'workshop',
  'exchange',
  'dialogue',
  'webinar',
  'conference',
  'study-visit',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** draft → published → closed (with its outcomes); published ↔ postponed; any → cancelled. */
export const EVENT_STATUSES = ['draft', 'published', 'cancelled', 'postponed', 'closed'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** The states in which an event is shown to readers. */
export const SHOWN_STATUSES: readonly EventStatus[] = [
  'published',
  'cancelled',
  'postponed',
  'closed',
];

export const REGISTRATION_MODES = ['none', 'open'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

/**
 * Who may register: anyone with a confirmed address, network members, or the people of the
 * organisations the organisers invited.
 */
export const ELIGIBILITIES = ['anyone', 'members', 'invited'] as const;
export type Eligibility = (typeof ELIGIBILITIES)[number];

export const REGISTRATION_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const isEventKind = (value: unknown): value is EventKind =>
  (EVENT_KINDS as readonly unknown[]).includes(value);

/** The moves an organiser may make from each state. Cancelling and postponing need a reason. */
export const EVENT_TRANSITIONS: Readonly<Record<EventStatus, readonly EventStatus[]>> = {
  draft: ['published'],
  published: ['postponed', 'cancelled', 'closed', 'draft'],
  postponed: ['published', 'cancelled'],
  cancelled: [],
  closed: ['published'],
};

/** States whose move is told to registrants, with the reason. */
export const TOLD_STATUSES: readonly EventStatus[] = ['cancelled', 'postponed'];
