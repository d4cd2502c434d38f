/**
 * Inter-city dialogue: discussion spaces (public, for members, or a working group's), threads
 * and replies in Markdown, answers, and moderation that keeps them civil and useful.
 */
import type { AuditLog, SignedInViewer, Viewer } from '../access/index.js';
import type { ItemCards } from './dialogue.service.js';
import { defineFeature, type Notify } from '../feature.js';
import { registerDialogueRoutes } from './dialogue.routes.js';
import { createDialogueService } from './dialogue.service.js';
import { createModerationRepository } from './moderation.repository.js';
import { registerModerationRoutes } from './moderation.routes.js';
import { createModerationService } from './moderation.service.js';
import { createPostingRepository } from './posting.repository.js';
import { createSpacesRepository, spacesTiedToItemSql } from './spaces.repository.js';
import { createSpacesService } from './spaces.service.js';
import { threadKind } from './thread.kind.js';
import { createThreadsRepository } from './threads.repository.js';
import { createNotificationsService } from './notifications.service.js';
import { createWatchesRepository } from './watches.repository.js';
import { registerWatchRoutes } from './watch.routes.js';
import { createRepliesMailbox } from './replies.service.js';
import { createAttachments } from './attachments.js';
import { registerAttachmentRoutes } from './attachments.routes.js';

/** The dialogue's background work. */
export const DIALOGUE_JOBS = {
  /** New replies to the people watching, at most one message an hour per thread. */
  notify: { name: 'dialogue.notify', cron: '*/5 * * * *' },
} as const;

export interface DialogueNeeds {
  audit: AuditLog;
  themeKeys(): Promise<readonly string[]>;
  /** The network's organisations, which a working group gathers. */
  organisations(): Promise<readonly { id: string; name: string }[]>;
  /** The domain of the addresses people reply to by e-mail, or null when replies are off. */
  replyDomain: string | null;
  /** Knowledge Centre items the viewer may read, by slug (cards under posts linking to them). */
  itemCards: ItemCards;
  /** Tells a person on their notification page: a mention (following). */
  notify: Notify;
}

export const dialogueFeature = defineFeature({
  name: 'dialogue',
  paths: ['/dialogue'],
  create: (platform, needs: DialogueNeeds) => {
    const { database, clock } = platform;
    const spaces = createSpacesRepository(database.db);
    const threads = createThreadsRepository(database.db);
    const posting = createPostingRepository(database.db, clock);
    const attachments = createAttachments({
      db: database.db,
      store: platform.files,
      posting,
    });
    const watches = createWatchesRepository(database.db);
    const notifications = createNotificationsService({
      watches,
      threads,
      mailer: platform.mailer,
      catalogue: platform.catalogue,
      log: platform.log,
      publicUrl: platform.publicUrl,
      secret: platform.secret,
      clock,
      replyDomain: needs.replyDomain,
      notify: needs.notify,
    });
    const dialogue = createDialogueService({
      spaces,
      threads,
      posting,
      themeKeys: needs.themeKeys,
      clock,
      publicUrl: platform.publicUrl,
      contentChanged: platform.contentChanged,
      watchThread: (userId, threadId) => notifications.watch(userId, { threadId }),
      mentions: (threadId, post) => notifications.mentions(threadId, post),
      filesOf: (postIds) => attachments.ofPosts(postIds),
      itemCards: needs.itemCards,
    });
    const moderation = createModerationService({
      moderation: createModerationRepository(database.db, clock),
      posting,
      spaces,
      audit: needs.audit,
      clock,
      contentChanged: platform.contentChanged,
      tell: (userId, message) => notifications.tell(userId, message),
      mentions: (threadId, post) => notifications.mentions(threadId, post),
    });
    const spacesService = createSpacesService({
      spaces,
      locales: platform.catalogue.locales,
      themeKeys: needs.themeKeys,
      organisationIds: async () =>
        new Set((await needs.organisations()).map((organisation) => organisation.id)),
      contentChanged: platform.contentChanged,
    });
    const mailbox = createRepliesMailbox({
      notifications,
      watches,
      threads,
      dialogue,
      log: platform.log,
    });
    return {
      platform,
      needs,
      mailbox,
      attachments,
      /** The spaces tied to an event or an item that the viewer may read (their pages link them). */
      discussions: (viewer: Viewer, tie: { eventSlug: string } | { itemPath: string }) =>
        spaces.tiedTo(viewer, tie),
      /** The same for an item, as an SQL expression of the item's own statement (JSON). */
      discussionsSql: spacesTiedToItemSql,
      posting,
      dialogue,
      moderation,
      notifications,
      spaces: spacesService,
      /** What a person watches (for their list of what they follow), and stopping one. */
      watchedBy: (viewer: SignedInViewer) => watches.watchedBy(viewer),
      stopWatching: (userId: string, watchId: string) => watches.removeOwn(userId, watchId),
      /** The watchers of threads, as followers of the thread kind's entries. */
      watchersOf: (numbers: readonly number[]) => watches.watchersOf(numbers),
    };
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
    registerAttachmentRoutes(
      site.app,
      {
        dialogue: api.dialogue,
        attachments: api.attachments,
        maxBytes: api.platform.uploadMaxBytes,
      },
      site.ctxOf,
    );
    registerWatchRoutes(
      site.app,
      { dialogue: api.dialogue, notifications: api.notifications },
      site.ctxOf,
    );
    registerDialogueRoutes(
      site.app,
      {
        dialogue: api.dialogue,
        moderation: api.moderation,
        notifications: api.notifications,
        themeKeys: api.needs.themeKeys,
        pages: site.pages,
      },
      site.ctxOf,
    );
  },
  mailbox: (api) => api.mailbox,
  jobs: (api) => [{ ...DIALOGUE_JOBS.notify, run: () => api.notifications.deliver() }],
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
