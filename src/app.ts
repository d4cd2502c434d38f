/**
 * Builds the application from its parts, wired by hand in order: platform → modules → web.
 * Takes an open database so that tests, the CLI and the server share one way of building it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import {
  createAccessRepository,
  createAccessService,
  ACCESS_JOBS,
  createAccessJobs,
  createAccountsService,
  createAuditLog,
  createAuth,
  createRolesService,
  createSignInThrottle,
  type AccessService,
} from './features/access/index.js';
import {
  KNOWLEDGE_JOBS,
  FILE_JOBS,
  createFilesRepository,
  createFilesService,
  createLinksRepository,
  createEditorialRepository,
  createItemsRepository,
  createKnowledgeRepository,
  createKnowledgeService,
  createImportService,
  createLinkChecker,
  createLinksService,
  createOaiRepository,
  LINK_JOBS,
  type ListCounts,
} from './features/knowledge/index.js';
import {
  createMembersRepository,
  createMembersService,
  createPeopleRepository,
  createPeopleService,
} from './features/members/index.js';
import {
  createItemsSearchRepository,
  createSearchRepository,
  createSearchService,
} from './features/search/index.js';
import { createVocabulariesRepository, regionOfCountry } from './features/vocabularies/index.js';
import {
  createAnswersRepository,
  createDeskRepository,
  createDeskService,
  createExpertsMail,
  createExpertsRepository,
  createExpertsService,
  EXPERTS_JOBS,
} from './features/experts/index.js';
import { createMemo } from './platform/cache/memo.js';
import { createRenderCache, type RenderCache } from './platform/cache/render-cache.js';
import type { Database } from './platform/db/database.js';
import { registerAssets } from './platform/http/assets.js';
import { registerMetrics } from './platform/http/metrics.js';
import { createFileStore } from './platform/files/file-store.js';
import { extractText } from './platform/files/text-extraction.js';
import type { Jobs } from './platform/jobs/jobs.js';
import { RATE_LIMIT_JOBS, purgeExpiredRateLimits } from './platform/http/rate-limit.jobs.js';
import { createHttpServer } from './platform/http/server.js';
import { Catalogue } from './platform/i18n/catalogue.js';
import type { Logger } from './platform/logging/logger.js';
import { createMailer, readOutbox, type Mailer } from './platform/mail/mailer.js';
import { worldLandAsset } from './ui/components/map.js';
import { registerWeb } from './features/site/site.routes.js';

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
    | 'filesDir'
    | 'uploadMaxBytes'
  >;
  log: Logger;
  database: Database;
  /** Signs cookies. */
  cookieSecret: string;
  /** Shared across apps in one process (tests) to load the catalogues once. */
  catalogue?: Catalogue;
  clock?: () => Date;
  /** Let the link checker reach this machine's own addresses: for tests only, never in service. */
  allowPrivateLinkTargets?: boolean;
}

