/**
 * Events: workshops, exchanges of views, inter-city meetings, webinars… announced with their time
 * in their own zone, read by each reader in their layer, with registration, a waiting list that
 * moves up by itself, and calendars.
 */
import type { AccessRepository } from '../access/index.js';
import { defineFeature } from '../feature.js';
import { eventKind } from './event.kind.js';
import { createEventsRepository } from './events.repository.js';
import { registerEventRoutes } from './events.routes.js';
import { createEventsService } from './events.service.js';
import { createRegistrationsRepository } from './registrations.repository.js';

export interface EventsNeeds {
  accessRepository: AccessRepository;
  themeKeys(): Promise<readonly string[]>;
}

export const eventsFeature = defineFeature({
  name: 'events',
  paths: ['/events'],
  create: (platform, needs: EventsNeeds) => {
    const { database, clock } = platform;
    const events = createEventsRepository(database.db, clock);
    const registrations = createRegistrationsRepository(database.db, clock);
    return {
      platform,
      needs,
      events,
      registrations,
      service: createEventsService({
        events,
        registrations,
        accessRepository: needs.accessRepository,
        mailer: platform.mailer,
        catalogue: platform.catalogue,
        publicUrl: platform.publicUrl,
      }),
    };
  },
  routes: (site, api) =>
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
      },
      site.ctxOf,
    ),
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
