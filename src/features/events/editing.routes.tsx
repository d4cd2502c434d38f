/**
 * The organisers' addresses: the list of events, the form (new, in the original language, in a
 * translation) and the moves of an event's life. Every route: validate → authorise → act →
 * present; a form with problems comes back (422) with what was typed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contentLocaleOf as localeOfContent } from '../../platform/http/query.js';
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
import type { EventEditingService } from './editing.service.js';
import { EditorEventsPage } from './pages/editor-events.page.js';
import {
  EventFormPage,
  eventValues,
  type EventFormNotice,
  type EventFormState,
} from './pages/event-form.page.js';

export interface EventEditingRouteDeps {
  editing: EventEditingService;
  contentLocales: readonly string[];
  themeKeys(): Promise<readonly string[]>;
  organisations(): Promise<readonly { id: string; name: string }[]>;
  countryCodes: readonly string[];
}

type IdParams = LocaleParams & { id: string };
type Body = Record<string, unknown>;

const NOTICES: readonly EventFormNotice[] = ['saved', 'status', 'closed'];

export function registerEventEditingRoutes(
  site: FastifyInstance,
  deps: EventEditingRouteDeps,
  ctxOf: Ctx,
): void {
  const limited = formPost(site);

  const contentLocaleOf = (query: { lang?: unknown }, fallback: string): string =>
    localeOfContent(query, fallback, deps.contentLocales);

  /** The form of a new or stored event in one language, as stored or as typed. */
  const form = async (
    request: FastifyRequest<{ Params: LocaleParams }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    target: { id: string | null; contentLocale: string },
    state: EventFormState | null,
    status = 200,
    notice?: EventFormNotice,
  ) => {
    const ctx = ctxOf(request, reply);
    const event = target.id
      ? await deps.editing.editable(viewer, target.id, target.contentLocale)
      : null;
    return sendPage(
      reply,
      <EventFormPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        contentLocale={target.contentLocale}
        contentLocales={deps.contentLocales}
        event={event}
        state={state ?? { values: eventValues(event), errors: {} }}
        themes={await deps.themeKeys()}
        countries={deps.countryCodes}
        organisations={await deps.organisations()}
        notice={notice}
      />,
      { ...PRIVATE, status },
    );
  };

  site.get<{ Params: LocaleParams }>('/editor/events', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const rows = await deps.editing.list(viewer, ctx.locale);
    return sendPage(reply, <EditorEventsPage ctx={ctx} rows={rows} />, PRIVATE);
  });

  site.get<{ Params: LocaleParams; Querystring: { lang?: string } }>(
    '/editor/events/new',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      deps.editing.authorise(viewer);
      const contentLocale = contentLocaleOf(request.query, ctx.locale);
      return form(request, reply, viewer, { id: null, contentLocale }, null);
    },
  );

  site.post<{ Params: LocaleParams; Querystring: { lang?: string }; Body: Body }>(
    '/editor/events/new',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const contentLocale = contentLocaleOf(request.query, ctx.locale);
      const body = request.body ?? {};
      const result = await deps.editing.create(viewer, contentLocale, body);
      if (result.ok) return reply.redirect(ctx.href(`/editor/events/${result.id}?done=saved`), 303);
      const state = { values: typedValues(body), errors: result.errors };
      return form(request, reply, viewer, { id: null, contentLocale }, state, 422);
    },
  );

  site.get<{ Params: IdParams; Querystring: { lang?: string; done?: string } }>(
    '/editor/events/:id',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const stored = await deps.editing.editable(viewer, request.params.id, ctx.locale);
      const contentLocale = contentLocaleOf(request.query, stored.originalLocale);
      const notice = NOTICES.find((notice) => notice === request.query.done);
      const target = { id: stored.id, contentLocale };
      return form(request, reply, viewer, target, null, 200, notice);
    },
  );

  site.post<{ Params: IdParams; Querystring: { lang?: string }; Body: Body }>(
    '/editor/events/:id',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const stored = await deps.editing.editable(viewer, request.params.id, ctx.locale);
      const contentLocale = contentLocaleOf(request.query, stored.originalLocale);
      const body = request.body ?? {};
      const result = await deps.editing.save(viewer, stored.id, contentLocale, body);
      if (result.ok)
        return reply.redirect(
          ctx.href(`/editor/events/${stored.id}?lang=${contentLocale}&done=saved`),
          303,
        );
      const state = { values: typedValues(body), errors: result.errors };
      return form(request, reply, viewer, { id: stored.id, contentLocale }, state, 422);
    },
  );

  site.post<{ Params: IdParams; Body: Body }>(
    '/editor/events/:id/status',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const result = await deps.editing.changeStatus(viewer, request.params.id, request.body ?? {});
      if (result.ok)
        return reply.redirect(ctx.href(`/editor/events/${request.params.id}?done=status`), 303);
      // The form again, as stored, with the move's problem in the life-cycle panel.
      const stored = await deps.editing.editable(viewer, request.params.id);
      const { id, originalLocale } = stored;
      const state = { values: eventValues(stored), errors: result.errors };
      return form(request, reply, viewer, { id, contentLocale: originalLocale }, state, 422);
    },
  );
}
