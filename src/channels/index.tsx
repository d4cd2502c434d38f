/**
 * The channels that carry content out of the site — feeds, sitemap, JSON API with its OpenAPI
 * document and page, exports — over every registered kind. They name no kind: a kind brings itself.
 */
import type { ContentKind } from './kind.js';
import { ApiPage } from './api.page.js';
import { registerApiRoutes } from './api.routes.js';
import { registerExportRoutes } from './export.routes.js';
import { registerFeedRoutes } from './feeds.routes.js';
import { openApiDocument } from './openapi.js';
import { registerSitemapRoutes } from './sitemap.routes.js';
import { defineFeature } from '../features/feature.js';
import type { LocaleParams } from '../ui/site.js';

export interface ChannelsNeeds {
  /** Every registered kind (known once every feature is built). */
  kinds(): readonly ContentKind[];
  /** Every feature's fixed public pages. */
  paths(): readonly string[];
  /** API paths features serve themselves, for the OpenAPI document. */
  apiPaths(): Record<string, unknown>;
}

export const channelsFeature = defineFeature({
  name: 'channels',
  paths: ['/api'],
  create: (platform, needs: ChannelsNeeds) => {
    let document: ReturnType<typeof openApiDocument> | undefined;
    return {
      needs,
      platform,
      /** The OpenAPI document, built on first use (every kind is registered by then). */
      document: () =>
        (document ??= openApiDocument(
          platform.publicUrl,
          platform.catalogue.locales,
          needs.kinds(),
          needs.apiPaths(),
        )),
    };
  },
  rootRoutes: (app, api) => {
    const { catalogue, publicUrl } = api.platform;
    const kinds = api.needs.kinds();
    registerFeedRoutes(app, { kinds, catalogue, publicUrl });
    registerSitemapRoutes(app, { kinds, paths: api.needs.paths(), catalogue, publicUrl });
    registerApiRoutes(app, { kinds, catalogue, document: api.document() });
    registerExportRoutes(app, { kinds, catalogue });
  },
  routes: (site, api) => {
    site.app.get<{ Params: LocaleParams }>('/api', async (request, reply) =>
      site.pages.sendShared(
        reply,
        <ApiPage ctx={site.ctxOf(request, reply)} document={api.document()} />,
      ),
    );
  },
});

export type { ContentKind } from './kind.js';
