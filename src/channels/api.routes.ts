/**
 * The public JSON API (/api/…), described by openapi.ts. Each answer is what the caller would see
 * on the site: a visitor reads the public layer, a member's session the members layer too.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS } from '../features/access/index.js';
import {
  ITEM_SECTIONS,
  type ItemSection,
  type ItemSummaryView,
  type ItemsRepository,
} from '../features/knowledge/index.js';
import { MAX_QUERY_LENGTH, SNIPPET_MARKS, type SearchService } from '../features/search/index.js';
import { NotFoundError } from '../platform/errors/errors.js';
import { REFERENCE_LOCALE, type Catalogue } from '../platform/i18n/catalogue.js';
import { negotiateLocale } from '../platform/i18n/negotiate.js';
import { itemFilter, pageOf, searchRequest, type Query } from '../features/knowledge/filters.js';
import { openApiDocument } from './openapi.js';

export interface ApiDeps {
  items: ItemsRepository;
  searchService: SearchService;
  catalogue: Catalogue;
  publicUrl: string;
  contentLocales: readonly string[];
}

const SEARCH_LIMIT = { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } };

export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { publicUrl, catalogue } = deps;
  const localeOf = (query: Query): string => {
    const lang = typeof query.lang === 'string' ? query.lang : REFERENCE_LOCALE;
    return catalogue.isSupported(lang) ? lang : REFERENCE_LOCALE;
  };
  const viewerOf = (request: FastifyRequest) => request.viewer ?? ANONYMOUS;
  const summary = (item: ItemSummaryView, locale: string) => ({
    type: item.type,
    section: item.section,
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    language: item.locale,
    date: item.date,
    themes: item.themes,
    url: `${publicUrl}/${locale}/knowledge/${item.section}/${item.slug}`,
  });
  const json = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8');

  app.get<{ Querystring: Query }>('/api/items', async (request, reply) => {
    const locale = localeOf(request.query);
    const section = request.query.section;
    const filter = itemFilter(request.query, deps.contentLocales);
    if (typeof section === 'string' && (ITEM_SECTIONS as readonly string[]).includes(section))
      filter.section = section as ItemSection;
    const listing = await deps.items.listItems(
      viewerOf(request),
      filter,
      locale,
      pageOf(request.query),
    );
    return json(reply).send({
      page: listing.page,
      pages: listing.pages,
      total: listing.total,
      withheld: listing.withheld,
      items: listing.items.map((item) => summary(item, locale)),
    });
  });

  app.get<{ Params: { slug: string }; Querystring: Query }>(
    '/api/items/:slug',
    async (request, reply) => {
      const locale = localeOf(request.query);
      const item = await deps.items.findItem(viewerOf(request), request.params.slug, locale);
      if (item === null) throw new NotFoundError();
      if (item === 'members-only')
        return json(reply)
          .status(403)
          .send({ error: 'membersOnly', message: 'This item is for network members only.' });
      return json(reply).send({
        ...summary(item, locale),
        body: item.body,
        fields: item.fields,
        withheld: item.withheld,
        attributes: item.attributes,
        sdgs: item.sdgs,
        sdgTargets: item.sdgTargets,
        rights: item.rights,
        countries: item.countries,
        translations: item.translations.map((translation) => ({
          language: translation.locale,
          status: translation.status,
        })),
        related: item.related.map((related) => summary(related, locale)),
        files: item.files.map((file) => ({
          title: file.title,
          fileName: file.fileName,
          mediaType: file.mediaType,
          size: file.sizeBytes,
          language: file.locale,
          url: `${publicUrl}/${locale}/files/${file.id}/${encodeURIComponent(file.fileName)}`,
        })),
        withheldFiles: item.withheldFiles,
      });
    },
  );

  app.get<{ Querystring: Query }>('/api/search', SEARCH_LIMIT, async (request, reply) => {
    const parsed = searchRequest(request.query, deps.contentLocales);
    const locale = localeOf(request.query);
    if (parsed.tooLong || !parsed.query)
      return json(reply)
        .status(400)
        .send({
          error: parsed.tooLong ? 'search.tooLong' : 'search.queryRequired',
          message: parsed.tooLong
            ? `The query is too long: at most ${MAX_QUERY_LENGTH} characters.`
            : 'Give the words to search for in q.',
        });
    const outcome = await deps.searchService.search(
      viewerOf(request),
      parsed.query,
      locale,
      parsed.filter,
      parsed.page,
      { exact: parsed.exact },
    );
    return json(reply).send({
      query: parsed.query,
      corrected: outcome.corrected,
      page: parsed.page,
      total: outcome.items.total,
      more: outcome.items.more,
      facets: outcome.items.facets,
      items: outcome.items.hits.map((hit) => ({
        type: hit.type,
        title: hit.title,
        language: hit.locale,
        date: hit.date,
        url: `${publicUrl}/${locale}/knowledge/${hit.section}/${hit.slug}`,
        snippet: hit.snippet.replaceAll(SNIPPET_MARKS.start, '').replaceAll(SNIPPET_MARKS.stop, ''),
      })),
      site: outcome.site.map((hit) => ({
        kind: hit.kind,
        title: hit.title,
        url: hit.url.startsWith('/') ? `${publicUrl}/${locale}${hit.url}` : hit.url,
      })),
    });
  });

  app.get('/api/openapi.json', async (_request, reply) =>
    json(reply).send(openApiDocument(publicUrl, catalogue.locales)),
  );

  // People get the documentation page in their language; programs asking for JSON get the document.
  app.get('/api/docs', async (request, reply) => {
    const accept = request.headers.accept ?? '';
    if (accept.includes('application/json') && !accept.includes('text/html'))
      return json(reply).send(openApiDocument(publicUrl, catalogue.locales));
    const locale = negotiateLocale(
      request.headers['accept-language'],
      catalogue.locales,
      REFERENCE_LOCALE,
    );
    return reply.header('vary', 'Accept, Accept-Language').redirect(`/${locale}/api`, 302);
  });
}
