/**
 * Events: workshops, exchanges of views, inter-city meetings, webinars… announced with their time
 * in their own zone, read by each reader in their layer, with registration, a waiting list that
 * moves up by itself, and calendars.
 */
import type { AccessRepository, SignedInViewer, Viewer } from '../access/index.js';
import { defineFeature, type Notify } from '../feature.js';
import { eventKind } from './event.kind.js';
import { createEventEditingRepository } from './editing.repository.js';
import { registerEventEditingRoutes } from './editing.routes.js';
import { createEventEditingService } from './editing.service.js';
import { createEventsRepository } from './events.repository.js';
import { registerOrganisingRoutes } from './organising.routes.js';
import { createOrganisingService } from './organising.service.js';
import { createOutcomesService, type PublishItem } from './outcomes.service.js';
import { registerEventRoutes } from './events.routes.js';
import { createEventsService } from './events.service.js';
import { EVENTS_JOBS, createEventsJobs } from './events.jobs.js';
import { createRegistrationsRepository } from './registrations.repository.js';
import { createEventMailsRepository } from './event-mails.repository.js';
import { createMyEventsRepository } from './my-events.repository.js';
import { registerMyEventsRoutes } from './my-events.routes.js';
import { createMyEventsService } from './my-events.service.js';

export interface EventsNeeds {
  accessRepository: AccessRepository;
  themeKeys(): Promise<readonly string[]>;
  countryCodes: readonly string[];
  /** The network's organisations, which an event may invite. */
  organisations(): Promise<readonly { id: string; name: string }[]>;
  /** The organisations a person belongs to, by id. */
  organisationIdsOf(viewer: SignedInViewer): Promise<readonly string[]>;
  /** Publishes an event's outcomes as a Knowledge Centre item (from the knowledge feature). */
  publishItem: PublishItem;
  /** The discussion spaces tied to an event, as the viewer may read them (dialogue feature). */
  discussions(
    viewer: Viewer,
    eventSlug: string,
  ): Promise<readonly { slug: string; name: string }[]>;
  /** Tells a registrant, on their notification page, that an event changed (following). */
  notify: Notify;
}

/** The name and address of a From header ("Network <no-reply@example.org>", or an address alone). */
function organizerOf(from: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return match
    ? { name: match[1] || match[2] || from, email: match[2] ?? from }
    : { name: from, email: from };
}

export const eventsFeature = defineFeature({
  name: 'events',
  paths: ['/events', '/editor/events'],
  create: (platform, needs: EventsNeeds) => {
    const { database, clock } = platform;
    const events = createEventsRepository(database.db, clock);
    const registrations = createRegistrationsRepository(database.db, clock);
    const service = createEventsService({
      notify: needs.notify,
      events,
      registrations,
      mails: createEventMailsRepository(database.db, clock),
      accessRepository: needs.accessRepository,
      mailer: platform.mailer,
      log: platform.log,
      catalogue: platform.catalogue,
      publicUrl: platform.publicUrl,
      organizer: organizerOf(platform.mailFrom),
      organisationIdsOf: needs.organisationIdsOf,
      contentChanged: platform.contentChanged,
    });
    const editingRepository = createEventEditingRepository(database.db, clock);
    const editing = createEventEditingService({
      editing: editingRepository,
      events: service,
      locales: platform.catalogue.locales,
      themeKeys: needs.themeKeys,
      organisationIds: async () =>
        new Set((await needs.organisations()).map((organisation) => organisation.id)),
      contentChanged: platform.contentChanged,
    });
    const organising = createOrganisingService({
      editing,
      registrations,
      mailer: platform.mailer,
      log: platform.log,
      catalogue: platform.catalogue,
      publicUrl: platform.publicUrl,
    });
    const outcomes = createOutcomesService({
      editing,
      repository: editingRepository,
      registrations,
      publishItem: needs.publishItem,
      catalogue: platform.catalogue,
      publicUrl: platform.publicUrl,
      contentChanged: platform.contentChanged,
    });
    const jobs = createEventsJobs({
      db: database.db,
      clock,
      log: platform.log,
      remind: service.remind,
    });
    const mine = createMyEventsService({
      mine: createMyEventsRepository(database.db, clock),
      events,
      registrations,
      accessRepository: needs.accessRepository,
      catalogue: platform.catalogue,
      publicUrl: platform.publicUrl,
    });
    return {
      platform,
      needs,
      mine,
      events,
      registrations,
      service,
      editing,
      organising,
      outcomes,
      jobs,
    };
  },
  routes: (site, api) => {
    registerEventEditingRoutes(
      site.app,
      {
        editing: api.editing,
        contentLocales: api.platform.catalogue.locales,
        themeKeys: api.needs.themeKeys,
        countryCodes: api.needs.countryCodes,
        organisations: api.needs.organisations,
      },
      site.ctxOf,
    );
    registerMyEventsRoutes(site.app, { mine: api.mine }, site.ctxOf);
    registerOrganisingRoutes(
      site.app,
      { organising: api.organising, outcomes: api.outcomes },
      site.ctxOf,
    );
    registerEventRoutes(
      site.app,
      {
        events: api.events,
        service: api.service,
        themeKeys: api.needs.themeKeys,
        publicUrl: api.platform.publicUrl,
        translator: (locale) => api.platform.catalogue.translator(locale),
        clock: api.platform.clock,
        pages: site.pages,
        ownZone: (viewer) => api.mine.ownZone(viewer),
        discussions: api.needs.discussions,
      },
      site.ctxOf,
    );
  },
  jobs: (api) => [
    { ...EVENTS_JOBS.sendReminders, run: () => api.jobs.sendReminders() },
    { ...EVENTS_JOBS.deliverMails, run: () => api.service.deliver(null) },
  ],
  personalData: (api) => (person) => api.mine.personalData(person.id),
  kinds: (api) => [
    eventKind({
      db: api.platform.database.db,
      clock: api.platform.clock,
      publicUrl: api.platform.publicUrl,
      themeKeys: api.needs.themeKeys,
    }),
  ],
});

export type EventsApi = ReturnType<typeof eventsFeature.create>;
