/**
 * An event's page as link previews and search engines read it: Open Graph, and schema.org Event
 * data (attendance mode, status, place) for a public event. The online link is never in it: the
 * attendance mode says the event is online, not where.
 */
import type { EntryMetadata, MetadataReader } from '../../ui/components/metadata.js';
import type { EventView } from './events.repository.js';

const STATUS = {
  published: 'https://schema.org/EventScheduled',
  closed: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
  draft: 'https://schema.org/EventScheduled',
} as const;

function attendanceMode(event: EventView): string {
  const inPerson = event.place !== '' || event.city !== '';
  if (event.online && inPerson) return 'https://schema.org/MixedEventAttendanceMode';
  return event.online
    ? 'https://schema.org/OnlineEventAttendanceMode'
    : 'https://schema.org/OfflineEventAttendanceMode';
}

export function eventMetadata(event: EventView, reader: MetadataReader): EntryMetadata {
  const url = `${reader.publicUrl}/${reader.locale}/events/${event.slug}`;
  const inPerson = event.place !== '' || event.city !== '';
  const location = [
    ...(inPerson
      ? [
          {
            '@type': 'Place',
            name: event.place || event.city,
            address: {
              '@type': 'PostalAddress',
              addressLocality: event.city || undefined,
              addressCountry: event.country ?? undefined,
            },
            ...(event.latitude !== null && event.longitude !== null
              ? {
                  geo: {
                    '@type': 'GeoCoordinates',
                    latitude: event.latitude,
                    longitude: event.longitude,
                  },
                }
              : {}),
          },
        ]
      : []),
    // Online, the page itself is where readers learn how to join.
    ...(event.online ? [{ '@type': 'VirtualLocation', url }] : []),
  ];
  return {
    openGraph: {
      type: 'website',
      title: event.title,
      description: event.summary || null,
      url,
      locale: event.locale,
    },
    jsonLd:
      event.access === 'public'
        ? {
            '@context': 'https://schema.org',
            '@type': 'Event',
            name: event.title,
            description: event.summary || undefined,
            inLanguage: event.locale,
            url,
            // Only the year of some past gatherings is known: ISO 8601 allows the year alone.
            startDate:
              event.datePrecision === 'year'
                ? String(event.startsAt.getUTCFullYear())
                : event.startsAt.toISOString(),
            endDate:
              event.datePrecision === 'year'
                ? String(event.endsAt.getUTCFullYear())
                : event.endsAt.toISOString(),
            eventStatus: STATUS[event.status],
            eventAttendanceMode: attendanceMode(event),
            location: location.length === 1 ? location[0] : location,
            organizer:
              event.organisers.length > 0
                ? event.organisers.map((organisation) => ({
                    '@type': 'Organization',
                    name: organisation.name,
                    url: `${reader.publicUrl}/${reader.locale}/network/${organisation.slug}`,
                  }))
                : {
                    '@type': 'Organization',
                    name: reader.text('common.site.name'),
                    url: reader.publicUrl,
                  },
          }
        : null,
  };
}
