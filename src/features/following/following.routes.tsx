/**
 * Following's addresses: the Follow button's post, /account/following, the notification page and
 * its settings, and a digest's signed stop link (GET: a button; POST: one click, no cookie —
 * RFC 8058). Every route: validate → authorise → act → present.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors/errors.js';
import { isUuid } from '../../platform/db/columns.js';
import { sendPage } from '../../ui/render.js';
import {
  PRIVATE,
  formPost,
  signedInOrRedirect,
  type Ctx,
  type LocaleParams,
  type SignedInViewer,
} from '../access/index.js';
import type { Digests } from './digests.service.js';
import type { FollowingService } from './following.service.js';
import { FollowingPage, type WatchedDiscussion } from './pages/following.page.js';
import { NotificationsPage } from './pages/notifications.page.js';
import { SettingsPage } from './pages/settings.page.js';
import { StopPage } from './pages/stop.page.js';

type Body = Record<string, unknown> | undefined;
type StopParams = LocaleParams & { user: string; kinds: string; signature: string };

export interface FollowingRouteDeps {
  following: FollowingService;
  digests: Digests;
  /** The discussions a person watches, and stopping one (the dialogue's watches). */
  discussions(viewer: SignedInViewer): Promise<readonly WatchedDiscussion[]>;
  stopWatching(userId: string, watchId: string): Promise<void>;
}

/** A path on this site to go back to, or the account page. */
const localPath = (value: unknown): string =>
  typeof value === 'string' && /^\/(?!\/)[^\s\\]{0,500}$/.test(value)
    ? value
    : '/account/following';

export function registerFollowingRoutes(
  site: FastifyInstance,
  deps: FollowingRouteDeps,
  ctxOf: Ctx,
): void {
  const limited = formPost(site, 60);
  const { following } = deps;

  site.post<{ Params: LocaleParams; Body: Body }>('/follow', limited, async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const topic = request.body?.topic;
    if (request.body?.follow === 'off') await following.unfollow(viewer.id, topic);
    else if (!(await following.follow(viewer.id, topic))) throw new NotFoundError();
    return reply.redirect(ctx.href(localPath(request.body?.back)), 303);
  });

  const followingPage = async (
    request: FastifyRequest<{ Params: LocaleParams }>,
    reply: FastifyReply,
    notice?: 'stopped',
  ) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const [topics, discussions] = await Promise.all([
      following.following(viewer.id, ctx.locale),
      deps.discussions(viewer),
    ]);
    return sendPage(
      reply,
      <FollowingPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        topics={topics}
        discussions={discussions}
        notice={notice}
      />,
      PRIVATE,
    );
  };
  site.get<{ Params: LocaleParams; Querystring: { done?: string } }>(
    '/account/following',
    (request, reply) =>
      followingPage(request, reply, request.query.done === 'stopped' ? 'stopped' : undefined),
  );
  site.post<{ Params: LocaleParams; Body: Body }>(
    '/account/following/stop',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const watch = request.body?.watch;
      if (isUuid(watch)) await deps.stopWatching(viewer.id, watch);
      else await following.unfollow(viewer.id, request.body?.topic);
      return reply.redirect(ctx.href('/account/following?done=stopped'), 303);
    },
  );

  site.get<{ Params: LocaleParams; Querystring: { page?: string; unread?: string } }>(
    '/account/notifications',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const page = Math.min(Math.max(Number(request.query.page) || 1, 1), 1000);
      const unreadOnly = request.query.unread === '1';
      const found = await following.notifications(viewer, ctx.locale, page, unreadOnly);
      return sendPage(
        reply,
        <NotificationsPage
          ctx={ctx}
          csrfToken={reply.generateCsrf()}
          entries={found.entries}
          unread={found.unread}
          unreadOnly={unreadOnly}
          page={page}
          pages={found.pages}
        />,
        PRIVATE,
      );
    },
  );

  // Opening a notification marks it read, then leads to what it tells of.
  site.get<{ Params: LocaleParams & { id: string } }>(
    '/account/notifications/:id/open',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const { id } = request.params;
      if (!isUuid(id)) throw new NotFoundError();
      const target = await following.open(viewer, ctx.locale, id);
      if (!target) throw new NotFoundError();
      return reply.redirect(target, 303);
    },
  );

  site.post<{ Params: LocaleParams; Body: Body }>(
    '/account/notifications/mark',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const id = request.body?.id;
      const read = request.body?.read !== 'no';
      if (id === 'all') await following.mark(viewer.id, null, read);
      else if (isUuid(id)) await following.mark(viewer.id, [id], read);
      return reply.redirect(ctx.href('/account/notifications'), 303);
    },
  );

  const settings = async (
    request: FastifyRequest<{ Params: LocaleParams }>,
    reply: FastifyReply,
    saved: boolean,
  ) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    return sendPage(
      reply,
      <SettingsPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        cadences={await following.cadences(viewer.id)}
        saved={saved}
      />,
      PRIVATE,
    );
  };
  site.get<{ Params: LocaleParams; Querystring: { done?: string } }>(
    '/account/notifications/settings',
    (request, reply) => settings(request, reply, request.query.done === 'saved'),
  );
  site.post<{ Params: LocaleParams; Body: Body }>(
    '/account/notifications/settings',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      await following.setCadences(viewer.id, request.body ?? {});
      return reply.redirect(ctx.href('/account/notifications/settings?done=saved'), 303);
    },
  );

  const stopPath = '/account/notifications/stop/:user/:kinds/:signature';
  const stopPage = async (
    request: FastifyRequest<{ Params: StopParams }>,
    reply: FastifyReply,
    act: boolean,
  ) => {
    const ctx = ctxOf(request, reply);
    const { user, kinds, signature } = request.params;
    const categories = isUuid(user) ? deps.digests.stopLink(user, kinds, signature) : null;
    if (categories && act) await following.stop(user, categories);
    const names = (categories ?? [])
      .map((category) => ctx.text(`following.category.${category}`))
      .join(', ');
    return sendPage(
      reply,
      <StopPage
        ctx={ctx}
        action={ctx.href(`/account/notifications/stop/${user}/${kinds}/${signature}`)}
        state={!categories ? 'unknown' : act ? 'done' : 'ask'}
        kinds={names}
      />,
      { ...PRIVATE, status: categories ? 200 : 404 },
    );
  };
  site.get<{ Params: StopParams }>(stopPath, (request, reply) => stopPage(request, reply, false));
  // No CSRF token: mail programs post here without cookies (RFC 8058); the signature suffices.
  site.post<{ Params: StopParams }>(
    stopPath,
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    (request, reply) => stopPage(request, reply, true),
  );
}
