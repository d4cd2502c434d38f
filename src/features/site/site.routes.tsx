/**
 * The site's pages. Every route follows validate → authorise → act → present; the locale prefixes
 * every address and an unsupported one is a 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ANONYMOUS,
  STAFF_ROLES,
  type AccessService,
  type AccountsService,
  type AuditLog,
  type RolesService,
  type SetupField,
  type Viewer,
} from '../access/index.js';
import { registerAccountRoutes } from '../access/account.routes.js';
import { registerAdminRoutes } from '../admin/admin.routes.js';
import { registerDeskRoutes } from '../experts/desk.routes.js';
import { registerExpertsRoutes } from '../experts/experts.routes.js';
import { registerMembershipRoutes } from '../members/membership.routes.js';
import { registerOrganisationRoutes } from '../members/organisation.routes.js';
import { registerPeopleRoutes } from '../members/people.routes.js';
import { registerViewer } from '../access/viewer.js';
import {
  DEFAULT_SECTION,
  ITEM_SECTIONS,
  ITEM_TYPES,
  KNOWLEDGE_SECTIONS,
  isKnowledgeSection,
  type ItemSection,
  type ItemsRepository,
  type KnowledgeRepository,
  type KnowledgeService,
  type FilesService,
  type ImportService,
  type LinkChecker,
  type LinksService,
  type OaiRepository,
  type PageView,
} from '../knowledge/index.js';
import type { AnswersRepository, DeskService, ExpertsService } from '../experts/index.js';
import { registerApiRoutes } from '../../channels/api.routes.js';
import { registerChannelRoutes } from '../../channels/feeds.routes.js';
import { registerDirectoryRoutes } from '../knowledge/directory.routes.js';
import { registerExportRoutes } from '../../channels/export.routes.js';
import { itemFilter, searchRequest } from '../knowledge/filters.js';
import { registerOaiRoutes } from '../../channels/oai.routes.js';
import { openApiDocument } from '../../channels/openapi.js';
import { ApiPage } from '../../channels/api.page.js';
import { registerFilesRoutes } from '../knowledge/files.routes.js';
import { registerKnowledgeRoutes } from '../knowledge/knowledge.routes.js';
import {
  ORGANISATION_KINDS,
  type MembersRepository,
  type MembersService,
  type OrganisationFilter,
  type OrganisationKind,
  type PeopleService,
} from '../members/index.js';
import { MAX_QUERY_LENGTH, type SearchRepository, type SearchService } from '../search/index.js';
import { udhrFor, type VocabulariesRepository } from '../vocabularies/index.js';
import { NotFoundError } from '../../platform/errors/errors.js';
import { REFERENCE_LOCALE } from '../../platform/i18n/catalogue.js';
import { negotiateLocale } from '../../platform/i18n/negotiate.js';
import { pageContext, type PageContext, type WebDeps } from '../../ui/context.js';
import { registerErrorPages } from '../../ui/errors.js';
import { AboutIndexPage, ContentPage } from '../knowledge/pages/about.page.js';
import { MembersTeaserPage } from '../../ui/pages/message.page.js';
import { HomePage } from './pages/home.page.js';
import {
  KnowledgeIndexPage,
  KnowledgeSectionPage,
  type SectionContent,
  type SectionItems,
} from '../knowledge/pages/knowledge.page.js';
import {
  NetworkPage,
  OrganisationPage,
  type OrganisationActions,
} from '../members/pages/network.page.js';
import { EventsPage, ExpertsPage } from './pages/sections.page.js';
import { SearchPage } from '../search/pages/search.page.js';
import { SetupDonePage, SetupPage, type SetupFormState } from '../access/pages/setup.page.js';
import { createPageCache, sendPage } from '../../ui/render.js';
import type { RenderCache } from '../../platform/cache/render-cache.js';

export interface WebModules {
  access: AccessService;
  accounts: AccountsService;
  roles: RolesService;
  audit: AuditLog;
  membership: MembersService;
  people: PeopleService;
  experts: ExpertsService;
  /** The editors' and experts' work on questions. */
  desk: DeskService;
  /** Published answers, as each viewer may read them. */
  answers: AnswersRepository;
  /** ISO 3166-1 codes of the countries, for the application form. */
  countryCodes: readonly string[];
  /** The newest messages kept in the outbox (no SMTP configured). */
  readOutbox: () => Promise<
    readonly { recipient: string; subject: string; textBody: string; createdAt: Date }[]
  >;
  knowledge: KnowledgeRepository;
  /** Knowledge Centre items as each viewer may read them. */
  items: ItemsRepository;
  /** The editors' work on items. */
  editorial: KnowledgeService;
  /** Files attached to items: editors' uploads and readers' downloads. */
  files: FilesService;
  /** Largest attached file, in bytes. */
  uploadMaxBytes: number;
  /** Languages content may be written in. */
  contentLocales: readonly string[];
  /** Publications for OAI-PMH harvesters. */
  oai: OaiRepository;
  /** State of the useful links' addresses, for editors. */
  linkChecker: LinkChecker;
  /** Editors' changes to the useful-links directory. */
  linksService: LinksService;
  /** CSV imports of links and resources. */
  imports: ImportService;
  /** Where harvesters and API users write to (the From address of the site's mail). */
  adminEmail: string;
  members: MembersRepository;
  search: SearchRepository;
  searchService: SearchService;
  vocabularies: VocabulariesRepository;
  /** Rendered anonymous pages; null turns caching off. */
  renderCache: RenderCache | null;
}

