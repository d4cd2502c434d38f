/**
 * A person's own events: the list on their account, and their private calendar feed, read as
 * them (their layer, their language) with the online link and room details of their places.
 */
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import type { AccessRepository, SignedInViewer } from '../access/index.js';
import { asPerson } from './events.service.js';
import type { EventsRepository, EventView } from './events.repository.js';
import { calendarOf } from './ics.js';
import type { MyEventsRepository } from './my-events.repository.js';
import type { RegistrationsRepository } from './registrations.repository.js';

export function createMyEventsService(deps: {
  mine: MyEventsRepository;
  events: EventsRepository;
  registrations: RegistrationsRepository;
  accessRepository: AccessRepository;
  catalogue: Catalogue;
  publicUrl: string;
}) {
  const { mine } = deps;
  return {
    /** The person's registrations and whether their feed is on. */
    async page(viewer: SignedInViewer, locale: string) {
      return {
        events: await mine.mine(viewer.id, locale),
        hasFeed: await mine.hasFeed(viewer.id),
      };
    },

    /** A new feed address (absolute), replacing any earlier one. */
    async newFeed(viewer: SignedInViewer, locale: string): Promise<string> {
      const token = await mine.newFeed(viewer.id);
      return `${deps.publicUrl}/${locale}/events/feed/${token}/calendar.ics`;
    },

    revokeFeed: (viewer: SignedInViewer) => mine.revokeFeed(viewer.id),

    /** What the events feature keeps about the person, for "download my data". */
    personalData: (userId: string) => mine.personalData(userId),

    /** The calendar this token opens, or null when it opens none (never was, or turned off). */
    async feed(token: string): Promise<string | null> {
      const userId = await mine.feedOwner(token);
      if (!userId) return null;
      const found = await asPerson(deps, userId);
      if (!found) return null;
      const { locale, viewer } = found;
      const shown: EventView[] = [];
      const details = new Map<string, { onlineUrl: string | null; roomDetails: string }>();
      for (const slug of await mine.feedSlugs(userId)) {
        const event = await deps.events.find(viewer, slug, locale);
        if (event === null || event === 'members-only') continue;
        shown.push(event);
        const own = await deps.registrations.own(event.id, userId);
        if (own?.status === 'confirmed')
          details.set(event.id, { onlineUrl: own.onlineUrl, roomDetails: own.roomDetails });
      }
      return calendarOf(
        shown.map((event) => ({
          ...event,
          url: `${deps.publicUrl}/${locale}/events/${event.slug}`,
        })),
        {
          name: deps.catalogue.translator(locale).t('events.mine.calendarName'),
          host: new URL(deps.publicUrl).host,
          privateDetails: details,
        },
      );
    },
  };
}

export type MyEventsService = ReturnType<typeof createMyEventsService>;
