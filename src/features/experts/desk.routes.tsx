/**
 * The desk of the Experts' facility: the editors' queue and triage under /<locale>/editor/questions,
 * and the expert's workspace under /<locale>/experts/workspace. Every action is a form post that
 * comes back to the question's page, with a notice, or with the form's problems and its text kept.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInViewer } from '../access/index.js';
import { QUEUE_PAGE_SIZE, type DeskService } from './desk.service.js';
import { QUEUE_VIEWS } from './desk.repository.js';
import { typedValues, type FormValues } from '../../ui/components/form.js';
import {
  DESK_NOTICES,
  DeskQuestionPage,
  type DeskForm,
  type DeskFormState,
  type DeskNotice,
} from './pages/desk.page.js';
import { QueuePage } from './pages/queue.page.js';
import {
  WORKSPACE_NOTICES,
  WorkspacePage,
  WorkspaceQuestionPage,
  type WorkspaceForm,
  type WorkspaceFormState,
  type WorkspaceNotice,
} from './pages/workspace.page.js';
import { sendPage } from '../../ui/render.js';
import {
  formPost,
  PRIVATE,
  signedInOrRedirect,
  type Ctx,
  type LocaleParams,
} from '../access/index.js';

type IdParams = LocaleParams & { id: string };
type Body = Record<string, unknown>;
type Outcome = { ok: true } | { ok: false; errors: Record<string, string> };

/** A preview: the form is shown again with what was typed, rendered, and nothing is saved. */
const PREVIEW: Outcome = { ok: false, errors: {} };
const previewing = (body: Body): boolean => body.intent === 'preview';

const noticeOf = <T extends string>(known: readonly T[], value: unknown): T | undefined =>
  known.find((notice) => notice === value);

const pageOf = (value: unknown): number => {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
};