export interface App {
  http: FastifyInstance;
  access: AccessService;
  renderCache: RenderCache | null;
  /** Outgoing e-mail: SMTP when configured, else the outbox. */
  mailer: Mailer;
  /** Background work of the modules, registered on the job queue by the server process. */
  jobs: readonly { name: string; cron: string; run: () => Promise<unknown> }[];
  /** Registers the jobs on the queue; from then on modules may also ask for a run at once. */
  attachJobs(queue: Jobs): Promise<void>;
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, log, database } = deps;

  // Platform
  const http = await createHttpServer({
    log,
    cookieSecret: deps.cookieSecret,
    trustProxy: config.trustProxy,
    secureCookies: config.publicUrl.startsWith('https://'),
    pool: database.pool,
  });
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

  // Modules
  const audit = createAuditLog(database.db);
  const accessRepository = createAccessRepository(database.db);
  const access = createAccessService({
    repository: accessRepository,
    audit,
    publicUrl: config.publicUrl,
    clock: deps.clock,
  });
  const membersRepository = createMembersRepository(database.db);
  const vocabularies = createVocabulariesRepository(database.db);
  const accounts = createAccountsService({
    auth: createAuth({
      db: database.db,
      secret: deps.cookieSecret,
      publicUrl: config.publicUrl,
      mailer,
      catalogue,
      log,
    }),
    repository: accessRepository,
    audit,
    throttle: createSignInThrottle(database.db, deps.clock),
    membershipsOf: (userId) => membersRepository.membershipsOf(userId),
    clock: deps.clock,
  });
  const roles = createRolesService({ repository: accessRepository, audit });
  const accessJobs = createAccessJobs({ repository: accessRepository, audit, clock: deps.clock });
  const membership = createMembersService({
    repository: membersRepository,
    accessRepository,
    audit,
    mailer,
    catalogue,
    publicUrl: config.publicUrl,
    themeKeys: async () => (await vocabularies.listThemes()).map((theme) => theme.key),
    contentChanged: async () => renderCache?.invalidateEverywhere(),
    clock: deps.clock,
  });
  const people = createPeopleService({
    repository: createPeopleRepository(database.db),
    audit,
    mailer,
    catalogue,
    publicUrl: config.publicUrl,
    themeKeys: async () => (await vocabularies.listThemes()).map((theme) => theme.key),
    clock: deps.clock,
  });
  const knowledge = createKnowledgeRepository(database.db);
  const members = membersRepository;
  const search = createSearchRepository(database.db);
  const clock = deps.clock ?? (() => new Date());
  // Lists' counts are kept while content is unchanged, like rendered pages.
  const listCounts = renderCache ? createMemo<ListCounts>(500) : undefined;
  renderCache?.onClear(() => listCounts?.clear());
  const items = createItemsRepository(database.db, clock, { counts: listCounts });
  const editorialRepository = createEditorialRepository(database.db);
  const contentChanged = async () => renderCache?.invalidateEverywhere();
  const editorial = createKnowledgeService({
    editorial: editorialRepository,
    themeKeys: async () => (await vocabularies.listThemes()).map((theme) => theme.key),
    locales: catalogue.locales,
    contentChanged: async () => renderCache?.invalidateEverywhere(),
    clock: deps.clock,
  });
  // The queue starts after the app (main.ts); until then a wish for a run now waits for the cron.
  let queue: Jobs | null = null;
  const files = createFilesService({
    files: createFilesRepository(database.db),
    editorial: editorialRepository,
    items,
    store: createFileStore(config.filesDir),
    extract: (kind, data) => extractText(kind, data),
    locales: catalogue.locales,
    maxBytes: config.uploadMaxBytes,
    requestExtraction: () => {
      queue
        ?.runNow(FILE_JOBS.extractText.name)
        .catch((error: unknown) => log.error({ err: error }, 'file text job not queued'));
    },
    contentChanged,
    log,
  });
  const linksRepository = createLinksRepository(database.db);
  const linkChecker = createLinkChecker({
    db: database.db,
    allowPrivate: deps.allowPrivateLinkTargets ?? false,
    clock: deps.clock,
  });
  const expertsMail = createExpertsMail({
    mailer,
    catalogue,
    publicUrl: config.publicUrl,
    secret: deps.cookieSecret,
  });
  const experts = createExpertsService({
    repository: createExpertsRepository(database.db),
    mail: expertsMail,
    publicUrl: config.publicUrl,
    secret: deps.cookieSecret,
    themeKeys: async () => (await vocabularies.listThemes()).map((theme) => theme.key),
    countries: Object.keys(regionOfCountry),
    clock: deps.clock,
  });
  const desk = createDeskService({
    repository: createDeskRepository(database.db),
    mail: expertsMail,
    itemExists: (slug) => editorialRepository.slugTaken(slug, null),
    contentChanged,
    clock: deps.clock,
  });
  const searchService = createSearchService({
    items: createItemsSearchRepository(database.db, clock),
    site: search,
  });

  // Web
  registerWeb(http, {
    catalogue,
    assets,
    publicUrl: config.publicUrl,
    access,
    accounts,
    roles,
    audit,
    readOutbox: () => readOutbox(database.db),
    membership,
    people,
    experts,
    desk,
    answers: createAnswersRepository(database.db),
    countryCodes: Object.keys(regionOfCountry),
    knowledge,
    items,
    editorial,
    files,
    uploadMaxBytes: config.uploadMaxBytes,
    contentLocales: catalogue.locales,
    oai: createOaiRepository(database.db, clock),
    linkChecker,
    linksService: createLinksService({ links: linksRepository, contentChanged }),
    imports: createImportService({
      links: linksRepository,
      editorial: editorialRepository,
      themeKeys: async () => (await vocabularies.listThemes()).map((theme) => theme.key),
      locales: catalogue.locales,
      contentChanged,
      clock: deps.clock,
    }),
    adminEmail: /<([^>]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom,
    members,
    search,
    searchService,
    vocabularies,
    renderCache,
  });

  await http.ready();
  const jobs = [
    { ...ACCESS_JOBS.purgeUnverifiedAccounts, run: () => accessJobs.purgeUnverifiedAccounts() },
    { ...RATE_LIMIT_JOBS.purgeExpired, run: () => purgeExpiredRateLimits(database.db) },
    { ...KNOWLEDGE_JOBS.announceDueItems, run: () => editorial.announceDueItems() },
    { ...LINK_JOBS.checkLinks, run: () => linkChecker.checkAll() },
    { ...FILE_JOBS.extractText, run: () => files.extractPending() },
    { ...EXPERTS_JOBS.remindExperts, run: () => desk.remindExperts() },
    { ...EXPERTS_JOBS.purgeQuestions, run: () => desk.purgeQuestions() },
  ];
  return {
    http,
    access,
    renderCache,
    mailer,
    jobs,
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
