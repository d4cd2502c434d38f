/**
 * The public JSON API described as OpenAPI 3.1: served as JSON at /api/openapi.json and as a page
 * for people at /<locale>/api. Each kind on the API brings its list and entry; features add the
 * paths they serve themselves (search). What a caller gets is what the same person sees on the site.
 */
import type { ContentKind } from './kind.js';

/** The `lang` parameter every operation takes. */
export const localeParameter = (locales: readonly string[]) => ({
  name: 'lang',
  in: 'query',
  description:
    'Language of titles, summaries and addresses (the original text where there is no translation).',
  schema: { type: 'string', enum: [...locales], default: 'en' },
});

/** The body of every error answer. */
export const problem = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'A stable code.' },
    message: { type: 'string' },
  },
};

/** The two operations of a kind on the API. */
function kindPaths(kind: ContentKind, locales: readonly string[]): Record<string, unknown> {
  const api = kind.api;
  if (!api) return {};
  const json = (schema: unknown) => ({ 'application/json': { schema } });
  const name = kind.name.charAt(0).toUpperCase() + kind.name.slice(1);
  return {
    [`/api/${kind.plural}`]: {
      get: {
        operationId: `list${name}s`,
        summary: api.summaries.list,
        parameters: [...api.parameters, localeParameter(locales)],
        responses: {
          '200': {
            description: api.descriptions.list,
            content: json({
              type: 'object',
              required: ['page', 'pages', 'total', 'items'],
              properties: {
                page: { type: 'integer' },
                pages: { type: 'integer' },
                total: { type: 'integer' },
                withheld: {
                  type: 'integer',
                  description: `Matching ${kind.plural} for network members only.`,
                },
                items: { type: 'array', items: api.schemas.summary },
              },
            }),
          },
        },
      },
    },
    [`/api/${kind.plural}/{${api.key}}`]: {
      get: {
        operationId: `get${name}`,
        summary: api.summaries.find,
        parameters: [
          { name: api.key, in: 'path', required: true, schema: { type: 'string' } },
          localeParameter(locales),
        ],
        responses: {
          '200': {
            description: api.descriptions.find,
            content: json({ allOf: [api.schemas.summary, api.schemas.detail] }),
          },
          '403': { description: api.descriptions.membersOnly, content: json(problem) },
          '404': { description: api.descriptions.notFound, content: json(problem) },
        },
      },
    },
  };
}

/** The API's description, for a site at `publicUrl` in these languages. */
export function openApiDocument(
  publicUrl: string,
  locales: readonly string[],
  kinds: readonly ContentKind[],
  paths: Record<string, unknown>,
) {
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
    paths: Object.assign({}, ...kinds.map((kind) => kindPaths(kind, locales)), paths) as Record<
      string,
      {
        get: {
          operationId: string;
          summary: string;
          parameters: readonly unknown[];
          responses: Record<string, unknown>;
        };
      }
    >,
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
