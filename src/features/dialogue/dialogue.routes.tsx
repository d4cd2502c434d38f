/**
 * The dialogue's pages: spaces, threads and their posts, and every action of a reader on them.
 * Every route: validate → authorise → act → present. A space or thread beyond the reader's reach
 * is "not found", whatever it holds.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors/errors.js';
import type { FormState } from '../../ui/components/form.js';
import { sendPage } from '../../ui/render.js';
import {
  PRIVATE,
  formPost,
  signedInOrRedirect,
  type Ctx,
  type LocaleParams,
  ANONYMOUS,
} from '../access/index.js';
import { threadsShow } from './dialogue.schemas.js';
import type { Space } from './spaces.repository.js';
import { ThreadFormPage } from './pages/post-form.page.js';
import { registerPostRoutes } from './post.routes.js';
import {
  stringValues,
  type Body,
  type DialogueRouteDeps,
  type SpaceParams,
  type ThreadParams,
} from './dialogue.routing.js';
import { SpacePage, SpacesPage } from './pages/spaces.page.js';
import {
  FILE_PROBLEMS,
  ThreadView,
  type FileProblem,
  type ThreadNotice,
} from './pages/thread.page.js';
import { threadMetadata } from './thread.metadata.js';
import type { Post } from './threads.repository.js';
import { THREADS_PAGE_SIZE } from './dialogue.types.js';

const NOTICES: readonly ThreadNotice[] = [
  'held',
  'flagged',
  'hidden',
  'answered',
  'deleted',
  'moderated',
  'attached',
];

/** The reply form holding a shown post as a Markdown quote, with its author's name. */
function quoted(posts: readonly Post[], position: number | undefined): FormState | undefined {
  const post = posts.find((entry) => entry.position === position && entry.state === 'shown');
  if (!post?.body) return undefined;
  const lines = post.body.split('\n').map((line) => `> ${line}`.trimEnd());
  return {
    values: { body: `> **${post.authorName ?? ''}** (${post.position}):\n${lines.join('\n')}\n\n` },
    errors: {},
  };
}

const positive = (value: unknown): number | undefined =>
  typeof value === 'string' && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;

