/**
 * Following (issue "Dissemination"): people follow themes, SDGs, UDHR articles, sections,
 * organisations, cities and kinds of events (discussions through the dialogue's watches); what
 * becomes new in every kind of content reaches them on their notification page and in a digest
 * at the cadence they chose per kind of news, read as them at that moment. Other features tell a
 * person of what concerns them through `notify`.
 */
import type { FastifyInstance } from 'fastify';
import type { ContentKind } from '../../channels/kind.js';
import type { SignedInViewer } from '../access/index.js';
import { defineFeature, type Notify } from '../feature.js';
import { readerOf } from '../members/index.js';
import { createDigests } from './digests.service.js';
import { createFollowingRepository, isFollowingState } from './following.repository.js';
import { registerFollowingRoutes } from './following.routes.js';
import { createFollowingService, type Watchers } from './following.service.js';
import type { WatchedDiscussion } from './pages/following.page.js';

/** Following's background work. */
export const FOLLOWING_JOBS = {
  /** What became new, matched with followers; then the digests of the periods just ended. */
  deliver: { name: 'following.deliver', cron: '*/5 * * * *' },
  /** Notifications older than 90 days go. */
  purge: { name: 'following.purge', cron: '40 3 * * *' },
} as const;

export interface FollowingNeeds {
  /** Every kind of content, asked when the job runs (the list is complete by then). */
  kinds(): readonly ContentKind[];
  themeKeys(): Promise<readonly string[]>;
  /** The people watching a kind's entries (the dialogue's threads), as followers. */
  watchers: Watchers;
  /** The discussions a person watches, and stopping one. */
  discussions(viewer: SignedInViewer): Promise<readonly WatchedDiscussion[]>;
  stopWatching(userId: string, watchId: string): Promise<void>;
}

export const followingFeature = defineFeature({
  name: 'following',
  create: (platform, needs: FollowingNeeds) => {
    const { db } = platform.database;
    const repository = createFollowingRepository(db);
    const reader = (userId: string) => readerOf(db, userId);
    const following = createFollowingService({
      repository,
      reader,
      kinds: needs.kinds,
      themeKeys: needs.themeKeys,
      watchers: needs.watchers,
      catalogue: platform.catalogue,
      publicUrl: platform.publicUrl,
      clock: platform.clock,
      log: platform.log,
    });
    const digests = createDigests({
      db,
      repository,
      reader,
      kinds: needs.kinds,
      mailer: platform.mailer,
      catalogue: platform.catalogue,
      log: platform.log,
      publicUrl: platform.publicUrl,
      secret: platform.secret,
      clock: platform.clock,
    });
    const notify: Notify = (userId, notice) => following.notify(userId, notice);
    /** The job: match, then every cadence's digests. */
    const deliver = async () => {
      const matched = await following.match();
      const sent = { hourly: 0, daily: 0, weekly: 0 };
      for (const cadence of ['hourly', 'daily', 'weekly'] as const)
        sent[cadence] = (await digests.run(cadence)).sent;
      return { matched, sent };
    };
    return { platform, needs, repository, following, digests, notify, deliver };
  },
  rootRoutes: (app: FastifyInstance, api) => {
    // A signed-in person's pages show what they follow (Follow buttons) and their unread count.
    app.decorateRequest('following', null);
    app.addHook('preHandler', async (request, reply) => {
      if (!request.viewer || request.method !== 'GET') return;
      if (!request.routeOptions.url?.startsWith('/:locale')) return;
      // Read with the session (followingStateSql, wired in app.ts); asked for only without it.
      const known = request.viewer.facts?.following;
      const state = isFollowingState(known)
        ? known
        : await api.following.stateOf(request.viewer.id);
      request.following = {
        topics: new Set(state.topics),
        unread: state.unread,
        csrfToken: reply.generateCsrf(),
      };
    });
  },
  routes: (site, api) => {
    registerFollowingRoutes(
      site.app,
      {
        following: api.following,
        digests: api.digests,
        discussions: api.needs.discussions,
        stopWatching: api.needs.stopWatching,
      },
      site.ctxOf,
    );
  },
  jobs: (api) => [
    { ...FOLLOWING_JOBS.deliver, run: api.deliver },
    { ...FOLLOWING_JOBS.purge, run: () => api.following.purge() },
  ],
  personalData: (api) => (person) => api.repository.personalData(person.id),
});
