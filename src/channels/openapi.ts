/**
 * The public JSON API described as OpenAPI 3.1: served as JSON at /api/openapi.json and as a page
 * for people at /<locale>/api. What a caller gets is what the same person sees on the site.
 */
import { ITEM_SECTIONS, ITEM_TYPES } from '../features/knowledge/index.js';

const localeParameter = (locales: readonly string[]) => ({
  name: 'lang',
  in: 'query',
  description:
    'Language of titles, summaries and addresses (the original text where there is no translation).',
  schema: { type: 'string', enum: [...locales], default: 'en' },
});

const filterParameters = [
  {
    name: 'type',
    in: 'query',
    description: 'Kind of item.',
    schema: { type: 'string', enum: [...ITEM_TYPES] },
  },
  {
    name: 'theme',
    in: 'query',
    description: 'Theme key, e.g. housing.',
    schema: { type: 'string' },
  },
  {
    name: 'sdg',
    in: 'query',
    description: 'Sustainable Development Goal, 1 to 17.',
    schema: { type: 'integer', minimum: 1, maximum: 17 },
  },
  {
    name: 'country',
    in: 'query',
    description: 'ISO 3166-1 alpha-2 country code.',
    schema: { type: 'string', pattern: '^[A-Z]{2}$' },
  },
  {
    name: 'language',
    in: 'query',
    description: 'Items that have a text in this language.',
    schema: { type: 'string' },
  },
  {
    name: 'year',
    in: 'query',
    description: 'Year of the item’s date.',
    schema: { type: 'integer' },
  },
  {
    name: 'page',
    in: 'query',
    description: 'Page of results, from 1.',
    schema: { type: 'integer', minimum: 1, default: 1 },
  },
];

const itemSummary = {
  type: 'object',
  required: ['type', 'section', 'slug', 'title', 'summary', 'language', 'date', 'themes', 'url'],
  properties: {
    type: { type: 'string', enum: [...ITEM_TYPES] },
    section: { type: 'string', enum: [...ITEM_SECTIONS] },
    slug: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    language: { type: 'string', description: 'Language of the title and summary.' },
    date: { type: 'string', format: 'date' },
    themes: { type: 'array', items: { type: 'string' } },
    url: { type: 'string', format: 'uri' },
  },
};

const problem = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'A stable code.' },
    message: { type: 'string' },
  },
};

/** The API's description, for a site at `publicUrl` in these languages. */
export function openApiDocument(publicUrl: string, locales: readonly string[]) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Human Rights Cities Network API',
      version: '1',
      description:
        'Read the Knowledge Centre of the Human Rights Cities Network: lists of items with filters, single items, and search across items in every language. Anonymous callers read the public layer; a signed-in member’s session cookie also gives the members layer. Rate limited to 60 requests a minute per address for search.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: publicUrl }],
    paths: {
      '/api/items': {
        get: {
          operationId: 'listItems',
          summary: 'List published items, newest first.',
          parameters: [
            {
              name: 'section',
              in: 'query',
              description: 'Knowledge Centre section.',
              schema: { type: 'string', enum: [...ITEM_SECTIONS] },
            },
            {
              name: 'right',
              in: 'query',
              description: 'Article of the Universal Declaration of Human Rights, 1 to 30.',
              schema: { type: 'integer', minimum: 1, maximum: 30 },
            },
            ...filterParameters,
            localeParameter(locales),
          ],
          responses: {
            '200': {
              description: 'One page of items (20 a page).',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['page', 'pages', 'total', 'items'],
                    properties: {
                      page: { type: 'integer' },
                      pages: { type: 'integer' },
                      total: { type: 'integer' },
                      withheld: {
                        type: 'integer',
                        description: 'Matching items for network members only.',
                      },
                      items: { type: 'array', items: itemSummary },
                    },
                  },
                },
              },
            },
          },
        },
      },
      '/api/items/{slug}': {
        get: {
          operationId: 'getItem',
          summary: 'One published item, without the parts the caller may not read.',
          parameters: [
            { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
            localeParameter(locales),
          ],
          responses: {
            '200': {
              description:
                'The item. `body` and `fields` values are Markdown; withheld parts are null and named in `withheld`.',
              content: {
                'application/json': {
                  schema: {
                    allOf: [
                      itemSummary,
                      {
                        type: 'object',
                        properties: {
                          body: { type: ['string', 'null'] },
                          fields: {
                            type: 'object',
                            additionalProperties: { type: ['string', 'null'] },
                          },
                          withheld: { type: 'array', items: { type: 'string' } },
                          attributes: { type: 'object', additionalProperties: { type: 'string' } },
                          sdgs: { type: 'array', items: { type: 'integer' } },
                          sdgTargets: { type: 'array', items: { type: 'string' } },
                          rights: { type: 'array', items: { type: 'integer' } },
                          countries: { type: 'array', items: { type: 'string' } },
                          translations: {
                            type: 'array',
                            items: {
                              type: 'object',
                              properties: {
                                language: { type: 'string' },
                                status: {
                                  type: 'string',
                                  enum: ['original', 'reviewed', 'needs-review'],
                                },
                              },
                            },
                          },
                          related: { type: 'array', items: itemSummary },
                          files: {
                            type: 'array',
                            description: 'Attached files the caller may download.',
                            items: {
                              type: 'object',
                              properties: {
                                title: { type: 'string' },
                                fileName: { type: 'string' },
                                mediaType: { type: 'string' },
                                size: { type: 'integer', description: 'Bytes.' },
                                language: { type: 'string' },
                                url: { type: 'string', format: 'uri' },
                              },
                            },
                          },
                          withheldFiles: {
                            type: 'integer',
                            description: 'Attached files for network members only.',
                          },
                        },
                      },
                    ],
                  },
                },
              },
            },
            '403': {
              description: 'The item is for network members only.',
              content: { 'application/json': { schema: problem } },
            },
            '404': {
              description: 'No such published item.',
              content: { 'application/json': { schema: problem } },
            },
          },
        },
      },
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
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
