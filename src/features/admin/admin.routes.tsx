/** Administrators' pages: only administrators reach them; others are sent to sign in or refused. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AUDIT_EVENT_TYPES,
  can,
  canReadAuditLog,
  type AuditEventType,
  type AuditLog,
  type RolesService,
  type SignedInViewer,
} from '../access/index.js';
import type { MembersService } from '../members/index.js';
import { ForbiddenError } from '../../platform/errors/errors.js';
import type { PageContext } from '../../ui/context.js';
import { AuditLogPage, OutboxPage, PeoplePage, type OutboxRow } from './pages/admin.page.js';
import { OrganisationsAdminPage } from './pages/organisations.page.js';
import { sendPage } from '../../ui/render.js';

type LocaleParams = { locale: string };

export function registerAdminRoutes(
  site: FastifyInstance,
  audit: AuditLog,
  roles: RolesService,
  membership: MembersService,
  outbox: () => Promise<readonly OutboxRow[]>,
  ctxOf: (request: FastifyRequest<{ Params: LocaleParams }>, reply: FastifyReply) => PageContext,
): void {
  /** Every organisation with its status, with the last change's notice or problems. */
  const organisationsPage = async (
    reply: FastifyReply,
    ctx: PageContext,
    viewer: SignedInViewer,
    outcome: { notice?: boolean; error?: { id: string; errors: Record<string, string> } },
    status?: number,
  ) =>
    sendPage(
      reply,
      <OrganisationsAdminPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        rows={await membership.allOrganisations(viewer)}
        {...outcome}
      />,
      status ? { cache: 'no-store', status } : { cache: 'no-store' },
    );

  site.get<{ Params: LocaleParams; Querystring: { type?: string; subject?: string } }>(
    '/admin/audit',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
      if (!canReadAuditLog(request.viewer)) throw new ForbiddenError();
      const type = (AUDIT_EVENT_TYPES as readonly string[]).includes(request.query.type ?? '')
        ? (request.query.type as AuditEventType)
        : undefined;
      const subject = String(request.query.subject ?? '')
        .trim()
        .slice(0, 254);
      const rows = await audit.list({ type, subject: subject || undefined });
      return sendPage(reply, <AuditLogPage ctx={ctx} rows={rows} filter={{ type, subject }} />, {
        cache: 'no-store',
      });
    },
  );

  site.get<{ Params: LocaleParams; Querystring: { q?: string; done?: string } }>(
    '/admin/people',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
      const query = String(request.query.q ?? '').slice(0, 254);
      return sendPage(
        reply,
        <PeoplePage
          ctx={ctx}
          csrfToken={reply.generateCsrf()}
          rows={await roles.people(request.viewer, query)}
          query={query}
          viewerId={request.viewer.id}
          notice={request.query.done === '1'}
        />,
        { cache: 'no-store' },
      );
    },
  );

  site.post<{ Params: LocaleParams & { id: string }; Body: Record<string, unknown> }>(
    '/admin/people/:id',
    { preHandler: site.csrfProtection },
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
      const result = await roles.changeRole(request.viewer, request.params.id, request.body ?? {});
      if (result.ok) return reply.redirect(ctx.href('/admin/people?done=1'), 303);
      return sendPage(
        reply,
        <PeoplePage
          ctx={ctx}
          csrfToken={reply.generateCsrf()}
          rows={await roles.people(request.viewer, '')}
          query=""
          viewerId={request.viewer.id}
          error={{ id: request.params.id, error: Object.values(result.errors)[0] ?? '' }}
        />,
        { cache: 'no-store', status: 422 },
      );
    },
  );

  site.get<{ Params: LocaleParams; Querystring: { done?: string } }>(
    '/admin/organisations',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
      return organisationsPage(reply, ctx, request.viewer, { notice: request.query.done === '1' });
    },
  );

  for (const [path, change] of [
    ['/admin/organisations/:id', membership.changeStatus],
    ['/admin/organisations/:id/class', membership.changeClass],
  ] as const)
    site.post<{ Params: LocaleParams & { id: string }; Body: Record<string, unknown> }>(
      path,
      { preHandler: site.csrfProtection },
      async (request, reply) => {
        const ctx = ctxOf(request, reply);
        if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
        const result = await change(request.viewer, request.params.id, request.body ?? {});
        if (result.ok) return reply.redirect(ctx.href('/admin/organisations?done=1'), 303);
        return organisationsPage(
          reply,
          ctx,
          request.viewer,
          { error: { id: request.params.id, errors: result.errors } },
          422,
        );
      },
    );

  site.get<{ Params: LocaleParams }>('/admin/outbox', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
    if (!can(request.viewer, 'read-outbox')) throw new ForbiddenError();
    return sendPage(reply, <OutboxPage ctx={ctx} rows={await outbox()} />, { cache: 'no-store' });
  });
}
