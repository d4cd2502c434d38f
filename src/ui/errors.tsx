/**
 * One handler maps every error to a localised page (or JSON under /api/), and one handler answers
 * unknown addresses. A 5xx is logged with its stack and shown only as a reference number.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors/errors.js';
import { negotiateLocale } from '../platform/i18n/negotiate.js';
import { REFERENCE_LOCALE } from '../platform/i18n/catalogue.js';
import { brokenForm } from '../platform/http/uploads.js';
import { pageContext, splitLocale, type WebDeps } from './context.js';
import type { MessageKey } from './messages.js';
import { ErrorPage } from './pages/error.page.js';
import { sendPage } from './render.js';

interface Presentation {
  status: number;
  title: MessageKey;
  message: MessageKey;
  values?: Record<string, string | number>;
}

const TITLES: Record<number, MessageKey> = {
  400: 'errors.badRequest.title',
  403: 'errors.forbidden.title',
  404: 'errors.notFound.title',
  410: 'errors.gone.title',
  429: 'errors.tooManyRequests.title',
  503: 'errors.unavailable.title',
};

function present(error: FastifyError | AppError, request: FastifyRequest): Presentation {
  if (brokenForm(request, error)) {
    return { status: 400, title: 'errors.badRequest.title', message: 'errors.badRequest.message' };
  }
  if (error instanceof AppError) {
    return {
      status: error.statusCode,
      title: TITLES[error.statusCode] ?? 'errors.badRequest.title',
      message: error.code as MessageKey,
      values: error.values,
    };
  }
  const status = error.statusCode ?? 500;
  if (error.code?.startsWith('FST_CSRF')) {
    return { status: 403, title: 'errors.forbidden.title', message: 'errors.csrf.message' };
  }
  if (status === 429) {
    return {
      status,
      title: 'errors.tooManyRequests.title',
      message: 'errors.tooManyRequests.message',
    };
  }
  if (status === 404)
    return { status, title: 'errors.notFound.title', message: 'errors.notFound.message' };
  if (status === 413)
    return { status, title: 'errors.tooLarge.title', message: 'errors.tooLarge.message' };
  if (status >= 400 && status < 500) {
    return { status, title: 'errors.badRequest.title', message: 'errors.badRequest.message' };
  }
  return { status: 500, title: 'errors.server.title', message: 'errors.server.message' };
}

function localeOf(deps: WebDeps, request: FastifyRequest): string {
  return (
    splitLocale(request.url, deps.catalogue).locale ??
    negotiateLocale(request.headers['accept-language'], deps.catalogue.locales, REFERENCE_LOCALE)
  );
}

async function respond(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  presentation: Presentation,
): Promise<FastifyReply> {
  const locale = localeOf(deps, request);
  const translator = deps.catalogue.translator(locale);
  const message = translator.t(presentation.message, presentation.values);
  if (request.url.startsWith('/api/')) {
    return reply.status(presentation.status).send({
      error: { code: presentation.message, message, requestId: request.id },
    });
  }
  const ctx = pageContext(deps, request, reply, locale);
  return sendPage(
    reply,
    <ErrorPage
      ctx={ctx}
      title={translator.t(presentation.title)}
      message={message}
      requestId={presentation.status >= 500 ? request.id : undefined}
    />,
    { status: presentation.status },
  );
}

export function registerErrorPages(app: FastifyInstance, deps: WebDeps): void {
  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    const presentation = present(error, request);
    if (presentation.status >= 500) request.log.error({ err: error }, 'request failed');
    else
      request.log.info(
        { code: error instanceof AppError ? error.code : error.code },
        'request refused',
      );
    if (presentation.status === 429) {
      const retry = reply.getHeader('retry-after');
      if (retry !== undefined) reply.header('retry-after', retry);
    }
    if (presentation.status === 503) reply.header('retry-after', '60');
    try {
      return await respond(deps, request, reply, presentation);
    } catch (renderError) {
      // Even the error page failed: answer in plain text, still without internals.
      request.log.error({ err: renderError }, 'error page failed');
      return reply.status(500).type('text/plain; charset=utf-8').send(`Error ${request.id}`);
    }
  });

  app.setNotFoundHandler(async (request, reply) =>
    respond(deps, request, reply, {
      status: 404,
      title: 'errors.notFound.title',
      message: 'errors.notFound.message',
    }),
  );
}
