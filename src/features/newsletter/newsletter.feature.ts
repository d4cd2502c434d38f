/**
 * The newsletter (issue #17, dissemination): editors compose issues from the network's recent
 * entries, readers subscribe (double opt-in for visitors, an opt-in for signed-in people), a job
 * sends each issue at its time at a steady rate, as each recipient may read it, and the sent
 * issues that editors make public form an archive with its feed.
 */
import type { ContentKind } from '../../channels/kind.js';
import { defineFeature } from '../feature.js';
import { createDeliveriesRepository } from './deliveries.repository.js';
import { createEditingService } from './editing.service.js';
import { registerEditorRoutes } from './editor.routes.js';
import { createIssueReader } from './issue.js';
import { newsletterKind } from './newsletter.kind.js';
import { createNewslettersRepository } from './newsletters.repository.js';
import { NEWSLETTER_JOBS, createSendingService } from './sending.service.js';
import { registerSubscribeRoutes } from './subscribe.routes.js';
import { createSubscribersRepository } from './subscribers.repository.js';
import { createSubscriptionsService } from './subscriptions.service.js';

export interface NewsletterNeeds {
  themeKeys(): Promise<readonly string[]>;
  /** Every kind of content, asked when an issue is composed or sent (known once all exist). */
  kinds(): readonly ContentKind[];
  /** Messages a minute at most. */
  ratePerMinute: number;
}

export const newsletterFeature = defineFeature({
  name: 'newsletter',
  paths: ['/newsletter', '/newsletter/archive'],
  create: (platform, needs: NewsletterNeeds) => {
    const { db } = platform.database;
    const newsletters = createNewslettersRepository(db);
    const subscribers = createSubscribersRepository(db);
    const issues = createIssueReader({
      kinds: needs.kinds,
      catalogue: platform.catalogue,
      publicUrl: platform.publicUrl,
    });
    const subscriptions = createSubscriptionsService({
      subscribers,
      mailer: platform.mailer,
      catalogue: platform.catalogue,
      log: platform.log,
      publicUrl: platform.publicUrl,
      secret: platform.secret,
      themeKeys: needs.themeKeys,
      clock: platform.clock,
    });
    const editing = createEditingService({
      newsletters,
      issues,
      kinds: needs.kinds,
      catalogue: platform.catalogue,
      mailer: platform.mailer,
      publicUrl: platform.publicUrl,
      themeKeys: needs.themeKeys,
      clock: platform.clock,
      sendSoon: () => platform.runJobNow(NEWSLETTER_JOBS.send.name),
    });
    const sending = createSendingService({
      newsletters,
      deliveries: createDeliveriesRepository(db),
      subscriptions,
      issues,
      mailer: platform.mailer,
      catalogue: platform.catalogue,
      log: platform.log,
      publicUrl: platform.publicUrl,
      ratePerMinute: needs.ratePerMinute,
      clock: platform.clock,
      contentChanged: platform.contentChanged,
    });
    return { platform, needs, newsletters, subscribers, issues, subscriptions, editing, sending };
  },
  routes: (site, api) => {
    registerSubscribeRoutes(
      site.app,
      {
        subscriptions: api.subscriptions,
        newsletters: api.newsletters,
        issues: api.issues,
        themeKeys: api.needs.themeKeys,
        pages: site.pages,
      },
      site.ctxOf,
    );
    registerEditorRoutes(
      site.app,
      { editing: api.editing, themeKeys: api.needs.themeKeys },
      site.ctxOf,
    );
  },
  jobs: (api) => [{ ...NEWSLETTER_JOBS.send, run: () => api.sending.run() }],
  kinds: (api) => [newsletterKind({ newsletters: api.newsletters })],
  // The person's subscription: address, language, themes, consent, and what was sent to it.
  personalData: (api) => async (person) => ({
    newsletterSubscription: await api.subscribers.ofPerson(person),
  }),
});

export type NewsletterApi = ReturnType<typeof newsletterFeature.create>;
