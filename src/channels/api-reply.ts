/** What every JSON address under /api shares: who asks, in which language, and the answer's headers. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, type Viewer } from '../features/access/index.js';
import { REFERENCE_LOCALE, type Catalogue } from '../platform/i18n/catalogue.js';
import type { Query } from './kind.js';

/** The language of `lang`, or the reference language when it is absent or unsupported. */
export function apiLocaleOf(catalogue: Catalogue, query: Query): string {
  const lang = typeof query.lang === 'string' ? query.lang : REFERENCE_LOCALE;
  return catalogue.isSupported(lang) ? lang : REFERENCE_LOCALE;
}

/** The person asking: a member's session reads the members layer too. */
export const apiViewerOf = (request: FastifyRequest): Viewer => request.viewer ?? ANONYMOUS;

/** A JSON answer that no shared cache keeps. */
export const json = (reply: FastifyReply): FastifyReply =>
  reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8');
