/**
 * The organisers' addresses about the people registered: the list, its CSV, attendance, and a
 * message to them. Every route: validate → authorise → act → present.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { typedValues, type FormValues } from '../../ui/components/form.js';
import { sendPage } from '../../ui/render.js';
import {
  PRIVATE,
  formPost,
  signedInOrRedirect,
  type Ctx,
  type LocaleParams,
  type SignedInViewer,
} from '../access/index.js';
import type { OrganisingService } from './organising.service.js';
import type { OutcomesService } from './outcomes.service.js';
import { OutcomesPage } from './pages/outcomes.page.js';
import { RegistrantsPage, type RegistrantsNotice } from './pages/registrants.page.js';

type IdParams = LocaleParams & { id: string };
type Body = Record<string, unknown>;

const NOTICES: readonly RegistrantsNotice[] = ['attendance', 'sent'];

export function registerOrganisingRoutes(
  site: FastifyInstance,
  deps: { organising: OrganisingService; outcomes: OutcomesService },
  ctxOf: Ctx,
): void {
  const { organising } = deps;
  const limited = formPost(site);

  /** The registrants' page, with a notice or the message form as typed. */
  const page = async (
    request: FastifyRequest<{ Params: IdParams }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    message: { values: FormValues; errors: Record<string, string> } | null,
    notice?: { kind: RegistrantsNotice; count: number; refused: number },
  ) => {
    const ctx = ctxOf(request, reply);
    const { event, registrants } = await organising.registrants(
      viewer,
      request.params.id,
      ctx.locale,
    );
    return sendPage(
      reply,
      <RegistrantsPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        event={event}
        registrants={registrants}
        message={message ?? { values: { audience: 'confirmed' }, errors: {} }}
        notice={notice}
      />,
      { ...PRIVATE, status: message ? 422 : 200 },
    );
  };

  site.get<{
    Params: IdParams;
    Querystring: { done?: string; count?: string; refused?: string };
  }>('/editor/events/:id/registrants', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const { done, count, refused } = request.query;
    const kind = NOTICES.find((notice) => notice === done);
    const number = (text: string | undefined) => Math.max(0, Math.trunc(Number(text)) || 0);
    const notice = kind ? { kind, count: number(count), refused: number(refused) } : undefined;
    return page(request, reply, viewer, null, notice);
  });

  site.get<{ Params: IdParams }>('/editor/events/:id/registrants.csv', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const csv = await organising.csv(viewer, request.params.id, ctx.locale);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="registrants.csv"')
      .header('cache-control', 'private, no-store')
      .send(csv);
  });

  site.post<{ Params: IdParams; Body: Body }>(
    '/editor/events/:id/attendance',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const came = await organising.markAttendance(viewer, request.params.id, request.body ?? {});
      return reply.redirect(
        ctx.href(`/editor/events/${request.params.id}/registrants?done=attendance&count=${came}`),
        303,
      );
    },
  );

  site.post<{ Params: IdParams; Body: Body }>(
    '/editor/events/:id/message',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const body = request.body ?? {};
      const result = await organising.message(viewer, request.params.id, body);
      if (!result.ok)
        return page(request, reply, viewer, { values: typedValues(body), errors: result.errors });
      return reply.redirect(
        ctx.href(
          `/editor/events/${request.params.id}/registrants?done=sent&count=${result.sent}` +
            `&refused=${result.refused}`,
        ),
        303,
      );
    },
  );

  /** The outcomes form, empty or as typed. */
  const outcomesForm = async (
    request: FastifyRequest<{ Params: IdParams }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    state: { values: FormValues; errors: Record<string, string> } | null,
  ) => {
    const ctx = ctxOf(request, reply);
    const { event } = await organising.registrants(viewer, request.params.id, ctx.locale);
    return sendPage(
      reply,
      <OutcomesPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        event={event}
        state={state ?? { values: { detail: 'public' }, errors: {} }}
      />,
      { ...PRIVATE, status: state ? 422 : 200 },
    );
  };

  site.get<{ Params: IdParams }>('/editor/events/:id/outcomes', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    // Only a published event is closed with outcomes; a closed one links to its outcomes.
    const { event } = await organising.registrants(viewer, request.params.id, ctx.locale);
    if (event.status !== 'published')
      return reply.redirect(ctx.href(`/editor/events/${request.params.id}`), 303);
    return outcomesForm(request, reply, viewer, null);
  });

  site.post<{ Params: IdParams; Body: Body }>(
    '/editor/events/:id/outcomes',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const body = request.body ?? {};
      const result = await deps.outcomes.close(viewer, request.params.id, body);
      if (!result.ok)
        return outcomesForm(request, reply, viewer, {
          values: typedValues(body),
          errors: result.errors,
        });
      return reply.redirect(ctx.href(`/editor/events/${request.params.id}?done=closed`), 303);
    },
  );
}
