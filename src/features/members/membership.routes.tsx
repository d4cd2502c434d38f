/** Joining the network: apply, review (administrators), accept an invitation. */
import { kept } from '../../ui/components/form.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MembersService } from './members.service.js';
import type { PageContext } from '../../ui/context.js';
import { EMPTY_FORM, type FormState } from '../../ui/components/form.js';
import { sendMessage } from '../access/index.js';
import { formPost } from '../access/index.js';
import {
  APPLY_FIELDS,
  ApplicationsPage,
  ApplyPage,
  InvitationPage,
  JoinInvitationPage,
} from './pages/membership.page.js';
import { sendPage } from '../../ui/render.js';

type LocaleParams = { locale: string };
type FormRoute<P = object> = { Params: LocaleParams & P; Body: Record<string, unknown> };

const PRIVATE = { cache: 'no-store' } as const;

export function registerMembershipRoutes(
  site: FastifyInstance,
  members: MembersService,
  countries: readonly string[],
  ctxOf: (request: FastifyRequest<{ Params: LocaleParams }>, reply: FastifyReply) => PageContext,
): void {
  const limited = (max: number) => formPost(site, max);

  /** The form that makes an invited person's account: empty, or sent back with its problems. */
  const invitationPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: PageContext,
    invitation: { organisation: string; email: string; role: string },
    state: FormState,
    status?: number,
  ) =>
    sendPage(
      reply,
      <InvitationPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        action={request.url.split('?')[0] ?? ''}
        organisation={invitation.organisation}
        email={invitation.email}
        role={invitation.role}
        state={state}
      />,
      status ? { ...PRIVATE, status } : PRIVATE,
    );

  site.get<{ Params: LocaleParams }>('/network/apply', async (request, reply) =>
    sendPage(
      reply,
      <ApplyPage
        ctx={ctxOf(request, reply)}
        csrfToken={reply.generateCsrf()}
        state={EMPTY_FORM}
        countries={countries}
      />,
      PRIVATE,
    ),
  );

  site.post<FormRoute>('/network/apply', limited(5), async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const body = request.body ?? {};
    const result = await members.apply(body, ctx.locale, {
      ip: request.ip,
      actorId: request.viewer?.id ?? null,
    });
    if (result.ok) {
      return sendMessage(reply, {
        ctx,
        title: 'membership.apply.sent.title',
        message: ctx.text('membership.apply.sent.message', { email: result.email }),
      });
    }
    const values = kept(body, APPLY_FIELDS);
    return sendPage(
      reply,
      <ApplyPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        state={{ values, errors: result.errors }}
        countries={countries}
      />,
      { ...PRIVATE, status: 422 },
    );
  });

  site.get<{ Params: LocaleParams; Querystring: { done?: string } }>(
    '/admin/applications',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
      const applications = await members.pending(request.viewer);
      return sendPage(
        reply,
        <ApplicationsPage
          ctx={ctx}
          csrfToken={reply.generateCsrf()}
          applications={applications}
          notice={request.query.done === '1'}
        />,
        PRIVATE,
      );
    },
  );

  site.post<FormRoute<{ id: string }>>(
    '/admin/applications/:id',
    limited(60),
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
      const result = await members.decide(request.viewer, request.params.id, request.body ?? {});
      if (result.ok) return reply.redirect(ctx.href('/admin/applications?done=1'), 303);
      return sendPage(
        reply,
        <ApplicationsPage
          ctx={ctx}
          csrfToken={reply.generateCsrf()}
          applications={await members.pending(request.viewer)}
          errors={{ id: request.params.id, errors: result.errors }}
        />,
        { ...PRIVATE, status: 422 },
      );
    },
  );

  site.get<{ Params: LocaleParams & { token: string } }>(
    '/invitations/:token',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      reply.header('referrer-policy', 'no-referrer');
      const invitation = await members.invitation(request.params.token);
      if (!invitation) {
        return sendMessage(
          reply,
          { ctx, title: 'errors.gone.title', message: ctx.text('membership.invitation.invalid') },
          410,
        );
      }
      const values = { organisation: invitation.organisation, email: invitation.email };
      const viewer = request.viewer;
      if (viewer && viewer.email.toLowerCase() === invitation.email) {
        return sendPage(
          reply,
          <JoinInvitationPage
            ctx={ctx}
            csrfToken={reply.generateCsrf()}
            action={`${request.url.split('?')[0] ?? ''}/join`}
            organisation={invitation.organisation}
            email={invitation.email}
          />,
          PRIVATE,
        );
      }
      if (viewer || (await members.hasAccount(invitation.email))) {
        return sendMessage(reply, {
          ctx,
          title: 'membership.invitation.title',
          message: ctx.text(
            viewer
              ? 'membership.invitation.join.otherAccount'
              : 'membership.invitation.join.signIn',
            values,
          ),
          link: viewer ? undefined : { href: ctx.href('/sign-in'), label: 'account.signIn.title' },
        });
      }
      return invitationPage(request, reply, ctx, invitation, EMPTY_FORM);
    },
  );

  site.post<FormRoute<{ token: string }>>(
    '/invitations/:token/join',
    limited(10),
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      reply.header('referrer-policy', 'no-referrer');
      if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
      const invitation = await members.invitation(request.params.token);
      const result = await members.joinByInvitation(request.viewer, request.params.token, {
        ip: request.ip,
      });
      if (result.ok && invitation) {
        return sendMessage(reply, {
          ctx,
          title: 'membership.invitation.done.title',
          message: ctx.text('membership.invitation.join.done', {
            organisation: invitation.organisation,
          }),
          link: { href: ctx.href('/account'), label: 'account.account.title' },
        });
      }
      return sendMessage(
        reply,
        { ctx, title: 'errors.gone.title', message: ctx.text('membership.invitation.invalid') },
        410,
      );
    },
  );

  site.post<FormRoute<{ token: string }>>(
    '/invitations/:token',
    limited(10),
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      reply.header('referrer-policy', 'no-referrer');
      const body = request.body ?? {};
      const result = await members.acceptInvitation(request.params.token, body, { ip: request.ip });
      if (result.ok) {
        return sendMessage(reply, {
          ctx,
          title: 'membership.invitation.done.title',
          // Only an organisation's administrators manage its profile.
          message: ctx.text(
            result.role === 'admin'
              ? 'membership.invitation.done.message'
              : 'membership.invitation.done.message.member',
          ),
          link: { href: ctx.href('/sign-in'), label: 'account.signIn.title' },
        });
      }
      const invitation =
        'invalid' in result ? null : await members.invitation(request.params.token);
      if (!invitation || 'invalid' in result) {
        return sendMessage(
          reply,
          { ctx, title: 'errors.gone.title', message: ctx.text('membership.invitation.invalid') },
          410,
        );
      }
      return invitationPage(
        request,
        reply,
        ctx,
        invitation,
        { values: kept(body, ['name', 'consent']), errors: result.errors },
        422,
      );
    },
  );
}
