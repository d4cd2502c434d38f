/**
 * The public JSON API (/api/<plural>, /api/<plural>/<key>) over every kind that declares one, and
 * its OpenAPI 3.1 document. Each answer is what the caller would see on the site: a visitor reads
 * the public layer, a member's session the members layer too.
 */
import type { FastifyInstance } from 'fastify';
import { apiLocaleOf, apiViewerOf, json } from './api-reply.js';
import { NotFoundError } from '../platform/errors/errors.js';
import { REFERENCE_LOCALE, type Catalogue } from '../platform/i18n/catalogue.js';
import { negotiateLocale } from '../platform/i18n/negotiate.js';
import type { ContentKind, Query } from './kind.js';
import type { OpenApiDocument } from './openapi.js';

export interface ApiDeps {
  kinds: readonly ContentKind[];
  catalogue: Catalogue;
  /** The API's description (built once). */
  document: OpenApiDocument;
}

export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { catalogue, document } = deps;

  for (const kind of deps.kinds) {
    const api = kind.api;
    if (!api) continue;
    app.get<{ Querystring: Query }>(`/api/${kind.plural}`, async (request, reply) =>
      json(reply).send(
        await api.list(apiViewerOf(request), request.query, apiLocaleOf(catalogue, request.query)),
      ),
    );
    app.get<{ Params: { key: string }; Querystring: Query }>(
      `/api/${kind.plural}/:key`,
      async (request, reply) => {
        const entry = await api.find(
          apiViewerOf(request),
          request.params.key,
          apiLocaleOf(catalogue, request.query),
        );
        if (entry === null) throw new NotFoundError();
        if (entry === 'members-only')
          return json(reply)
            .status(403)
            .send({
              error: 'membersOnly',
              message: `This ${kind.name} is for network members only.`,
            });
        return json(reply).send(entry);
      },
    );
  }

  app.get('/api/openapi.json', async (_request, reply) => json(reply).send(document));

  // People get the documentation page in their language; programs asking for JSON get the document.
  app.get('/api/docs', async (request, reply) => {
    const accept = request.headers.accept ?? '';
    if (accept.includes('application/json') && !accept.includes('text/html'))
      return json(reply).send(document);
    const locale = negotiateLocale(
      request.headers['accept-language'],
      catalogue.locales,
      REFERENCE_LOCALE,
    );
    return reply.header('vary', 'Accept, Accept-Language').redirect(`/${locale}/api`, 302);
  });
}
