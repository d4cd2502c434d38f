/**
 * The Excellence Knowledge Centre: the site's written pages, the sections and their items (seven
 * types, translations, members-only parts, editorial life cycle, revisions), attached files, the
 * useful-links directory with its checker and CSV import, and OAI-PMH for harvesters.
 */
import type { FormResult, SignedInViewer, Viewer } from '../access/index.js';
import { defineFeature } from '../feature.js';
import { createKnowledgePersonalData } from './personal-data.js';
import type { OrganisationView } from '../members/index.js';
import type { SdgView, ThemeView } from '../vocabularies/index.js';
import { registerDirectoryRoutes } from './directory.routes.js';
import { createEditorialRepository } from './editorial.repository.js';
import { createFilesRepository } from './files.repository.js';
import { registerFilesRoutes } from './files.routes.js';
import { FILE_JOBS, createFilesService } from './files.service.js';
import { createImportService } from './import.service.js';
import { itemKind } from './item.kind.js';
import type { ItemType } from './items.types.js';
import { createItemsRepository, type ListCounts } from './items.repository.js';
import type { ItemAsidesSql } from './item.repository.js';
import { createKnowledgeRepository } from './knowledge.repository.js';
import { registerKnowledgeRoutes } from './knowledge.routes.js';
import { KNOWLEDGE_SECTIONS } from './knowledge.sections.js';
import { KNOWLEDGE_JOBS, createKnowledgeService } from './knowledge.service.js';
import { LINK_JOBS, createLinkChecker } from './link-check.js';
import { createLinksRepository } from './links.repository.js';
import { createLinksService } from './links.service.js';
import { createOaiRepository } from './oai.repository.js';
import { registerOaiRoutes } from './oai.routes.js';
import { linkKind, pageKind } from './page.kind.js';
import { ABOUT_PAGES, registerSectionsRoutes } from './sections.routes.js';
import { createMemo } from '../../platform/cache/memo.js';
import { extractText } from '../../platform/files/text-extraction.js';
import { REFERENCE_LOCALE } from '../../platform/i18n/catalogue.js';

export interface KnowledgeNeeds {
  themeKeys(): Promise<readonly string[]>;
  listThemes(): Promise<readonly ThemeView[]>;
  listSdgs(): Promise<readonly SdgView[]>;
  countryCodes: readonly string[];
  /** The member organisations a viewer may read, for the institutions section. */
  organisations(viewer: Viewer): Promise<readonly OrganisationView[]>;
  /** What other features show on an item's page, read in the item's own statement. */
  itemAsides: ItemAsidesSql;
}

