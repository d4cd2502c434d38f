/**
 * Events as iCalendar (RFC 5545) through ical-generator: times in the event's own zone with its
 * VTIMEZONE (@touch4it/ical-timezones), SEQUENCE bumped by every change of time, place or state,
 * STATUS:CANCELLED for a cancelled event. The online link appears only in a registrant's copy.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { EventSummary } from './events.repository.js';

/** What a calendar entry needs of an event. */
export interface CalendarEvent extends Pick<
  EventSummary,
  'id' | 'slug' | 'title' | 'summary' | 'status' | 'timeZone' | 'startsAt' | 'endsAt'
> {
  place: string;
  city: string;
  sequence: number;
  /** The event's page, absolute. */
  url: string;
}

export interface CalendarOptions {
  /** The calendar's name ("Human Rights Cities Network — events"). */
  name: string;
  /** The site's host, which makes every entry's UID unique in the world. */
  host: string;
  /** REQUEST for a registrant's invitation, CANCEL when it is withdrawn; PUBLISH otherwise. */
  method?: 'publish' | 'request' | 'cancel';
  /** For an invitation (REQUEST, CANCEL): who sends it and whom it is for (RFC 5546). */
  invitation?: {
    organizer: { name: string; email: string };
    attendee: { name: string; email: string };
  };
  /** A registrant's copy: the online link and room details, by event id. */
  privateDetails?: ReadonlyMap<string, { onlineUrl: string | null; roomDetails: string }>;
}

const METHODS = {
  publish: ICalCalendarMethod.PUBLISH,
  request: ICalCalendarMethod.REQUEST,
  cancel: ICalCalendarMethod.CANCEL,
} as const;

/** One calendar holding these events. */
export function calendarOf(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: options.host, product: 'hrcn', language: 'EN' },
    method: METHODS[options.method ?? 'publish'],
  });
  for (const zone of new Set(events.map((event) => event.timeZone)))
    calendar.timezone({ name: zone, generator: getVtimezoneComponent });
  for (const event of events) {
    const details = options.privateDetails?.get(event.id);
    const where = [event.place, event.city].filter(Boolean).join(', ');
    const description = [
      event.summary,
      details?.onlineUrl ?? '',
      details?.roomDetails ?? '',
      event.url,
    ].filter(Boolean);
    calendar.createEvent({
      id: `${event.id}@${options.host}`,
      sequence: event.sequence,
      start: DateTime.fromJSDate(event.startsAt).setZone(event.timeZone),
      end: DateTime.fromJSDate(event.endsAt).setZone(event.timeZone),
      timezone: event.timeZone,
      summary: event.title,
      description: description.join('\n\n'),
      location: where || details?.onlineUrl || null,
      url: event.url,
      ...(options.invitation
        ? {
            organizer: options.invitation.organizer,
            attendees: [
              {
                ...options.invitation.attendee,
                rsvp: false,
                status: ICalAttendeeStatus.ACCEPTED,
              },
            ],
          }
        : {}),
      status:
        event.status === 'cancelled' || options.method === 'cancel'
          ? ICalEventStatus.CANCELLED
          : event.status === 'postponed'
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
