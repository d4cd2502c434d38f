/** Administrators' pages: only administrators reach them; others are sent to sign in or refused. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AUDIT_EVENT_TYPES,
  can,
  canReadAuditLog,
  type AuditEventType,
  type AuditLog,
} from '../modules/access/index.js';
import { ForbiddenError } from '../platform/errors/errors.js';
import type { PageContext } from './context.js';
import { AuditLogPage, OutboxPage, type OutboxRow } from './pages/admin.page.js';
import { sendPage } from './render.js';

type LocaleParams = { locale: string };

export function registerAdminRoutes(
  site: FastifyInstance,
  audit: AuditLog,
  outbox: () => Promise<readonly OutboxRow[]>,
  ctxOf: (request: FastifyRequest<{ Params: LocaleParams }>, reply: FastifyReply) => PageContext,
): void {
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

  site.get<{ Params: LocaleParams }>('/admin/outbox', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
    if (!can(request.viewer, 'read-outbox')) throw new ForbiddenError();
    return sendPage(reply, <OutboxPage ctx={ctx} rows={await outbox()} />, { cache: 'no-store' });
  });
}