export const knowledgeFeature = defineFeature({
  name: 'knowledge',
  paths: [
    '/about',
    ...ABOUT_PAGES.map((slug) => `/about/${slug}`),
    '/knowledge',
    ...KNOWLEDGE_SECTIONS.map((section) => `/knowledge/${section}`),
    '/privacy',
  ],
  create: (platform, needs: KnowledgeNeeds) => {
    const { database, renderCache, contentChanged, fixedClock, clock } = platform;
    const { db } = database;
    const contentLocales = platform.catalogue.locales;
    // Lists' counts are kept while content is unchanged, like rendered pages.
    const listCounts = renderCache ? createMemo<ListCounts>(500) : undefined;
    renderCache?.onClear(() => listCounts?.clear());
    const items = createItemsRepository(db, clock, {
      counts: listCounts,
      asides: needs.itemAsides,
    });
    const editorialRepository = createEditorialRepository(db);
    const linksRepository = createLinksRepository(db);
    const editorial = createKnowledgeService({
      editorial: editorialRepository,
      themeKeys: needs.themeKeys,
      locales: contentLocales,
      contentChanged,
      clock: fixedClock,
    });
    return {
      needs,
      platform,
      knowledge: createKnowledgeRepository(db),
      items,
      editorialRepository,
      editorial,
      files: createFilesService({
        files: createFilesRepository(db),
        editorial: editorialRepository,
        items,
        store: platform.files,
        extract: (kind, data) => extractText(kind, data),
        locales: contentLocales,
        maxBytes: platform.uploadMaxBytes,
        requestExtraction: () => platform.runJobNow(FILE_JOBS.extractText.name),
        contentChanged,
        log: platform.log,
      }),
      linkChecker: createLinkChecker({
        db,
        allowPrivate: platform.allowPrivateLinkTargets,
        clock: fixedClock,
      }),
      linksService: createLinksService({ links: linksRepository, contentChanged }),
      imports: createImportService({
        links: linksRepository,
        editorial: editorialRepository,
        themeKeys: needs.themeKeys,
        locales: contentLocales,
        contentChanged,
        clock: fixedClock,
      }),
      oai: createOaiRepository(db, clock),
      contentLocales,
      /** Whether an item with this address exists (in any state). */
      itemExists: (slug: string) => editorialRepository.slugTaken(slug, null),
      /**
       * Writes an item from a form's values and publishes it at once (an event's outcomes): its
       * id and address, or the form's problems.
       */
      async publishItem(
        viewer: SignedInViewer,
        type: ItemType,
        locale: string,
        form: Record<string, string | readonly string[]>,
      ): Promise<FormResult<{ id: string; path: string }>> {
        const created = await editorial.createItem(viewer, type, locale, form);
        if (!created.ok) return created;
        await editorial.changeStatus(viewer, created.id, { status: 'published' });
        const item = await editorial.editable(viewer, created.id, locale);
        return { ok: true, id: created.id, path: `/knowledge/${item.section}/${item.slug}` };
      },
    };
  },
  routes: (site, api) => {
    const { needs, contentLocales } = api;
    registerSectionsRoutes(site, {
      knowledge: api.knowledge,
      items: api.items,
      listThemes: needs.listThemes,
      listSdgs: needs.listSdgs,
      countryCodes: needs.countryCodes,
      contentLocales,
      organisations: needs.organisations,
    });
    registerDirectoryRoutes(
      site.app,
      { links: api.linksService, imports: api.imports },
      site.ctxOf,
    );
    registerKnowledgeRoutes(
      site.app,
      {
        items: api.items,
        knowledge: api.editorial,
        linkChecker: api.linkChecker,
        contentLocales,
        themeKeys: needs.themeKeys,
        countryCodes: needs.countryCodes,
        pages: site.pages,
      },
      site.ctxOf,
    );
    registerFilesRoutes(
      site.app,
      {
        files: api.files,
        knowledge: api.editorial,
        contentLocales,
        maxBytes: api.platform.uploadMaxBytes,
      },
      site.ctxOf,
    );
  },
  rootRoutes: (app, api) => {
    const { mailFrom, publicUrl, catalogue } = api.platform;
    registerOaiRoutes(app, {
      oai: api.oai,
      publicUrl,
      siteName: catalogue.translator(REFERENCE_LOCALE).t('common.site.name'),
      adminEmail: /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom,
    });
  },
  jobs: (api) => [
    { ...KNOWLEDGE_JOBS.announceDueItems, run: () => api.editorial.announceDueItems() },
    { ...LINK_JOBS.checkLinks, run: () => api.linkChecker.checkAll() },
    { ...FILE_JOBS.extractText, run: () => api.files.extractPending() },
  ],
  kinds: (api) => [
    itemKind({
      db: api.platform.database.db,
      items: api.items,
      publicUrl: api.platform.publicUrl,
      themeKeys: api.needs.themeKeys,
      contentLocales: api.contentLocales,
    }),
    pageKind(api.platform.database.db),
    linkKind(api.platform.database.db),
  ],
  personalData: (api) => createKnowledgePersonalData(api.platform.database.db),
});

export type KnowledgeApi = ReturnType<typeof knowledgeFeature.create>;
