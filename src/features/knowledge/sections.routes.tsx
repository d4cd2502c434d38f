/**
 * The site's written pages (about, privacy) and the Knowledge Centre's index and sections: each
 * section's introduction, its filtered list of items, and what the section holds besides.
 */
import type { FastifyRequest } from 'fastify';
import { ANONYMOUS, type Viewer } from '../access/index.js';
import type { SdgView, ThemeView } from '../vocabularies/index.js';
import { udhrFor } from '../vocabularies/index.js';
import { itemFilter } from './filters.js';
import type { ItemsRepository } from './items.repository.js';
import { DEFAULT_SECTION, ITEM_SECTIONS, ITEM_TYPES, type ItemSection } from './items.types.js';
import type { KnowledgeRepository, PageView } from './knowledge.repository.js';
import { KNOWLEDGE_SECTIONS, isKnowledgeSection } from './knowledge.sections.js';
import { AboutIndexPage, ContentPage } from './pages/about.page.js';
import {
  KnowledgeIndexPage,
  KnowledgeSectionPage,
  type SectionContent,
  type SectionItems,
} from './pages/knowledge.page.js';
import type { OrganisationView } from '../members/index.js';
import { NotFoundError } from '../../platform/errors/errors.js';
import { REFERENCE_LOCALE } from '../../platform/i18n/catalogue.js';
import { MembersTeaserPage } from '../../ui/pages/message.page.js';
import { sendPage } from '../../ui/render.js';
import type { LocaleParams, Site } from '../../ui/site.js';

export const ABOUT_PAGES = ['how-we-work', 'who-we-are'] as const;

export interface SectionsDeps {
  knowledge: KnowledgeRepository;
  items: ItemsRepository;
  listThemes(): Promise<readonly ThemeView[]>;
  listSdgs(): Promise<readonly SdgView[]>;
  countryCodes: readonly string[];
  contentLocales: readonly string[];
  /** The member organisations a viewer may read, for the institutions section. */
  organisations(viewer: Viewer): Promise<readonly OrganisationView[]>;
}

const isItemSection = (section: string): section is ItemSection =>
  (ITEM_SECTIONS as readonly string[]).includes(section);

export function registerSectionsRoutes(
  { app: site, ctxOf, pages }: Site,
  deps: SectionsDeps,
): void {
  // Content is read as the person asking sees it; only anonymous renders are ever shared.
  const viewerOf = (request: FastifyRequest): Viewer => request.viewer ?? ANONYMOUS;
  const page = (request: FastifyRequest, locale: string, slug: string): Promise<PageView | null> =>
    deps.knowledge.findPage(viewerOf(request), slug, locale, REFERENCE_LOCALE);

  site.get<{ Params: LocaleParams }>('/about', async (request, reply) => {
    const found = await deps.knowledge.findPages(
      viewerOf(request),
      ABOUT_PAGES,
      request.params.locale,
      REFERENCE_LOCALE,
    );
    return pages.sendShared(reply, <AboutIndexPage ctx={ctxOf(request, reply)} pages={found} />);
  });

  site.get<{ Params: LocaleParams & { slug: string } }>('/about/:slug', async (request, reply) => {
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
  });

  site.get<{ Params: LocaleParams }>('/privacy', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const found = await page(request, ctx.locale, 'privacy');
    if (!found) throw new NotFoundError();
    return pages.sendShared(reply, <ContentPage ctx={ctx} page={found} crumbs={[]} />);
  });

  site.get<{ Params: LocaleParams }>('/knowledge', async (request, reply) => {
    const intros = await deps.knowledge.findPages(
      viewerOf(request),
      KNOWLEDGE_SECTIONS,
      request.params.locale,
      REFERENCE_LOCALE,
    );
    const bySlug = new Map(intros.map((entry) => [entry.slug, entry]));
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
    let intro: PageView | null;
    let items: SectionItems | undefined;
    if (isItemSection(section)) {
      const filter = { ...itemFilter(request.query, deps.contentLocales), section };
      // The section's introduction is read with its list, in one statement.
      const [{ listing, introduction }, themes] = await Promise.all([
        deps.items.listSection(
          viewerOf(request),
          filter,
          locale,
          Number(request.query.page) || 1,
          REFERENCE_LOCALE,
        ),
        deps.listThemes(),
      ]);
      intro = introduction;
      items = {
        section,
        listing,
        filter,
        choices: {
          types: ITEM_TYPES.filter((type) => DEFAULT_SECTION[type] === section),
          themes: themes.map((theme) => theme.key),
          countries: deps.countryCodes,
          languages: deps.contentLocales,
          years: listing.years,
        },
      };
    } else intro = await page(request, locale, section);
    let content: SectionContent = { kind: 'empty' };
    if (section === 'human-rights-framework')
      content = { kind: 'framework', udhr: udhrFor(locale) };
    if (section === 'useful-links')
      content = { kind: 'links', directory: await deps.knowledge.linkDirectory(viewerOf(request)) };
    if (section === 'thematic-issues') {
      const [themes, sdgs] = await Promise.all([deps.listThemes(), deps.listSdgs()]);
      content = { kind: 'themes', themes: [...themes], sdgs: [...sdgs] };
    }
    if (section === 'institutions') {
      const organisations = await deps.organisations(viewerOf(request));
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
}