export function registerDialogueRoutes(
  site: FastifyInstance,
  deps: DialogueRouteDeps,
  ctxOf: Ctx,
): void {
  const { dialogue } = deps;
  const limited = formPost(site, 20);
  const viewerOf = (request: FastifyRequest) => request.viewer ?? ANONYMOUS;

  /** The space named in the address, as the reader may read it; else not found. */
  async function spaceOf(request: FastifyRequest<{ Params: SpaceParams }>): Promise<Space> {
    const space = await dialogue.space(viewerOf(request), request.params.space);
    if (!space || space === 'hidden') throw new NotFoundError();
    return space;
  }

  async function threadOf(request: FastifyRequest<{ Params: ThreadParams }>) {
    const { space, number } = request.params;
    const found = await dialogue.locate(viewerOf(request), space, number);
    if (!found) throw new NotFoundError();
    return found;
  }

  /** The thread's page (or the page of one of its posts), with what the last action left. */
  async function threadPage(
    request: FastifyRequest<{ Params: ThreadParams }>,
    reply: FastifyReply,
    at: { page?: number; position?: number },
    shown: {
      form?: FormState;
      notice?: ThreadNotice;
      status?: number;
      problem?: FileProblem;
      /** A post to quote in the reply form. */
      quote?: number;
    } = {},
  ) {
    const ctx = ctxOf(request, reply);
    const viewer = viewerOf(request);
    const space = await spaceOf(request);
    const number = positive(request.params.number);
    const view = number ? await dialogue.threadPage(viewer, space, number, at, ctx.locale) : null;
    if (!view) throw new NotFoundError();
    const moderator = view.thread.moderated;
    const spaces = moderator
      ? (await dialogue.spaces(viewer)).filter((other) => other.id !== space.id && other.moderated)
      : [];
    return sendPage(
      reply,
      <ThreadView
        ctx={ctx}
        csrfToken={request.viewer ? reply.generateCsrf() : ''}
        view={view}
        readerId={request.viewer?.id ?? null}
        moderator={moderator}
        canReply={dialogue.canWrite(viewer, space, view.thread)}
        spaces={spaces}
        metadata={view.page === 1 ? threadMetadata(space, view.thread, view.posts, ctx) : null}
        reply={shown.form ?? quoted(view.posts, shown.quote)}
        notice={shown.notice}
        problem={shown.problem}
        watching={
          request.viewer
            ? await deps.notifications.isWatching(request.viewer.id, { threadId: view.thread.id })
            : null
        }
      />,
      { ...PRIVATE, status: shown.status ?? 200 },
    );
  }

  const backTo = (
    reply: FastifyReply,
    ctx: { href(path: string): string },
    target: { space: string; number: number | string; position?: number; notice?: ThreadNotice },
  ) => {
    const query = new URLSearchParams({
      ...(target.position ? { post: String(target.position) } : {}),
      ...(target.notice ? { done: target.notice } : {}),
    }).toString();
    const anchor = target.position ? `#p${target.position}` : '';
    return reply.redirect(
      ctx.href(`/dialogue/${target.space}/${target.number}${query ? `?${query}` : ''}${anchor}`),
      303,
    );
  };

  site.get<{ Params: LocaleParams }>('/dialogue', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = viewerOf(request);
    const [spaces, active] = await Promise.all([
      dialogue.spaces(viewer),
      dialogue.active(viewer, 10),
    ]);
    const page = (
      <SpacesPage
        ctx={ctx}
        spaces={spaces}
        active={active}
        editor={deps.moderation.isModerator(viewer)}
        moderates={spaces.some((space) => space.moderated)}
      />
    );
    return request.viewer ? sendPage(reply, page, PRIVATE) : deps.pages.sendShared(reply, page);
  });

  site.get<{ Params: SpaceParams; Querystring: Record<string, string | undefined> }>(
    '/dialogue/:space',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = viewerOf(request);
      const space = await spaceOf(request);
      const themes = await deps.themeKeys();
      const theme = themes.includes(request.query.theme ?? '') ? (request.query.theme ?? '') : '';
      const show = threadsShow(request.query.show);
      const page = positive(request.query.page) ?? 1;
      const { rows, total } = await dialogue.threads(
        viewer,
        space.id,
        { show, theme: theme || undefined },
        page,
      );
      return sendPage(
        reply,
        <SpacePage
          ctx={ctx}
          space={space}
          threads={rows}
          show={show}
          theme={theme}
          themes={themes}
          page={page}
          pages={Math.max(1, Math.ceil(total / THREADS_PAGE_SIZE))}
          canStart={request.viewer ? dialogue.canWrite(viewer, space) : null}
          editable={deps.moderation.isModerator(viewer)}
          csrfToken={request.viewer ? reply.generateCsrf() : ''}
          watching={
            request.viewer
              ? await deps.notifications.isWatching(request.viewer.id, { spaceId: space.id })
              : null
          }
        />,
        PRIVATE,
      );
    },
  );

  const threadForm = async (
    request: FastifyRequest<{ Params: SpaceParams }>,
    reply: FastifyReply,
    space: Space,
    form: FormState,
    status = 200,
  ) =>
    sendPage(
      reply,
      <ThreadFormPage
        ctx={ctxOf(request, reply)}
        csrfToken={reply.generateCsrf()}
        space={space}
        themes={await deps.themeKeys()}
        form={form}
      />,
      { ...PRIVATE, status },
    );

  site.get<{ Params: SpaceParams }>('/dialogue/:space/new', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const space = await spaceOf(request);
    if (!signedInOrRedirect(request, reply, ctx)) return reply;
    return threadForm(request, reply, space, { values: {}, errors: {} });
  });

  site.post<{ Params: SpaceParams; Body: Body }>(
    '/dialogue/:space',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const space = await spaceOf(request);
      const started = await dialogue.startThread(viewer, space, request.body);
      if (!started.ok)
        return threadForm(
          request,
          reply,
          space,
          { values: stringValues(request.body), errors: started.errors },
          422,
        );
      return backTo(reply, ctx, {
        space: space.slug,
        number: started.number,
        notice: started.held ? 'held' : undefined,
      });
    },
  );

  site.get<{ Params: ThreadParams; Querystring: Record<string, string | undefined> }>(
    '/dialogue/:space/:number',
    async (request, reply) => {
      const done = request.query.done as ThreadNotice | undefined;
      const problem = FILE_PROBLEMS.find((entry) => entry === request.query.problem);
      return threadPage(
        request,
        reply,
        {
          page: positive(request.query.page),
          position: positive(request.query.quote) ?? positive(request.query.post),
        },
        {
          notice: done && NOTICES.includes(done) ? done : undefined,
          problem,
          quote: positive(request.query.quote),
        },
      );
    },
  );

  site.post<{ Params: ThreadParams; Body: Body }>(
    '/dialogue/:space/:number/replies',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const { space, thread } = await threadOf(request);
      const added = await dialogue.reply(viewer, space, thread, request.body);
      if (!added.ok)
        return threadPage(
          request,
          reply,
          { position: thread.lastPosition },
          { form: { values: stringValues(request.body), errors: added.errors }, status: 422 },
        );
      return backTo(reply, ctx, {
        space: space.slug,
        number: thread.number,
        position: added.position,
        notice: added.held ? 'held' : undefined,
      });
    },
  );

  registerPostRoutes(site, deps, ctxOf, { threadOf, threadPage, backTo, limited });
}
