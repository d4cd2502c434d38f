/**
 * Events: workshops, exchanges of views, inter-city meetings, webinars… announced with their time
 * in their own zone, read by each reader in their layer, with registration, a waiting list that
 * moves up by itself, and calendars.
 */
import type { AccessRepository } from '../access/index.js';
import { defineFeature } from '../feature.js';
import { eventKind } from './event.kind.js';
import { createEventEditingRepository } from './editing.repository.js';
import { registerEventEditingRoutes } from './editing.routes.js';
import { createEventEditingService } from './editing.service.js';
import { createEventsRepository } from './events.repository.js';
import { registerEventRoutes } from './events.routes.js';
import { createEventsService } from './events.service.js';
import { createRegistrationsRepository } from './registrations.repository.js';

export interface EventsNeeds {
  accessRepository: AccessRepository;
  themeKeys(): Promise<readonly string[]>;
  countryCodes: readonly string[];
}

export const eventsFeature = defineFeature({
  name: 'events',
  paths: ['/events', '/editor/events'],
  create: (platform, needs: EventsNeeds) => {
    const { database, clock } = platform;
    const events = createEventsRepository(database.db, clock);
    const registrations = createRegistrationsRepository(database.db, clock);
    const service = createEventsService({
      events,
      registrations,
      accessRepository: needs.accessRepository,
      mailer: platform.mailer,
      catalogue: platform.catalogue,
      publicUrl: platform.publicUrl,
      contentChanged: platform.contentChanged,
    });
    const editing = createEventEditingService({
      editing: createEventEditingRepository(database.db, clock),
      events: service,
      locales: platform.catalogue.locales,
      themeKeys: needs.themeKeys,
      contentChanged: platform.contentChanged,
    });
    return { platform, needs, events, registrations, service, editing };
  },
  routes: (site, api) => {
    registerEventEditingRoutes(
      site.app,
      {
        editing: api.editing,
        contentLocales: api.platform.catalogue.locales,
        themeKeys: api.needs.themeKeys,
        countryCodes: api.needs.countryCodes,
      },
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
      },
      site.ctxOf,
    );
  },
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
