/**
 * A person's own events (/account/events) and their private calendar feed
 * (/events/feed/<token>/calendar.ics, opened by the token alone, for calendar programs). Every
 * route: validate → authorise → act → present.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors/errors.js';
import { sendPage } from '../../ui/render.js';
import {
  PRIVATE,
  formPost,
  signedInOrRedirect,
  type Ctx,
  type LocaleParams,
  type SignedInViewer,
} from '../access/index.js';
import type { MyEventsService } from './my-events.service.js';
import { MyEventsPage, type MyEventsNotice } from './pages/my-events.page.js';

export function registerMyEventsRoutes(
  site: FastifyInstance,
  deps: { mine: MyEventsService },
  ctxOf: Ctx,
): void {
  const limited = formPost(site);

  /** The page, with what the last action leaves on it (a notice, a new address, a problem). */
  const page = async (
    request: FastifyRequest<{ Params: LocaleParams }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    shown: { notice?: MyEventsNotice; feedUrl?: string; zoneError?: string } = {},
  ) => {
    const ctx = ctxOf(request, reply);
    const { events, hasFeed, timeZone } = await deps.mine.page(viewer, ctx.locale);
    return sendPage(
      reply,
      <MyEventsPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        events={events}
        hasFeed={hasFeed}
        timeZone={timeZone}
        {...shown}
      />,
      { ...PRIVATE, status: shown.zoneError ? 422 : 200 },
    );
  };

  site.get<{ Params: LocaleParams; Querystring: { done?: string } }>(
    '/account/events',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const done = request.query.done;
      return page(request, reply, viewer, {
        notice: done === 'feed-off' || done === 'zone' ? done : undefined,
      });
    },
  );

  // The new address is shown in the answer itself, once: only its hash is kept.
  site.post<{ Params: LocaleParams }>('/account/events/feed', limited, async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    return page(request, reply, viewer, { feedUrl: await deps.mine.newFeed(viewer, ctx.locale) });
  });

  site.post<{ Params: LocaleParams; Body: Record<string, unknown> }>(
    '/account/events/zone',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      if (await deps.mine.setZone(viewer, request.body?.timeZone))
        return reply.redirect(ctx.href('/account/events?done=zone'), 303);
      return page(request, reply, viewer, { zoneError: 'events.errors.timeZone' });
    },
  );

  site.post<{ Params: LocaleParams }>(
    '/account/events/feed/off',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      await deps.mine.revokeFeed(viewer);
      return reply.redirect(ctx.href('/account/events?done=feed-off'), 303);
    },
  );

  site.get<{ Params: LocaleParams & { token: string } }>(
    '/events/feed/:token/calendar.ics',
    async (request, reply) => {
      const token = request.params.token;
      const body = /^[\w-]{20,100}$/.test(token) ? await deps.mine.feed(token) : null;
      if (body === null) throw new NotFoundError();
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('x-robots-tag', 'noindex')
        .header('referrer-policy', 'no-referrer')
        .send(body);
    },
  );
}
