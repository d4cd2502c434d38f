/**
 * One search over the site: Knowledge Centre items through their own index (facets, highlights,
 * typo correction), and every other kind that declares a search source; as a page and in the API.
 */
import type { ContentKind } from '../../channels/kind.js';
import { defineFeature } from '../feature.js';
import { createItemsSearchRepository } from './items-search.repository.js';
import { registerSearchApi, searchOpenApi } from './search.api.js';
import { createSearchRepository } from './search.repository.js';
import { registerSearchRoutes } from './search.routes.js';
import { createSearchService } from './search.service.js';

export interface SearchIndex {
  refresh(): Promise<void>;
}

export interface SearchNeeds {
  /** Every registered kind (known once every feature is built). */
  kinds(): readonly ContentKind[];
}

export const searchFeature = defineFeature({
  name: 'search',
  create: (platform, needs: SearchNeeds) => {
    const site = createSearchRepository(platform.database.db, needs.kinds);
    return {
      platform,
      /** Rewrites the documents of every kind but items; the app calls it when content changes. */
      index: { refresh: site.refresh } satisfies SearchIndex,
      searchService: createSearchService({
        items: createItemsSearchRepository(platform.database.db, platform.clock),
        site,
      }),
    };
  },
  routes: (site, api) =>
    registerSearchRoutes(site, {
      searchService: api.searchService,
      contentLocales: api.platform.catalogue.locales,
    }),
  rootRoutes: (app, api) =>
    registerSearchApi(app, {
      searchService: api.searchService,
      catalogue: api.platform.catalogue,
      publicUrl: api.platform.publicUrl,
      contentLocales: api.platform.catalogue.locales,
    }),
  apiPaths: (_api, locales) => searchOpenApi(locales),
});
