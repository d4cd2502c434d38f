/**
 * What the routes of signed-in people's forms share: the redirect to sign in, and the options of
 * a form post (CSRF check, a rate limit per address).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInViewer } from './accounts.service.js';
import type { PageContext } from '../../ui/context.js';

export type LocaleParams = { locale: string };
export type Ctx = (
  request: FastifyRequest<{ Params: LocaleParams }>,
  reply: FastifyReply,
) => PageContext;

/** Pages that differ per person are never stored by a cache. */
export const PRIVATE = { cache: 'no-store' } as const;

/** The signed-in person, or null after sending a visitor to the sign-in page. */
export function signedInOrRedirect(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: PageContext,
): SignedInViewer | null {
  if (request.viewer) return request.viewer;
  void reply.redirect(ctx.href('/sign-in'), 303);
  return null;
}

/** Route options of a form post: the CSRF token checked, at most `max` posts a minute. */
export const formPost = (site: FastifyInstance, max = 60) => ({
  preHandler: site.csrfProtection,
  config: { rateLimit: { max, timeWindow: '1 minute' } },
});
