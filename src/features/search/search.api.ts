/** The search in the JSON API: /api/search, and its OpenAPI description. */
import type { FastifyInstance } from 'fastify';
import { apiLocaleOf, apiViewerOf, json } from '../../channels/api-reply.js';
import { filterParameters } from '../knowledge/index.js';
import { localeParameter, problem } from '../../channels/openapi.js';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import { SNIPPET_MARKS } from './items-search.repository.js';
import { searchRequest } from './search-request.js';
import type { Query } from '../../platform/http/query.js';
import { MAX_QUERY_LENGTH } from './search.repository.js';
import type { SearchService } from './search.service.js';

const SEARCH_LIMIT = { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } };

/** The OpenAPI path of the search, for a site in these languages. */
export function searchOpenApi(locales: readonly string[]) {
  return {
    '/api/search': {
      get: {
        operationId: 'search',
        summary: 'Search items, pages, useful links and member organisations.',
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: true,
            description: 'Words; "a phrase", OR, -word.',
            schema: { type: 'string', maxLength: 200 },
          },
          {
            name: 'exact',
            in: 'query',
            description: '1 to search as typed, without typo correction.',
            schema: { type: 'string', enum: ['1'] },
          },
          ...filterParameters,
          localeParameter(locales),
        ],
        responses: {
          '200': {
            description: 'Results, newest 1,000 matches ranked; facets count the same set.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    query: { type: 'string' },
                    corrected: {
                      type: ['string', 'null'],
                      description: 'The corrected query the results are for.',
                    },
                    page: { type: 'integer' },
                    total: { type: 'integer' },
                    more: { type: 'boolean', description: 'More matches than were ranked.' },
                    facets: {
                      type: 'object',
                      additionalProperties: {
                        type: 'array',
                        items: {
                          type: 'object',
                          properties: { value: { type: 'string' }, count: { type: 'integer' } },
                        },
                      },
                    },
                    items: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          type: { type: 'string' },
                          title: { type: 'string' },
                          language: { type: 'string' },
                          date: { type: 'string', format: 'date' },
                          url: { type: 'string', format: 'uri' },
                          snippet: { type: 'string' },
                        },
                      },
                    },
                    site: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          kind: { type: 'string' },
                          title: { type: 'string' },
                          url: { type: 'string' },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            description: 'No query, or a query over 200 characters.',
            content: { 'application/json': { schema: problem } },
          },
          '429': { description: 'Too many requests: wait and try again.' },
        },
      },
    },
  };
}

export function registerSearchApi(
  app: FastifyInstance,
  deps: {
    searchService: SearchService;
    catalogue: Catalogue;
    publicUrl: string;
    contentLocales: readonly string[];
  },
): void {
  const { publicUrl, catalogue } = deps;
  app.get<{ Querystring: Query }>('/api/search', SEARCH_LIMIT, async (request, reply) => {
    const parsed = searchRequest(request.query, deps.contentLocales);
    const locale = apiLocaleOf(catalogue, request.query);
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
      apiViewerOf(request),
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
}