const ABOUT_PAGES = ['how-we-work', 'who-we-are'] as const;

/** The network filters of a query string; anything unknown is left out. */
function networkFilter(query: Record<string, string | undefined>): OrganisationFilter {
  const filter: OrganisationFilter = {};
  const kind = query.kind ?? '';
  if ((ORGANISATION_KINDS as readonly string[]).includes(kind))
    filter.kind = kind as OrganisationKind;
  if (/^[A-Z]{2}$/.test(query.country ?? '')) filter.country = query.country;
  if (/^[a-z0-9-]{1,80}$/.test(query.theme ?? '')) filter.theme = query.theme;
  const sdg = Number(query.sdg);
  if (Number.isInteger(sdg) && sdg >= 1 && sdg <= 17) filter.sdg = sdg;
  return filter;
}

const isItemSection = (section: string): section is ItemSection =>
  (ITEM_SECTIONS as readonly string[]).includes(section);

type LocaleParams = { locale: string };

export function registerWeb(app: FastifyInstance, deps: WebDeps & WebModules): void {
  registerErrorPages(app, deps);
  registerViewer(app, deps.accounts);
  const pages = createPageCache(deps.renderCache);

  app.get('/', async (request, reply) => {
    const locale = negotiateLocale(
      request.headers['accept-language'],
      deps.catalogue.locales,
      REFERENCE_LOCALE,
    );
    return reply.header('vary', 'Accept-Language').redirect(`/${locale}/`, 302);
  });

  app.get('/robots.txt', async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send(
        `User-agent: *\nDisallow: /*/setup/\nDisallow: /*/editor\nSitemap: ${deps.publicUrl}/sitemap.xml\n`,
      ),
  );

  registerChannelRoutes(app, {
    items: deps.items,
    catalogue: deps.catalogue,
    publicUrl: deps.publicUrl,
    themeKeys: async () => (await deps.vocabularies.listThemes()).map((theme) => theme.key),
  });

  registerApiRoutes(app, {
    items: deps.items,
    searchService: deps.searchService,
    catalogue: deps.catalogue,
    publicUrl: deps.publicUrl,
    contentLocales: deps.contentLocales,
  });
  registerExportRoutes(app, {
    items: deps.items,
    catalogue: deps.catalogue,
    publicUrl: deps.publicUrl,
    contentLocales: deps.contentLocales,
  });
  registerOaiRoutes(app, {
    oai: deps.oai,
    publicUrl: deps.publicUrl,
    siteName: deps.catalogue.translator(REFERENCE_LOCALE).t('common.site.name'),
    adminEmail: deps.adminEmail,
  });

  app.register(
    async (site) => {
      // An address whose first segment is not a supported locale does not exist.
      site.addHook('onRequest', pages.serveCached);
      site.addHook('preValidation', async (request: FastifyRequest<{ Params: LocaleParams }>) => {
        if (!deps.catalogue.isSupported(request.params.locale)) throw new NotFoundError();
      });
      // Editors and administrators go nowhere else until two-factor sign-in is on.
      site.addHook(
        'preHandler',
        async (request: FastifyRequest<{ Params: LocaleParams }>, reply) => {
          const viewer = request.viewer;
          if (!viewer || viewer.twoFactorEnabled || !STAFF_ROLES.has(viewer.role)) return;
          const path = request.url.slice(request.params.locale.length + 1).split('?')[0] ?? '';
          if (path.startsWith('/account/two-factor') || path === '/sign-out') return;
          return reply.redirect(`/${request.params.locale}/account/two-factor`, 303);
        },
      );
      const ctxOf = (
        request: FastifyRequest<{ Params: LocaleParams }>,
        reply: FastifyReply,
      ): PageContext => pageContext(deps, request, reply, request.params.locale);
      // Content is read as the person asking sees it; only anonymous renders are ever shared.
      const viewerOf = (request: FastifyRequest): Viewer => request.viewer ?? ANONYMOUS;
      const page = (
        request: FastifyRequest,
        viewerLocale: string,
        slug: string,
      ): Promise<PageView | null> =>
        deps.knowledge.findPage(viewerOf(request), slug, viewerLocale, REFERENCE_LOCALE);

      site.get<{ Params: LocaleParams }>('/', async (request, reply) =>
        pages.sendShared(reply, <HomePage ctx={ctxOf(request, reply)} />),
      );

      site.get<{ Params: LocaleParams }>('/about', async (request, reply) => {
        const about = await Promise.all(
          ABOUT_PAGES.map((slug) => page(request, request.params.locale, slug)),
        );
        const found = about.filter((entry): entry is PageView => entry !== null);
        return pages.sendShared(
          reply,
          <AboutIndexPage ctx={ctxOf(request, reply)} pages={found} />,
        );
      });

      site.get<{ Params: LocaleParams & { slug: string } }>(
        '/about/:slug',
        async (request, reply) => {
          const ctx = ctxOf(request, reply);
          const slug = request.params.slug;
          if (!(ABOUT_PAGES as readonly string[]).includes(slug)) throw new NotFoundError();
          const found = await page(request, ctx.locale, slug);
          if (!found) {
            if (await deps.knowledge.isMembersOnlyPage(slug)) {
              return sendPage(reply, <MembersTeaserPage ctx={ctx} />);
            }
            throw new NotFoundError();
          }
          return pages.sendShared(
            reply,
            <ContentPage
              ctx={ctx}
              page={found}
              crumbs={[{ label: ctx.text('common.nav.about'), href: ctx.href('/about') }]}
            />,
          );
        },
      );

      site.get<{ Params: LocaleParams }>('/privacy', async (request, reply) => {
        const ctx = ctxOf(request, reply);
        const found = await page(request, ctx.locale, 'privacy');
        if (!found) throw new NotFoundError();
        return pages.sendShared(reply, <ContentPage ctx={ctx} page={found} crumbs={[]} />);
      });

      site.get<{ Params: LocaleParams; Querystring: Record<string, string | undefined> }>(
        '/network',
        async (request, reply) => {
          const filter = networkFilter(request.query);
          const filtered = Object.keys(filter).length > 0;
          const [all, matching] = await Promise.all([
            deps.members.listOrganisations(ANONYMOUS),
            filtered ? deps.members.listOrganisations(ANONYMOUS, filter) : null,
          ]);
          const choices = {
            countries: [...new Set(all.flatMap((entry) => (entry.country ? [entry.country] : [])))],
            themes: [...new Set(all.flatMap((entry) => entry.themes))],
            sdgs: [...new Set(all.flatMap((entry) => entry.sdgs))].sort((a, b) => a - b),
          };
          return pages.sendShared(
            reply,
            <NetworkPage
              ctx={ctxOf(request, reply)}
              organisations={matching ?? all}
              filter={filter}
              choices={choices}
            />,
          );
        },
      );

      site.get<{ Params: LocaleParams & { slug: string }; Querystring: { asked?: string } }>(
        '/network/:slug',
        async (request, reply) => {
          const viewer = request.viewer;
          const organisation = await deps.members.findOrganisation(
            viewer ?? ANONYMOUS,
            request.params.slug,
          );
          if (!organisation) throw new NotFoundError();
          const ctx = ctxOf(request, reply);
          if (!viewer) {
            return pages.sendShared(
              reply,
              <OrganisationPage ctx={ctx} organisation={organisation} />,
            );
          }
          const can = await deps.membership.actionsFor(viewer, organisation.id);
          const actions: OrganisationActions =
            can === 'manage'
              ? { kind: 'manage' }
              : can === 'ask' || can === 'asked'
                ? { kind: 'ask', csrfToken: reply.generateCsrf(), asked: can === 'asked' }
                : { kind: 'none' };
          return sendPage(
            reply,
            <OrganisationPage ctx={ctx} organisation={organisation} actions={actions} />,
            { cache: 'no-store' },
          );
        },
      );

      site.get<{ Params: LocaleParams }>('/knowledge', async (request, reply) => {
        const intros = await Promise.all(
          KNOWLEDGE_SECTIONS.map((slug) => page(request, request.params.locale, slug)),
        );
        const bySlug = new Map(
          intros
            .filter((entry): entry is PageView => entry !== null)
            .map((entry) => [entry.slug, entry]),
        );
        return pages.sendShared(
          reply,
          <KnowledgeIndexPage ctx={ctxOf(request, reply)} intros={bySlug} />,
        );
      });

      site.get<{
        Params: LocaleParams & { section: string };
        Querystring: Record<string, string | undefined>;
      }>('/knowledge/:section', async (request, reply) => {
        const { section, locale } = request.params;
        if (!isKnowledgeSection(section)) throw new NotFoundError();
        const intro = await page(request, locale, section);
        let items: SectionItems | undefined;
        if (isItemSection(section)) {
          const filter = { ...itemFilter(request.query, deps.contentLocales), section };
          const [listing, years, themes] = await Promise.all([
            deps.items.listItems(
              viewerOf(request),
              filter,
              locale,
              Number(request.query.page) || 1,
            ),
            deps.items.yearRange(section),
            deps.vocabularies.listThemes(),
          ]);
          items = {
            section,
            listing,
            filter,
            choices: {
              types: ITEM_TYPES.filter((type) => DEFAULT_SECTION[type] === section),
              themes: themes.map((theme) => theme.key),
              countries: deps.countryCodes,
              languages: deps.contentLocales,
              years,
            },
          };
        }
        let content: SectionContent = { kind: 'empty' };
        if (section === 'human-rights-framework')
          content = { kind: 'framework', udhr: udhrFor(locale) };
        if (section === 'useful-links')
          content = {
            kind: 'links',
            directory: await deps.knowledge.linkDirectory(viewerOf(request)),
          };
        if (section === 'thematic-issues') {
          const [themes, sdgs] = await Promise.all([
            deps.vocabularies.listThemes(),
            deps.vocabularies.listSdgs(),
          ]);
          content = { kind: 'themes', themes, sdgs };
        }
        if (section === 'institutions') {
          const organisations = await deps.members.listOrganisations(viewerOf(request));
          content = {
            kind: 'institutions',
            organisations: organisations.filter((entry) => entry.listedInstitution),
          };
        }
        return pages.sendShared(
          reply,
          <KnowledgeSectionPage
            ctx={ctxOf(request, reply)}
            section={section}
            intro={intro}
            content={content}
            items={items}
          />,
        );
      });

      site.get<{ Params: LocaleParams }>('/api', async (request, reply) =>
        pages.sendShared(
          reply,
          <ApiPage
            ctx={ctxOf(request, reply)}
            document={openApiDocument(deps.publicUrl, deps.catalogue.locales)}
          />,
        ),
      );

      site.get<{ Params: LocaleParams }>('/experts', async (request, reply) =>
        pages.sendShared(reply, <ExpertsPage ctx={ctxOf(request, reply)} />),
      );

      site.get<{ Params: LocaleParams }>('/events', async (request, reply) =>
        pages.sendShared(reply, <EventsPage ctx={ctxOf(request, reply)} />),
      );

      site.get<{
        Params: LocaleParams;
        Querystring: Record<string, string | string[] | undefined>;
      }>(
        '/search',
        { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
        async (request, reply) => {
          const ctx = ctxOf(request, reply);
          const parsed = searchRequest(request.query, deps.contentLocales);
          if (parsed.tooLong) {
            return sendPage(
              reply,
              <SearchPage
                ctx={ctx}
                query={parsed.query}
                view={null}
                error={ctx.text('sections.search.tooLong', { max: MAX_QUERY_LENGTH })}
              />,
              { status: 400 },
            );
          }
          const outcome = parsed.query
            ? await deps.searchService.search(
                viewerOf(request),
                parsed.query,
                ctx.locale,
                parsed.filter,
                parsed.page,
                { exact: parsed.exact },
              )
            : null;
          return sendPage(
            reply,
            <SearchPage
              ctx={ctx}
              query={parsed.query}
              view={
                outcome
                  ? { ...outcome, query: parsed.query, filter: parsed.filter, page: parsed.page }
                  : null
              }
            />,
          );
        },
      );

      registerDirectoryRoutes(site, { links: deps.linksService, imports: deps.imports }, ctxOf);
      registerKnowledgeRoutes(
        site,
        {
          items: deps.items,
          knowledge: deps.editorial,
          linkChecker: deps.linkChecker,
          contentLocales: deps.contentLocales,
          themeKeys: async () => (await deps.vocabularies.listThemes()).map((theme) => theme.key),
          countryCodes: deps.countryCodes,
          pages,
        },
        ctxOf,
      );
      registerFilesRoutes(
        site,
        {
          files: deps.files,
          knowledge: deps.editorial,
          contentLocales: deps.contentLocales,
          maxBytes: deps.uploadMaxBytes,
        },
        ctxOf,
      );
      registerSetup(site, deps, ctxOf);
      registerAccountRoutes(site, deps.accounts, ctxOf, (viewer) =>
        deps.membership.organisationsOf(viewer),
      );
      registerAdminRoutes(site, deps.audit, deps.roles, deps.membership, deps.readOutbox, ctxOf);
      registerMembershipRoutes(site, deps.membership, deps.countryCodes, ctxOf);
      registerExpertsRoutes(
        site,
        {
          experts: deps.experts,
          answers: deps.answers,
          items: deps.items,
          pages,
          themeKeys: async () => (await deps.vocabularies.listThemes()).map((theme) => theme.key),
          countries: deps.countryCodes,
        },
        ctxOf,
      );
      registerDeskRoutes(site, deps.desk, ctxOf);
      registerPeopleRoutes(
        site,
        deps.people,
        async () => (await deps.vocabularies.listThemes()).map((theme) => theme.key),
        deps.countryCodes,
        ctxOf,
      );
      registerOrganisationRoutes(
        site,
        deps.membership,
        deps.countryCodes,
        deps.catalogue.locales,
        ctxOf,
      );
    },
    { prefix: '/:locale' },
  );
}

function registerSetup(
  site: FastifyInstance,
  deps: WebDeps & WebModules,
  ctxOf: (request: FastifyRequest<{ Params: LocaleParams }>, reply: FastifyReply) => PageContext,
): void {
  type SetupParams = { Params: LocaleParams & { token: string } };
  const emptyState: SetupFormState = { values: { name: '', email: '' }, errors: {} };
  // The token is in the address: keep it out of caches and of the Referer sent to other sites.
  const secret = { cache: 'no-store', referrer: 'no-referrer' } as const;

  site.get<SetupParams>('/setup/:token', async (request, reply) => {
    await deps.access.assertSetupLinkUsable(request.params.token);
    const csrfToken = reply.generateCsrf();
    return sendPage(
      reply,
      <SetupPage
        ctx={ctxOf(request, reply)}
        action={request.url.split('?')[0] ?? ''}
        csrfToken={csrfToken}
        state={emptyState}
      />,
      { ...secret },
    );
  });

  site.post<SetupParams & { Body: Record<string, unknown> }>(
    '/setup/:token',
    {
      preHandler: site.csrfProtection,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const body = request.body ?? {};
      const result = await deps.access.completeSetup(
        request.params.token,
        body,
        ctx.locale,
        request.ip,
      );
      if (result.ok) {
        const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
        return sendPage(reply, <SetupDonePage ctx={ctx} email={email} />, { ...secret });
      }
      const text = (field: SetupField): string =>
        typeof body[field] === 'string' ? (body[field] as string) : '';
      return sendPage(
        reply,
        <SetupPage
          ctx={ctx}
          action={request.url.split('?')[0] ?? ''}
          csrfToken={reply.generateCsrf()}
          state={{ values: { name: text('name'), email: text('email') }, errors: result.errors }}
        />,
        { status: 422, ...secret },
      );
    },
  );
}
