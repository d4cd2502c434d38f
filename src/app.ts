/**
 * Builds the application: the platform, then the list of features, each built from the platform
 * and what it needs of those before it, then the channels over every kind they registered.
 * Takes an open database so that tests, the CLI and the server share one way of building it.
 */
import type { SQL } from 'drizzle-orm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { channelsFeature } from './channels/index.js';
import { citiesFeature } from './features/cities/index.js';
import type { ContentKind } from './channels/kind.js';
import type { Config } from './config.js';
import {
  ANONYMOUS,
  accessFeature,
  type AccessNeeds,
  type AccessService,
} from './features/access/index.js';
import { adminFeature } from './features/admin/index.js';
import { createComposition } from './features/compose.js';
import { dialogueFeature } from './features/dialogue/index.js';
import { expertsFeature } from './features/experts/index.js';
import {
  followingFeature,
  followingStateSql,
  type FollowingNeeds,
} from './features/following/index.js';
import { eventsFeature } from './features/events/index.js';
import type { Job } from './features/feature.js';
import { knowledgeFeature } from './features/knowledge/index.js';
import { membersFeature, membershipsSql } from './features/members/index.js';
import { monitoringFeature } from './features/monitoring/index.js';
import { newsletterFeature } from './features/newsletter/index.js';
import { searchFeature, type SearchIndex } from './features/search/index.js';
import { siteFeature } from './features/site/index.js';
import { vocabulariesFeature } from './features/vocabularies/index.js';
import { createRenderCache, type RenderCache } from './platform/cache/render-cache.js';
import type { Database } from './platform/db/database.js';
import { registerAssets } from './platform/http/assets.js';
import { registerMetrics } from './platform/http/metrics.js';
import { createHttpServer } from './platform/http/server.js';
import { Catalogue } from './platform/i18n/catalogue.js';
import type { Jobs } from './platform/jobs/jobs.js';
import { RATE_LIMIT_JOBS, purgeExpiredRateLimits } from './platform/http/rate-limit.jobs.js';
import type { Logger } from './platform/logging/logger.js';
import { BACKUP_JOBS, runDailyBackup } from './platform/backup/backup.jobs.js';
import type { FileStore } from './platform/files/file-store.js';
import { openFileStore } from './platform/files/open-file-store.js';
import type { Mailbox } from './platform/mail/inbound.js';
import { createMailer, type Mailer } from './platform/mail/mailer.js';
import type { Platform } from './platform/platform.js';
import { worldLandAsset } from './ui/components/map.js';
import { registerErrorPages } from './ui/errors.js';
import { registerSite } from './ui/site.js';

const ASSETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ui', 'assets');

export interface AppDeps {
  config: Pick<
    Config,
    | 'publicUrl'
    | 'trustProxy'
    | 'renderCacheBytes'
    | 'metricsToken'
    | 'smtpUrl'
    | 'mailFrom'
    | 'files'
    | 'uploadMaxBytes'
    | 'replyDomain'
    | 'newsletterRatePerMinute'
    | 'backup'
  > &
    Partial<Pick<Config, 'renderConcurrency'>>;
  log: Logger;
  database: Database;
  /** Signs cookies. */
  cookieSecret: string;
  /** Shared across apps in one process (tests) to load the catalogues once. */
  catalogue?: Catalogue;
  clock?: () => Date;
  /** Let the link checker reach this machine's own addresses: for tests only, never in service. */
  allowPrivateLinkTargets?: boolean;
  /** How long a request to another site may take in all: for tests only. */
  outboundTimeoutMs?: number;
  /** How long a session read is used again (VIEWER_WINDOW_MS by default; tests that write the
   * database behind the app's back use 0). */
  viewerWindowMs?: number;
  /** Kinds added to the features' own: for tests of the channels only. */
  extraKinds?: readonly ContentKind[];
}

