/** Getting in and out: sign-up, confirmation, sign-in (and its second factor), sign-out, password reset; the account's own pages are composed in. */
import { EMPTY_FORM, kept, type FormState } from '../../ui/components/form.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import type {
  AccountsService,
  FormResult,
  RequestOrigin,
  SignedInViewer,
} from './accounts.service.js';
import type { MessageKey } from '../../ui/messages.js';
import { SecondFactorPage } from './pages/two-factor.page.js';
import type { PageContext } from '../../ui/context.js';
import {
  type AccountOrganisation,
  ForgotPasswordPage,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
} from './pages/account.page.js';
import { sendPage } from '../../ui/render.js';
import { emptyFormPage, originOf, sendMessage, setCookies } from './account.replies.js';
import { registerAccountSettingsRoutes } from './account-settings.routes.js';
import { formPost, PRIVATE } from './signed-in.js';

type LocaleParams = { locale: string };
type FormRoute = { Params: LocaleParams; Body: Record<string, unknown> };

export function registerAccountRoutes(
  site: FastifyInstance,
  accounts: AccountsService,
  ctxOf: (request: FastifyRequest<{ Params: LocaleParams }>, reply: FastifyReply) => PageContext,
  organisationsOf: (viewer: SignedInViewer) => Promise<readonly AccountOrganisation[]>,
): void {
  const limited = (max: number) => formPost(site, max);

  /** A form that, once accepted, says an e-mail went to the address given; else it comes back (422). */
  const mailingForm =
    (
      Page: (props: { ctx: PageContext; csrfToken: string; state: FormState }) => JSX.Element,
      fields: readonly string[],
      run: (
        body: Record<string, unknown>,
        ctx: PageContext,
        origin: RequestOrigin,
      ) => Promise<FormResult<{ email: string }>>,
      sent: { title: MessageKey; message: MessageKey },
    ) =>
    async (request: FastifyRequest<FormRoute>, reply: FastifyReply) => {
      const ctx = ctxOf(request, reply);
      const body = request.body ?? {};
      const result = await run(body, ctx, originOf(request));
      if (result.ok) {
        return sendMessage(reply, {
          ctx,
          title: sent.title,
          message: ctx.text(sent.message, { email: result.email }),
        });
      }
      const state: FormState = { values: kept(body, fields), errors: result.errors };
      return sendPage(reply, <Page ctx={ctx} csrfToken={reply.generateCsrf()} state={state} />, {
        ...PRIVATE,
        status: 422,
      });
    };

  site.get<{ Params: LocaleParams }>('/sign-in', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    if (request.viewer) return reply.redirect(ctx.href('/account'), 303);
    return sendPage(
      reply,
      <SignInPage ctx={ctx} csrfToken={reply.generateCsrf()} state={EMPTY_FORM} />,
      PRIVATE,
    );
  });

  site.post<FormRoute>('/sign-in', limited(6), async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const body = request.body ?? {};
    const result = await accounts.signIn(body, fromNodeHeaders(request.headers), originOf(request));
    if (result.ok) {
      setCookies(reply, result.cookies);
      return reply.redirect(
        ctx.href(result.secondFactor ? '/sign-in/two-factor' : '/account'),
        303,
      );
    }
    const state: FormState = {
      values: kept(body, ['email']),
      errors: result.errors,
      message: result.message,
      minutes: result.retryAfterSeconds ? Math.ceil(result.retryAfterSeconds / 60) : undefined,
    };
    if (result.retryAfterSeconds) reply.header('retry-after', String(result.retryAfterSeconds));
    return sendPage(
      reply,
      <SignInPage ctx={ctx} csrfToken={reply.generateCsrf()} state={state} />,
      {
        ...PRIVATE,
        status: result.retryAfterSeconds ? 429 : result.message ? 401 : 422,
      },
    );
  });

  site.post<FormRoute>('/sign-out', { preHandler: site.csrfProtection }, async (request, reply) => {
    setCookies(reply, await accounts.signOut(fromNodeHeaders(request.headers), originOf(request)));
    return reply.redirect(ctxOf(request, reply).href('/'), 303);
  });

  site.get<{ Params: LocaleParams }>('/sign-up', emptyFormPage(ctxOf, SignUpPage));

  site.post<FormRoute>(
    '/sign-up',
    limited(5),
    mailingForm(
      SignUpPage,
      ['name', 'email'],
      (body, ctx, origin) => accounts.signUp(body, ctx.locale, origin),
      { title: 'account.signUp.sent.title', message: 'account.signUp.sent.message' },
    ),
  );

  site.get<{ Params: LocaleParams; Querystring: { token?: string } }>(
    '/verify-email',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const cookies = request.query.token
        ? await accounts.verifyEmail(request.query.token, originOf(request))
        : null;
      reply.header('referrer-policy', 'no-referrer');
      if (!cookies) {
        return sendMessage(
          reply,
          {
            ctx,
            title: 'errors.gone.title',
            message: ctx.text('account.verify.invalid'),
            link: { href: ctx.href('/sign-in'), label: 'account.signIn.title' },
          },
          410,
        );
      }
      // A link used again confirms nothing new and opens no session: it only says so.
      const signedIn = cookies.some((cookie) => /session_token=[^;]/.test(cookie));
      setCookies(reply, cookies);
      return sendMessage(reply, {
        ctx,
        title: 'account.verify.done.title',
        ...(signedIn
          ? {
              message: ctx.text('account.verify.done.message'),
              link: { href: ctx.href('/account'), label: 'account.nav.account' },
            }
          : {
              message: ctx.text('account.verify.already'),
              link: { href: ctx.href('/sign-in'), label: 'account.signIn.title' },
            }),
      });
    },
  );

  site.get<{ Params: LocaleParams }>('/forgot-password', emptyFormPage(ctxOf, ForgotPasswordPage));

  site.post<FormRoute>(
    '/forgot-password',
    limited(5),
    mailingForm(
      ForgotPasswordPage,
      ['email'],
      (body, _ctx, origin) => accounts.requestPasswordReset(body, origin),
      { title: 'account.forgot.title', message: 'account.forgot.sent' },
    ),
  );

  site.get<{ Params: LocaleParams; Querystring: { token?: string } }>(
    '/reset-password',
    async (request, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      return sendPage(
        reply,
        <ResetPasswordPage
          ctx={ctxOf(request, reply)}
          csrfToken={reply.generateCsrf()}
          token={request.query.token ?? ''}
          state={EMPTY_FORM}
        />,
        PRIVATE,
      );
    },
  );

  site.post<FormRoute>('/reset-password', limited(10), async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const body = request.body ?? {};
    const token = typeof body.token === 'string' ? body.token : '';
    const result = await accounts.resetPassword(token, body, originOf(request));
    if (result.ok) {
      return sendMessage(reply, {
        ctx,
        title: 'account.reset.done.title',
        message: ctx.text('account.reset.done.message'),
        link: { href: ctx.href('/sign-in'), label: 'account.signIn.title' },
      });
    }
    if ('invalidToken' in result) {
      return sendMessage(
        reply,
        {
          ctx,
          title: 'errors.gone.title',
          message: ctx.text('account.reset.invalid'),
          link: { href: ctx.href('/forgot-password'), label: 'account.forgot.title' },
        },
        410,
      );
    }
    return sendPage(
      reply,
      <ResetPasswordPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        token={token}
        state={{ values: {}, errors: result.errors }}
      />,
      { ...PRIVATE, status: 422 },
    );
  });

  site.get<{ Params: LocaleParams }>('/sign-in/two-factor', emptyFormPage(ctxOf, SecondFactorPage));

  site.post<FormRoute>('/sign-in/two-factor', limited(6), async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const result = await accounts.verifySecondFactor(
      request.body ?? {},
      fromNodeHeaders(request.headers),
      originOf(request),
    );
    if (result.ok) {
      setCookies(reply, result.cookies);
      return reply.redirect(ctx.href('/account'), 303);
    }
    return sendPage(
      reply,
      <SecondFactorPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        state={{ values: {}, errors: result.errors }}
      />,
      { ...PRIVATE, status: 422 },
    );
  });
  registerAccountSettingsRoutes(site, accounts, ctxOf, organisationsOf);
}
