/**
 * The scope every page lives in: /:locale/…, answered from the render cache when it can be, a 404
 * for an unsupported locale, and the helpers a route needs to present a page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RenderCache } from '../platform/cache/render-cache.js';
import { NotFoundError } from '../platform/errors/errors.js';
import { pageContext, type PageContext, type WebDeps } from './context.js';
import { createPageCache, type PageCache } from './render.js';

export type LocaleParams = { locale: string };

/** Builds a page's context from its request. */
export type ContextOf = (
  request: FastifyRequest<{ Params: LocaleParams }>,
  reply: FastifyReply,
) => PageContext;

export interface Site {
  /** The Fastify scope under /:locale. */
  app: FastifyInstance;
  ctxOf: ContextOf;
  /** Sends pages that are the same for every visitor through the render cache. */
  pages: PageCache;
}

/** Opens the /:locale scope and lets each registration add its pages to it. */
export function registerSite(
  app: FastifyInstance,
  deps: WebDeps & { renderCache: RenderCache | null; renderConcurrency?: number },
  registrations: readonly ((site: Site) => void)[],
): void {
  const pages = createPageCache(deps.renderCache, deps.renderConcurrency);
  app.register(
    async (scope) => {
      scope.addHook('onRequest', pages.serveCached);
      scope.addHook('onSend', pages.finishRender);
      // An address whose first segment is not a supported locale does not exist.
      scope.addHook('preValidation', async (request: FastifyRequest<{ Params: LocaleParams }>) => {
        if (!deps.catalogue.isSupported(request.params.locale)) throw new NotFoundError();
      });
      const site: Site = {
        app: scope,
        pages,
        ctxOf: (request, reply) => pageContext(deps, request, reply, request.params.locale),
      };
      for (const register of registrations) register(site);
    },
    { prefix: '/:locale' },
  );
}