/** The routes of the editors' desk and of the experts' workspace. */
export function registerDeskRoutes(site: FastifyInstance, desk: DeskService, ctxOf: Ctx): void {
  site.get<{ Params: LocaleParams; Querystring: { view?: string; page?: string } }>(
    '/editor/questions',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const view = QUEUE_VIEWS.find((known) => known === request.query.view) ?? 'open';
      const page = pageOf(request.query.page);
      const [queue, figures] = await Promise.all([
        desk.queue(viewer, view, page),
        desk.figures(viewer),
      ]);
      return sendPage(
        reply,
        <QueuePage
          ctx={ctx}
          view={view}
          rows={queue.rows}
          total={queue.total}
          page={page}
          pages={Math.max(1, Math.ceil(queue.total / QUEUE_PAGE_SIZE))}
          figures={figures}
        />,
        PRIVATE,
      );
    },
  );

  const deskPage = async (
    request: FastifyRequest<{ Params: IdParams }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    state: DeskFormState | null,
    notice?: DeskNotice,
  ) => {
    const { question, suggestions, duplicates } = await desk.forEditor(viewer, request.params.id);
    return sendPage(
      reply,
      <DeskQuestionPage
        ctx={ctxOf(request, reply)}
        csrfToken={reply.generateCsrf()}
        question={question}
        suggestions={suggestions}
        duplicates={duplicates}
        state={state}
        notice={notice}
        today={new Date().toISOString().slice(0, 10)}
      />,
      { ...PRIVATE, status: state && Object.keys(state.errors).length > 0 ? 422 : 200 },
    );
  };

  site.get<{ Params: IdParams; Querystring: { done?: string } }>(
    '/editor/questions/:id',
    async (request, reply) => {
      const viewer = signedInOrRedirect(request, reply, ctxOf(request, reply));
      if (!viewer) return reply;
      return deskPage(request, reply, viewer, null, noticeOf(DESK_NOTICES, request.query.done));
    },
  );

  /**
   * A form action on a question: done, back to the question's page with a notice; refused, that
   * page again with the form's problems and what was typed.
   */
  const formAction = <F extends string, N extends string>(
    path: string,
    back: (id: string) => string,
    act: (viewer: SignedInViewer, id: string, body: Body) => Promise<Outcome>,
    notice: (body: Body) => N,
    refused: (
      request: FastifyRequest<{ Params: IdParams }>,
      reply: FastifyReply,
      viewer: SignedInViewer,
      state: { form: F; values: FormValues; errors: Record<string, string> },
    ) => Promise<FastifyReply>,
    form: F,
  ) =>
    site.post<{ Params: IdParams; Body: Body }>(
      path,
      formPost(site, 30),
      async (request, reply) => {
        const ctx = ctxOf(request, reply);
        const viewer = signedInOrRedirect(request, reply, ctx);
        if (!viewer) return reply;
        const body = request.body ?? {};
        const outcome = await act(viewer, request.params.id, body);
        if (outcome.ok)
          return reply.redirect(ctx.href(`${back(request.params.id)}?done=${notice(body)}`), 303);
        return refused(request, reply, viewer, {
          form,
          values: typedValues(body),
          errors: outcome.errors,
        });
      },
    );

  const deskAction = (
    path: string,
    form: DeskForm,
    act: (viewer: SignedInViewer, id: string, body: Body) => Promise<Outcome>,
    notice: (body: Body) => DeskNotice,
  ) =>
    formAction(
      `/editor/questions/:id/${path}`,
      (id) => `/editor/questions/${id}`,
      act,
      notice,
      deskPage,
      form,
    );

  deskAction(
    'assign',
    'assign',
    (viewer, id, body) => desk.assign(viewer, id, body),
    () => 'assigned',
  );
  deskAction(
    'unassign',
    'assign',
    async (viewer, id, body) => {
      await desk.unassign(viewer, id, typeof body.expert === 'string' ? body.expert : '');
      return { ok: true };
    },
    () => 'unassigned',
  );
  deskAction(
    'answer',
    'answer',
    async (viewer, id, body) => (previewing(body) ? PREVIEW : desk.saveAnswer(viewer, id, body)),
    (body) => (body.intent === 'publish' ? 'published' : 'saved'),
  );
  deskAction(
    'notes',
    'note',
    (viewer, id, body) => desk.addNote(viewer, id, body),
    () => 'noted',
  );
  deskAction(
    'reject',
    'reject',
    (viewer, id, body) => desk.reject(viewer, id, body),
    () => 'rejected',
  );
  deskAction(
    'merge',
    'merge',
    (viewer, id, body) => desk.merge(viewer, id, body),
    () => 'merged',
  );
  deskAction(
    'spam',
    'spam',
    (viewer, id) => desk.markSpam(viewer, id),
    () => 'spam',
  );

  // The expert's workspace.
  site.get<{ Params: LocaleParams }>('/experts/workspace', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    return sendPage(
      reply,
      <WorkspacePage ctx={ctx} rows={await desk.assignedTo(viewer)} />,
      PRIVATE,
    );
  });

  const workspacePage = async (
    request: FastifyRequest<{ Params: IdParams }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    state: WorkspaceFormState | null,
    notice?: WorkspaceNotice,
  ) =>
    sendPage(
      reply,
      <WorkspaceQuestionPage
        ctx={ctxOf(request, reply)}
        csrfToken={reply.generateCsrf()}
        question={await desk.forExpert(viewer, request.params.id)}
        state={state}
        notice={notice}
      />,
      { ...PRIVATE, status: state && Object.keys(state.errors).length > 0 ? 422 : 200 },
    );

  site.get<{ Params: IdParams; Querystring: { done?: string } }>(
    '/experts/workspace/:id',
    async (request, reply) => {
      const viewer = signedInOrRedirect(request, reply, ctxOf(request, reply));
      if (!viewer) return reply;
      return workspacePage(
        request,
        reply,
        viewer,
        null,
        noticeOf(WORKSPACE_NOTICES, request.query.done),
      );
    },
  );

  const workspaceAction = (
    path: string,
    form: WorkspaceForm,
    act: (viewer: SignedInViewer, id: string, body: Body) => Promise<Outcome>,
    notice: (body: Body) => WorkspaceNotice,
  ) =>
    formAction(
      `/experts/workspace/:id${path}`,
      (id) => `/experts/workspace/${id}`,
      act,
      notice,
      workspacePage,
      form,
    );

  workspaceAction(
    '',
    'draft',
    async (viewer, id, body) => (previewing(body) ? PREVIEW : desk.saveDraft(viewer, id, body)),
    (body) => (body.intent === 'submit' ? 'submitted' : 'saved'),
  );
  // The call for help has its own field name, so that the page's two text boxes differ.
  workspaceAction(
    '/help',
    'help',
    async (viewer, id, body) => {
      const outcome = await desk.askForHelp(viewer, id, { body: body.help });
      if (outcome.ok || !outcome.errors.body) return outcome;
      return { ok: false, errors: { help: outcome.errors.body } };
    },
    () => 'help',
  );
  workspaceAction(
    '/notes',
    'note',
    (viewer, id, body) => desk.addNote(viewer, id, body),
    () => 'noted',
  );
}