export interface App {
  http: FastifyInstance;
  access: AccessService;
  renderCache: RenderCache | null;
  /** Outgoing e-mail: SMTP when configured, else the outbox. */
  mailer: Mailer;
  /** Where attached files are kept. */
  files: FileStore;
  /** Every registered kind of content, in the features' order. */
  kinds: readonly ContentKind[];
  /** Background work of the features, registered on the job queue by the server process. */
  jobs: readonly Job[];
  /** What every feature calls after a change of content: search documents, cached pages. */
  contentChanged(): Promise<void>;
  /** Registers the jobs on the queue; from then on features may also ask for a run at once. */
  attachJobs(queue: Jobs): Promise<void>;
  /** Where mail to the platform's own addresses goes (the inbound SMTP server hands it here). */
  mailbox: Mailbox;
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, log, database } = deps;

  // Platform. The file store first: a bucket that does not answer stops the start with its reason.
  const files = await openFileStore(config.files);
  const http = await createHttpServer({
    log,
    cookieSecret: deps.cookieSecret,
    trustProxy: config.trustProxy,
    secureCookies: config.publicUrl.startsWith('https://'),
    pool: database.pool,
  }).catch((error: unknown) => {
    files.close();
    throw error;
  });
  http.addHook('onClose', async () => files.close());
  const catalogue = deps.catalogue ?? new Catalogue();
  const assets = registerAssets(http, ASSETS_DIR, [worldLandAsset()]);
  registerMetrics(http, config.metricsToken);
  const renderCache =
    config.renderCacheBytes > 0
      ? createRenderCache({ pool: database.pool, log, maxBytes: config.renderCacheBytes })
      : null;
  if (renderCache) {
    await renderCache.listen();
    http.addHook('onClose', async () => renderCache.close());
  }
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    db: database.db,
    log,
  });
  http.addHook('onClose', async () => mailer.close());
  http.get('/healthz', async () => ({ status: 'ok' }));
  http.get('/readyz', async (_request, reply) => {
    const ready = await database.ping();
    return reply
      .status(ready ? 200 : 503)
      .send({ status: ready ? 'ok' : 'unavailable', database: ready });
  });
  // The queue starts after the app (main.ts); until then a wish for a run now waits for the cron.
  let queue: Jobs | null = null;
  // The search documents of every kind but items, rewritten when content changes (search feature).
  let searchIndex: SearchIndex | null = null;
  const contentChanged = async (): Promise<void> => {
    // What changed is saved already: a failed rewrite is logged and mended by the next one.
    await searchIndex
      ?.refresh()
      .catch((error: unknown) => log.error({ err: error }, 'search documents not rewritten'));
    await renderCache?.invalidateEverywhere();
  };
  const platform: Platform = {
    publicUrl: config.publicUrl,
    mailFrom: config.mailFrom,
    files,
    uploadMaxBytes: config.uploadMaxBytes,
    database,
    log,
    catalogue,
    mailer,
    clock: deps.clock ?? (() => new Date()),
    fixedClock: deps.clock,
    secret: deps.cookieSecret,
    renderCache,
    contentChanged,
    runJobNow: (name) => {
      queue
        ?.runNow(name)
        .catch((error: unknown) => log.error({ err: error, job: name }, 'job not queued'));
    },
    allowPrivateLinkTargets: deps.allowPrivateLinkTargets ?? false,
    outboundTimeoutMs: deps.outboundTimeoutMs,
    viewerWindowMs: deps.viewerWindowMs,
  };

  // Features, in order: each may be handed what the ones before it offer.
  const app = createComposition(platform, deps.extraKinds);
  const vocabularies = app.add(vocabulariesFeature, {});
  // Members come after access, which they build on; access asks these only once both exist.
  const accessNeeds: AccessNeeds = {
    membershipsSql,
    // The Follow buttons and unread count of every signed-in page, read with the session.
    viewerFactsSql: { following: followingStateSql },
    organisationsOf: (viewer) => members.membership.organisationsOf(viewer),
    personalDataOf: (person) => app.personalData(person),
  };
  const access = app.add(accessFeature, accessNeeds);
  const members = app.add(membersFeature, {
    access,
    themeKeys: vocabularies.themeKeys,
    countryCodes: vocabularies.countryCodes,
    notify: (userId, notice) => following.notify(userId, notice),
  });
  // What people follow reaches them from every kind; a discussion is followed by its watch.
  const followingNeeds: FollowingNeeds = {
    kinds: app.kinds,
    themeKeys: vocabularies.themeKeys,
    watchers: async (kind, keys) =>
      kind === 'thread' ? dialogue.watchersOf(keys.map(Number).filter(Number.isInteger)) : [],
    discussions: (viewer) => dialogue.watchedBy(viewer),
    stopWatching: (userId, watchId) => dialogue.stopWatching(userId, watchId),
  };
  const following = app.add(followingFeature, followingNeeds);
  const knowledge = app.add(knowledgeFeature, {
    themeKeys: vocabularies.themeKeys,
    listThemes: () => vocabularies.repository.listThemes(),
    listSdgs: () => vocabularies.repository.listSdgs(),
    countryCodes: vocabularies.countryCodes,
    organisations: (viewer) => members.repository.listOrganisations(viewer),
    itemAsides: {
      discussions: (viewer, itemPath, viewerId): SQL =>
        dialogue.discussionsSql(viewer, itemPath, viewerId),
      transfers: (practiceSlug): SQL => cities.transfersOfPracticeSql(practiceSlug),
    },
  });
  app.add(expertsFeature, {
    themeKeys: vocabularies.themeKeys,
    countryCodes: vocabularies.countryCodes,
    itemExists: knowledge.itemExists,
    items: knowledge.items,
    notify: following.notify,
  });
  app.add(eventsFeature, {
    countryCodes: vocabularies.countryCodes,
    publishItem: (viewer, locale, form) =>
      knowledge.publishItem(viewer, 'publication', locale, form),
    accessRepository: access.repository,
    themeKeys: vocabularies.themeKeys,
    organisations: () => members.repository.listOrganisations(ANONYMOUS),
    organisationIdsOf: async (viewer) =>
      (await members.membership.organisationsOf(viewer)).map((organisation) => organisation.id),
    discussions: (viewer, slug): Promise<readonly { slug: string; name: string }[]> =>
      dialogue.discussions(viewer, { eventSlug: slug }),
    notify: following.notify,
  });
  // Events and the Knowledge Centre link the discussions tied to them: asked once all exist.
  const dialogue = app.add(dialogueFeature, {
    audit: access.audit,
    themeKeys: vocabularies.themeKeys,
    organisations: () => members.repository.listOrganisations(ANONYMOUS),
    replyDomain: config.replyDomain,
    itemCards: (viewer, slugs, locale) => knowledge.items.readableBySlugs(viewer, slugs, locale),
    notify: following.notify,
  });
  app.add(monitoringFeature, {
    themeKeys: vocabularies.themeKeys,
    listThemes: () => vocabularies.repository.listThemes(),
    countryCodes: vocabularies.countryCodes,
    news: (viewer, filter, locale, page, pageSize) =>
      knowledge.items.listItems(viewer, { ...filter, type: 'news' }, locale, page, pageSize),
    latestNews: (viewer, locale, limit) =>
      knowledge.items.latestItems(viewer, { type: 'news' }, locale, limit),
    publishNews: (viewer, locale, form) => knowledge.publishItem(viewer, 'news', locale, form),
    itemExists: knowledge.itemExists,
  });
  // Cities name the good practices of the Knowledge Centre, whose pages show where they went.
  const cities = app.add(citiesFeature, {
    itemExists: knowledge.itemExists,
    itemCards: (viewer, slugs, locale) => knowledge.items.readableBySlugs(viewer, slugs, locale),
    practices: (viewer, locale) =>
      knowledge.items.latestItems(viewer, { type: 'practice' }, locale, 500),
  });
  // The newsletter reads the picked entries of every kind, asked when an issue is composed or sent.
  app.add(newsletterFeature, {
    themeKeys: vocabularies.themeKeys,
    kinds: app.kinds,
    ratePerMinute: config.newsletterRatePerMinute,
  });
  app.add(adminFeature, {
    audit: access.audit,
    roles: access.roles,
    membership: members.membership,
  });
  const search = app.add(searchFeature, { kinds: app.kinds });
  app.add(siteFeature, { kinds: app.kinds });
  app.add(channelsFeature, { kinds: app.kinds, paths: app.paths, apiPaths: app.apiPaths });
  searchIndex = search.index;
  await search.index.refresh();

  // Web
  registerErrorPages(http, { catalogue, assets, publicUrl: config.publicUrl });
  app.registerRootRoutes(http);
  registerSite(
    http,
    {
      catalogue,
      assets,
      publicUrl: config.publicUrl,
      renderCache,
      renderConcurrency: config.renderConcurrency,
    },
    app.siteRegistrations(),
  );
  await http.ready();

  const backup = config.backup;
  const jobs: readonly Job[] = [
    { ...RATE_LIMIT_JOBS.purgeExpired, run: () => purgeExpiredRateLimits(database.db) },
    ...(backup
      ? [
          {
            ...BACKUP_JOBS.daily,
            run: () =>
              runDailyBackup({
                pool: database.pool,
                files: platform.files,
                sessionSecret: deps.cookieSecret,
                directory: backup.dir,
                keep: backup.keep,
                clock: platform.clock,
                log,
              }),
          },
        ]
      : []),
    ...app.jobs(),
  ];
  return {
    http,
    access: access.access,
    renderCache,
    mailer,
    files: platform.files,
    kinds: app.kinds(),
    jobs,
    contentChanged,
    mailbox: app.mailbox(),
    async attachJobs(jobQueue) {
      for (const job of jobs) {
        await jobQueue.every(job.name, job.cron, async () => {
          await job.run();
        });
      }
      queue = jobQueue;
    },
  };
}
