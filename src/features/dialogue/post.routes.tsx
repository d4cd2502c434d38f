/**
 * A post's actions (edit, delete, flag), the thread's answer, and a moderator's thread tools
 * (lock, pin, move). Every route: validate → authorise → act → present.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors/errors.js';
import type { FormState } from '../../ui/components/form.js';
import { sendPage } from '../../ui/render.js';
import type { formPost } from '../access/index.js';
import { PRIVATE, signedInOrRedirect, type Ctx, type SignedInViewer } from '../access/index.js';
import {
  stringValues,
  type Body,
  type DialogueRouteDeps,
  type PostParams,
  type ThreadParams,
} from './dialogue.routing.js';
import { THREAD_ACTIONS, type ThreadAction } from './moderation.service.js';
import { EditPostPage } from './pages/post-form.page.js';
import type { ThreadNotice } from './pages/thread.page.js';
import type { Space } from './spaces.repository.js';
import type { Thread } from './threads.repository.js';

export interface Shared {
  threadOf(
    request: FastifyRequest<{ Params: ThreadParams }>,
  ): Promise<{ space: Space; thread: Thread }>;
  threadPage(
    request: FastifyRequest<{ Params: ThreadParams }>,
    reply: FastifyReply,
    at: { page?: number; position?: number },
    shown?: { form?: FormState; notice?: ThreadNotice; status?: number },
  ): Promise<FastifyReply>;
  backTo(
    reply: FastifyReply,
    ctx: { href(path: string): string },
    target: { space: string; number: number | string; position?: number; notice?: ThreadNotice },
  ): FastifyReply;
  limited: ReturnType<typeof formPost>;
}

/** A post's actions: edit, delete, flag; the thread's answer; a moderator's thread tools. */
export function registerPostRoutes(
  site: FastifyInstance,
  deps: DialogueRouteDeps,
  ctxOf: Ctx,
  shared: Shared,
): void {
  const { dialogue, moderation } = deps;
  const { threadOf, threadPage, backTo, limited } = shared;

  const editPage = async (
    request: FastifyRequest<{ Params: PostParams }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    form: FormState | null,
  ) => {
    const ctx = ctxOf(request, reply);
    const { space, thread } = await threadOf(request);
    const post = await dialogue.ownPost(viewer, thread, request.params.post);
    if (!post) throw new NotFoundError();
    const base = ctx.href(`/dialogue/${space.slug}/${thread.number}`);
    return sendPage(
      reply,
      <EditPostPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        action={`${base}/posts/${post.id}/edit`}
        back={`${base}?post=${post.position}#p${post.position}`}
        withTitle={post.position === 1}
        form={form ?? { values: { body: post.body, title: thread.title }, errors: {} }}
      />,
      { ...PRIVATE, status: form ? 422 : 200 },
    );
  };

  /** Where an action leaves the reader: the thread (at a post, with a notice), or a page. */
  type Outcome =
    { page: FastifyReply } | { space?: string; position?: number; notice?: ThreadNotice };

  /** A signed-in person's action on a thread they read: the thread found, then `act`. */
  const onThread = (
    path: string,
    act: (context: {
      request: FastifyRequest<{ Params: PostParams; Body: Body }>;
      reply: FastifyReply;
      viewer: SignedInViewer;
      space: Space;
      thread: Thread;
    }) => Promise<Outcome | null>,
  ) =>
    site.post<{ Params: PostParams; Body: Body }>(path, limited, async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const { space, thread } = await threadOf(request);
      const outcome = await act({ request, reply, viewer, space, thread });
      if (!outcome) throw new NotFoundError();
      if ('page' in outcome) return outcome.page;
      return backTo(reply, ctx, { space: space.slug, number: thread.number, ...outcome });
    });

  site.get<{ Params: PostParams }>(
    '/dialogue/:space/:number/posts/:post/edit',
    async (request, reply) => {
      const viewer = signedInOrRedirect(request, reply, ctxOf(request, reply));
      if (!viewer) return reply;
      return editPage(request, reply, viewer, null);
    },
  );

  onThread('/dialogue/:space/:number/posts/:post/edit', async (c) => {
    const edited = await dialogue.edit(
      c.viewer,
      c.space,
      c.thread,
      c.request.params.post,
      c.request.body,
    );
    if (!edited) return null;
    if (!edited.ok)
      return {
        page: await editPage(c.request, c.reply, c.viewer, {
          values: stringValues(c.request.body),
          errors: edited.errors,
        }),
      };
    return { position: edited.position };
  });

  onThread('/dialogue/:space/:number/posts/:post/delete', async (c) =>
    (await dialogue.deleteOwn(c.viewer, c.thread, c.request.params.post))
      ? { notice: 'deleted' }
      : null,
  );

  onThread('/dialogue/:space/:number/posts/:post/flag', async (c) => {
    const flagged = await moderation.flag(
      c.viewer,
      c.thread,
      c.request.params.post,
      c.request.body,
    );
    if (!flagged) return null;
    if (!flagged.ok)
      return {
        page: await threadPage(
          c.request,
          c.reply,
          {},
          {
            form: { values: {}, errors: { form: 'dialogue.errors.flagReason' } },
            status: 422,
          },
        ),
      };
    return { notice: flagged.hidden ? 'hidden' : 'flagged' };
  });

  onThread('/dialogue/:space/:number/answer', async (c) => {
    const post = typeof c.request.body?.post === 'string' ? c.request.body.post : '';
    return (await dialogue.markAnswer(c.viewer, c.thread, post === '' ? null : post))
      ? { notice: 'answered' }
      : null;
  });

  onThread('/dialogue/:space/:number/moderate', async (c) => {
    const action = c.request.body?.action as ThreadAction;
    return THREAD_ACTIONS.includes(action) && (await moderation.act(c.viewer, c.thread, action))
      ? { notice: 'moderated' }
      : null;
  });

  onThread('/dialogue/:space/:number/move', async (c) => {
    const moved = await moderation.move(c.viewer, c.thread, c.request.body?.space);
    return moved ? { space: moved.slug, notice: 'moderated' } : null;
  });
}
