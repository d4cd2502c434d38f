/** What the account routes share: a request's origin for the audit log, cookies set, and the pages they answer with. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EMPTY_FORM, type FormState } from '../../ui/components/form.js';
import type { PageContext } from '../../ui/context.js';
import type { MessageKey } from '../../ui/messages.js';
import { MessagePage } from '../../ui/pages/message.page.js';
import { sendPage } from '../../ui/render.js';
import type { RequestOrigin } from './accounts.service.js';
import { PRIVATE, type Ctx } from './signed-in.js';

/** The request's address and signed-in person, for the audit log. */
export function originOf(request: FastifyRequest): RequestOrigin {
  return { ip: request.ip, actorId: request.viewer?.id ?? null };
}

export function setCookies(reply: FastifyReply, cookies: readonly string[]): void {
  if (cookies.length > 0) reply.header('set-cookie', [...cookies]);
}

/** A page that only tells what happened (never cached), with the status given. */
export function sendMessage(
  reply: FastifyReply,
  props: {
    ctx: PageContext;
    title: MessageKey;
    message: string;
    link?: { href: string; label: MessageKey };
  },
  status?: number,
) {
  return sendPage(reply, <MessagePage {...props} />, status ? { ...PRIVATE, status } : PRIVATE);
}

/** A form page as a GET shows it: empty, never cached. */
export const emptyFormPage =
  (
    ctxOf: Ctx,
    Page: (props: { ctx: PageContext; csrfToken: string; state: FormState }) => JSX.Element,
  ) =>
  async (request: FastifyRequest<{ Params: { locale: string } }>, reply: FastifyReply) =>
    sendPage(
      reply,
      <Page ctx={ctxOf(request, reply)} csrfToken={reply.generateCsrf()} state={EMPTY_FORM} />,
      PRIVATE,
    );
