/** An organisation's admins manage it; a signed-in person asks to join it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MembersService } from './members.service.js';
import { typedValues } from '../../ui/components/form.js';
import type { PageContext } from '../../ui/context.js';
import { MessagePage } from '../../ui/pages/message.page.js';
import {
  ManageOrganisationPage,
  type ManageFormState,
  type ManageNotice,
} from './pages/organisation.page.js';
import { sendPage } from '../../ui/render.js';

type LocaleParams = { locale: string };
type SlugParams = LocaleParams & { slug: string };
type FormRoute<P = object> = { Params: SlugParams & P; Body: Record<string, unknown> };

const PRIVATE = { cache: 'no-store' } as const;
const NOTICES: readonly ManageNotice[] = ['saved', 'invited', 'decided'];

export function registerOrganisationRoutes(
  site: FastifyInstance,
  members: MembersService,
  countries: readonly string[],
  locales: readonly string[],
  ctxOf: (request: FastifyRequest<{ Params: LocaleParams }>, reply: FastifyReply) => PageContext,
): void {
  const limited = (max: number) => ({
    preHandler: site.csrfProtection,
    config: { rateLimit: { max, timeWindow: '1 minute' } },
  });

  /** The management page, with a notice or a form that came back. */
  const manage = async (
    request: FastifyRequest<{ Params: SlugParams }>,
    reply: FastifyReply,
    state: ManageFormState,
    notice?: ManageNotice,
  ) => {
    const ctx = ctxOf(request, reply);
    if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
    const managed = await members.manage(request.viewer, request.params.slug);
    return sendPage(
      reply,
      <ManageOrganisationPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        organisation={managed.organisation}
        people={managed.people}
        requests={managed.requests}
        themes={managed.themes}
        countries={countries}
        locales={locales}
        state={state}
        notice={notice}
      />,
      { ...PRIVATE, status: state.form === 'none' ? 200 : 422 },
    );
  };
  const done = (
    request: FastifyRequest<{ Params: SlugParams }>,
    reply: FastifyReply,
    notice: ManageNotice,
  ) =>
    reply.redirect(
      `/${request.params.locale}/network/${request.params.slug}/manage?done=${notice}`,
      303,
    );

  site.get<{ Params: SlugParams; Querystring: { done?: string } }>(
    '/network/:slug/manage',
    async (request, reply) => {
      const notice = NOTICES.find((entry) => entry === request.query.done);
      return manage(request, reply, { form: 'none' }, notice);
    },
  );

  site.post<FormRoute>('/network/:slug/manage', limited(30), async (request, reply) => {
    if (!request.viewer) return reply.redirect(ctxOf(request, reply).href('/sign-in'), 303);
    const body = request.body ?? {};
    const result = await members.updateProfile(request.viewer, request.params.slug, body);
    if (result.ok) return done(request, reply, 'saved');
    return manage(request, reply, {
      form: 'profile',
      values: typedValues(body),
      errors: result.errors,
    });
  });

  site.post<FormRoute>('/network/:slug/manage/invite', limited(20), async (request, reply) => {
    const ctx = ctxOf(request, reply);
    if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
    const body = request.body ?? {};
    const result = await members.inviteColleague(
      request.viewer,
      request.params.slug,
      body,
      ctx.locale,
    );
    if (result.ok) return done(request, reply, 'invited');
    const values = typedValues(body);
    return manage(request, reply, {
      form: 'invite',
      values: {
        email: typeof values.email === 'string' ? values.email : '',
        role: typeof values.role === 'string' ? values.role : '',
      },
      errors: result.errors,
    });
  });

  site.post<FormRoute<{ id: string }>>(
    '/network/:slug/manage/requests/:id',
    limited(60),
    async (request, reply) => {
      if (!request.viewer) return reply.redirect(ctxOf(request, reply).href('/sign-in'), 303);
      const result = await members.decideJoinRequest(
        request.viewer,
        request.params.slug,
        request.params.id,
        request.body ?? {},
      );
      if (result.ok) return done(request, reply, 'decided');
      return manage(request, reply, { form: 'none' });
    },
  );

  site.post<FormRoute>('/network/:slug/join', limited(10), async (request, reply) => {
    const ctx = ctxOf(request, reply);
    if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
    const result = await members.askToJoin(request.viewer, request.params.slug, request.body ?? {});
    if (result.ok) return reply.redirect(ctx.href(`/network/${request.params.slug}`), 303);
    return sendPage(
      reply,
      <MessagePage
        ctx={ctx}
        title="network.join.title"
        message={ctx.text('membership.errors.tooLong')}
        link={{ href: ctx.href(`/network/${request.params.slug}`), label: 'network.join.back' }}
      />,
      { ...PRIVATE, status: 422 },
    );
  });
}
