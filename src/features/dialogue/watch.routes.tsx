/**
 * Watching: a signed-in reader watches a thread or a space (or stops); an e-mail's signed link
 * stops a watch, by a button on its page or by the mail program's one-click POST (RFC 8058),
 * which carries no cookie and needs none: the signature is the permission.
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
} from '../access/index.js';
import type { DialogueService } from './dialogue.service.js';
import type { SpaceParams, ThreadParams } from './dialogue.routing.js';
import type { NotificationsService } from './notifications.service.js';
import { UnsubscribePage } from './pages/unsubscribe.page.js';

type Body = Record<string, unknown> | undefined;
type UnsubscribeParams = LocaleParams & { watch: string; signature: string };

export function registerWatchRoutes(
  site: FastifyInstance,
  deps: { dialogue: DialogueService; notifications: NotificationsService },
  ctxOf: Ctx,
): void {
  const limited = formPost(site, 30);
  const { dialogue, notifications } = deps;

  /** Follows (or stops following) a space, or one of its threads when the address names one. */
  const toggle = async (
    request: FastifyRequest<{ Params: SpaceParams & { number?: string }; Body: Body }>,
    reply: FastifyReply,
  ) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const { number } = request.params;
    const found =
      number === undefined
        ? await dialogue.space(viewer, request.params.space)
        : await dialogue.locate(viewer, request.params.space, number);
    if (!found || found === 'hidden') throw new NotFoundError();
    const { space, thread } = 'thread' in found ? found : { space: found, thread: null };
    const target = thread ? { threadId: thread.id } : { spaceId: space.id };
    if (request.body?.watch === 'off') await notifications.unwatch(viewer.id, target);
    else await notifications.watch(viewer.id, target);
    const back = thread ? `/dialogue/${space.slug}/${thread.number}` : `/dialogue/${space.slug}`;
    return reply.redirect(ctx.href(back), 303);
  };
  site.post<{ Params: SpaceParams; Body: Body }>('/dialogue/:space/watch', limited, toggle);
  site.post<{ Params: ThreadParams; Body: Body }>(
    '/dialogue/:space/:number/watch',
    limited,
    toggle,
  );

  const unsubscribePath = '/dialogue/unsubscribe/:watch/:signature';
  site.get<{ Params: UnsubscribeParams }>(unsubscribePath, async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const { watch, signature } = request.params;
    const known = await notifications.watchOf(watch, signature);
    return sendPage(
      reply,
      <UnsubscribePage
        ctx={ctx}
        action={ctx.href(`/dialogue/unsubscribe/${watch}/${signature}`)}
        state={known ? 'ask' : 'unknown'}
      />,
      PRIVATE,
    );
  });

  // No CSRF token: mail programs post here without cookies (RFC 8058); the signature suffices.
  site.post<{ Params: UnsubscribeParams }>(
    unsubscribePath,
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const { watch, signature } = request.params;
      const done = await notifications.unsubscribe(watch, signature);
      return sendPage(
        reply,
        <UnsubscribePage ctx={ctx} action="" state={done ? 'done' : 'unknown'} />,
        { ...PRIVATE, status: done ? 200 : 404 },
      );
    },
  );
}
