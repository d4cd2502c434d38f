/**
 * A person's own events: the list on their account, and their private calendar feed, read as
 * them (their layer, their language) with the online link and room details of their places.
 */
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import type { AccessRepository, SignedInViewer } from '../access/index.js';
import { asPerson } from './events.service.js';
import type { EventsRepository, EventView } from './events.repository.js';
import { calendarOf } from './ics.js';
import { isTimeZone } from './local-time.js';
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

  /** The time zone the person reads times in besides an event's own; null when none. */
  async function ownZone(viewer: SignedInViewer | null): Promise<string | null> {
    if (!viewer) return null;
    const zone = (await deps.accessRepository.findUser(viewer.id))?.timeZone ?? null;
    return zone && isTimeZone(zone) ? zone : null;
  }

  return {
    /** The person's registrations, whether their feed is on, and their own time zone. */
    async page(viewer: SignedInViewer, locale: string) {
      return {
        events: await mine.mine(viewer.id, locale),
        hasFeed: await mine.hasFeed(viewer.id),
        timeZone: await ownZone(viewer),
      };
    },

    ownZone,

    /** Sets the person's own time zone ('' for none); false when it is not a known zone. */
    async setZone(viewer: SignedInViewer, zone: unknown): Promise<boolean> {
      const value = typeof zone === 'string' ? zone.trim() : '';
      if (value !== '' && !isTimeZone(value)) return false;
      await deps.accessRepository.setTimeZone(viewer.id, value || null);
      return true;
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
