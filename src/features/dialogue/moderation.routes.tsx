/**
 * The editors' side of the dialogue: the moderation queue (/editor/dialogue) with its decisions,
 * and the forms of spaces (/editor/dialogue/spaces/…). Every route: validate → authorise → act →
 * present; a person who is not a moderator is refused.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { typedValues } from '../../ui/components/form.js';
import { sendPage } from '../../ui/render.js';
import {
  PRIVATE,
  formPost,
  signedInOrRedirect,
  type Ctx,
  type LocaleParams,
  type SignedInViewer,
} from '../access/index.js';
import type { ModerationService } from './moderation.service.js';
import { ModerationPage } from './pages/moderation.page.js';
import { SpaceFormPage, spaceValues } from './pages/space-form.page.js';
import type { Space } from './spaces.repository.js';
import type { SpacesService } from './spaces.service.js';
import type { DialogueService } from './dialogue.service.js';

export interface ModerationRouteDeps {
  dialogue: DialogueService;
  moderation: ModerationService;
  spaces: SpacesService;
  themeKeys(): Promise<readonly string[]>;
  organisations(): Promise<readonly { id: string; name: string }[]>;
}

type PostParams = LocaleParams & { post: string; decision: string };
type Body = Record<string, unknown> | undefined;

export function registerModerationRoutes(
  site: FastifyInstance,
  deps: ModerationRouteDeps,
  ctxOf: Ctx,
): void {
  const limited = formPost(site, 60);

  const signedIn = (request: FastifyRequest, reply: FastifyReply) =>
    signedInOrRedirect(
      request,
      reply,
      ctxOf(request as FastifyRequest<{ Params: LocaleParams }>, reply),
    );

  /** The signed-in editor (who opens and changes spaces), or null; others are refused. */
  const editorOf = (request: FastifyRequest, reply: FastifyReply) => {
    const viewer = signedIn(request, reply);
    if (viewer && !deps.moderation.isModerator(viewer)) throw new ForbiddenError();
    return viewer;
  };

  /** The signed-in moderator of any space, or null; others are refused. */
  const moderatorOf = async (request: FastifyRequest, reply: FastifyReply) => {
    const viewer = signedIn(request, reply);
    if (viewer && !(await deps.moderation.moderatesAny(viewer))) throw new ForbiddenError();
    return viewer;
  };

  const queuePage = async (
    request: FastifyRequest<{ Params: LocaleParams }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    shown: Pick<Parameters<typeof ModerationPage>[0], 'failed' | 'notice'> = {},
  ) =>
    sendPage(
      reply,
      <ModerationPage
        ctx={ctxOf(request, reply)}
        csrfToken={reply.generateCsrf()}
        queue={await deps.moderation.queue(viewer)}
        {...shown}
      />,
      { ...PRIVATE, status: shown.failed ? 422 : 200 },
    );

  site.get<{ Params: LocaleParams; Querystring: { done?: string } }>(
    '/editor/dialogue',
    async (request, reply) => {
      const viewer = await moderatorOf(request, reply);
      if (!viewer) return reply;
      const done = request.query.done;
      return queuePage(request, reply, viewer, {
        notice: done === 'decided' || done === 'suspended' ? done : undefined,
      });
    },
  );

  /** One post's page for moderators: its words, flags, earlier wordings and the decisions. */
  const postPage = async (
    request: FastifyRequest<{ Params: LocaleParams & { post: string } }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    failed?: Record<string, string>,
  ) => {
    const entry = await deps.moderation.entry(viewer, request.params.post);
    if (!entry) throw new NotFoundError();
    return sendPage(
      reply,
      <ModerationPage
        ctx={ctxOf(request, reply)}
        csrfToken={reply.generateCsrf()}
        queue={[entry]}
        single
        failed={failed ? { postId: entry.postId, form: { values: {}, errors: failed } } : undefined}
      />,
      { ...PRIVATE, status: failed ? 422 : 200 },
    );
  };

  site.get<{ Params: LocaleParams & { post: string } }>(
    '/editor/dialogue/posts/:post',
    async (request, reply) => {
      const viewer = await moderatorOf(request, reply);
      if (!viewer) return reply;
      return postPage(request, reply, viewer);
    },
  );

  site.post<{ Params: PostParams; Body: Body }>(
    '/editor/dialogue/posts/:post/:decision',
    limited,
    async (request, reply) => {
      const viewer = await moderatorOf(request, reply);
      if (!viewer) return reply;
      const ctx = ctxOf(request, reply);
      const { post, decision } = request.params;
      const id = post.slice(0, 8);
      if (decision === 'suspend') {
        const suspended = await deps.moderation.suspend(viewer, post, request.body);
        if (!suspended) throw new NotFoundError();
        if (!suspended.ok)
          return postPage(
            request,
            reply,
            viewer,
            Object.fromEntries(
              Object.entries(suspended.errors).map(([field, key]) => [`${field}-${id}`, key]),
            ),
          );
        return reply.redirect(ctx.href('/editor/dialogue?done=suspended'), 303);
      }
      if (decision !== 'show' && decision !== 'hide') throw new NotFoundError();
      const decided = await deps.moderation.decide(viewer, post, decision, request.body);
      if (!decided) throw new NotFoundError();
      if (!decided.ok)
        return postPage(request, reply, viewer, { [`reason-${id}`]: 'dialogue.errors.reason' });
      return reply.redirect(ctx.href('/editor/dialogue?done=decided'), 303);
    },
  );

  const spaceForm = async (
    request: FastifyRequest<{ Params: LocaleParams }>,
    reply: FastifyReply,
    space: Space | null,
    form: { values: ReturnType<typeof typedValues>; errors: Record<string, string> } | null,
  ) => {
    const ctx = ctxOf(request, reply);
    return sendPage(
      reply,
      <SpaceFormPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        space={space}
        values={
          form?.values ??
          spaceValues(space, ctx.locale, space ? await deps.spaces.moderators(space.id) : [])
        }
        errors={form?.errors ?? {}}
        themes={await deps.themeKeys()}
        organisations={await deps.organisations()}
      />,
      { ...PRIVATE, status: form ? 422 : 200 },
    );
  };

  const existing = async (viewer: SignedInViewer, slug: string): Promise<Space> => {
    const space = await deps.dialogue.space(viewer, slug);
    if (!space || space === 'hidden') throw new NotFoundError();
    return space;
  };

  site.get<{ Params: LocaleParams }>('/editor/dialogue/spaces/new', async (request, reply) => {
    if (!editorOf(request, reply)) return reply;
    return spaceForm(request, reply, null, null);
  });

  site.post<{ Params: LocaleParams; Body: Body }>(
    '/editor/dialogue/spaces',
    limited,
    async (request, reply) => {
      const viewer = editorOf(request, reply);
      if (!viewer) return reply;
      const created = await deps.spaces.create(viewer, request.body);
      if (!created.ok)
        return spaceForm(request, reply, null, {
          values: typedValues(request.body ?? {}),
          errors: created.errors,
        });
      return reply.redirect(ctxOf(request, reply).href(`/dialogue/${created.slug}`), 303);
    },
  );

  site.get<{ Params: LocaleParams & { space: string } }>(
    '/editor/dialogue/spaces/:space',
    async (request, reply) => {
      const viewer = editorOf(request, reply);
      if (!viewer) return reply;
      return spaceForm(request, reply, await existing(viewer, request.params.space), null);
    },
  );

  site.post<{ Params: LocaleParams & { space: string }; Body: Body }>(
    '/editor/dialogue/spaces/:space',
    limited,
    async (request, reply) => {
      const viewer = editorOf(request, reply);
      if (!viewer) return reply;
      const space = await existing(viewer, request.params.space);
      const updated = await deps.spaces.update(viewer, space.id, request.body);
      if (!updated.ok)
        return spaceForm(request, reply, space, {
          values: typedValues(request.body ?? {}),
          errors: updated.errors,
        });
      return reply.redirect(ctxOf(request, reply).href(`/dialogue/${updated.slug}`), 303);
    },
  );
}
