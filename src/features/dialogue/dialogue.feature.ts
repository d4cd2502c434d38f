/**
 * Inter-city dialogue: discussion spaces (public, for members, or a working group's), threads
 * and replies in Markdown, answers, and moderation that keeps them civil and useful.
 */
import type { AuditLog } from '../access/index.js';
import { defineFeature } from '../feature.js';
import { registerDialogueRoutes } from './dialogue.routes.js';
import { createDialogueService } from './dialogue.service.js';
import { createModerationRepository } from './moderation.repository.js';
import { registerModerationRoutes } from './moderation.routes.js';
import { createModerationService } from './moderation.service.js';
import { createPostingRepository } from './posting.repository.js';
import { createSpacesRepository } from './spaces.repository.js';
import { createSpacesService } from './spaces.service.js';
import { threadKind } from './thread.kind.js';
import { createThreadsRepository } from './threads.repository.js';

export interface DialogueNeeds {
  audit: AuditLog;
  themeKeys(): Promise<readonly string[]>;
  /** The network's organisations, which a working group gathers. */
  organisations(): Promise<readonly { id: string; name: string }[]>;
}

export const dialogueFeature = defineFeature({
  name: 'dialogue',
  paths: ['/dialogue'],
  create: (platform, needs: DialogueNeeds) => {
    const { database, clock } = platform;
    const spaces = createSpacesRepository(database.db);
    const threads = createThreadsRepository(database.db);
    const posting = createPostingRepository(database.db, clock);
    const dialogue = createDialogueService({
      spaces,
      threads,
      posting,
      themeKeys: needs.themeKeys,
      clock,
      contentChanged: platform.contentChanged,
    });
    const moderation = createModerationService({
      moderation: createModerationRepository(database.db, clock),
      posting,
      spaces,
      audit: needs.audit,
      clock,
      contentChanged: platform.contentChanged,
    });
    const spacesService = createSpacesService({
      spaces,
      locales: platform.catalogue.locales,
      themeKeys: needs.themeKeys,
      organisationIds: async () =>
        new Set((await needs.organisations()).map((organisation) => organisation.id)),
      contentChanged: platform.contentChanged,
    });
    return { platform, needs, posting, dialogue, moderation, spaces: spacesService };
  },
  routes: (site, api) => {
    registerModerationRoutes(
      site.app,
      {
        dialogue: api.dialogue,
        moderation: api.moderation,
        spaces: api.spaces,
        themeKeys: api.needs.themeKeys,
        organisations: api.needs.organisations,
      },
      site.ctxOf,
    );
    registerDialogueRoutes(
      site.app,
      {
        dialogue: api.dialogue,
        moderation: api.moderation,
        themeKeys: api.needs.themeKeys,
        pages: site.pages,
      },
      site.ctxOf,
    );
  },
  personalData: (api) => (person) => api.posting.personalData(person.id),
  kinds: (api) => [
    threadKind({
      db: api.platform.database.db,
      publicUrl: api.platform.publicUrl,
      clock: api.platform.clock,
    }),
  ],
});

export type DialogueApi = ReturnType<typeof dialogueFeature.create>;
