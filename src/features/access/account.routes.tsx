/** Account pages: sign-up, confirmation, sign-in, sign-out, password reset, the account page. */
import { EMPTY_FORM, kept, type FormState } from '../../ui/components/form.js';
import { MessagePage } from '../../ui/pages/message.page.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import QRCode from 'qrcode';
import { STAFF_ROLES } from './access.policy.js';
import type { AccountsService, RequestOrigin, SignedInViewer } from './accounts.service.js';
import { SecondFactorPage, TwoFactorPage, TwoFactorSetupPage } from './pages/two-factor.page.js';
import type { PageContext } from '../../ui/context.js';
import {
  AccountPage,
  type AccountOrganisation,
  ForgotPasswordPage,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
} from './pages/account.page.js';
import { sendPage } from '../../ui/render.js';

type LocaleParams = { locale: string };
type FormRoute = { Params: LocaleParams; Body: Record<string, unknown> };

const PRIVATE = { cache: 'no-store' } as const;

/** The request's address and signed-in person, for the audit log. */
function originOf(request: FastifyRequest): RequestOrigin {
  return { ip: request.ip, actorId: request.viewer?.id ?? null };
}

/** The key of a TOTP URI as a QR code, in SVG, drawn on the server (no script, no request). */
function qrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

function setCookies(reply: FastifyReply, cookies: readonly string[]): void {
  if (cookies.length > 0) reply.header('set-cookie', [...cookies]);
}

export function registerAccountRoutes(
  site: FastifyInstance,
  accounts: AccountsService,
  ctxOf: (request: FastifyRequest<{ Params: LocaleParams }>, reply: FastifyReply) => PageContext,
  organisationsOf: (viewer: SignedInViewer) => Promise<readonly AccountOrganisation[]>,
): void {
  const limited = (max: number) => ({
    preHandler: site.csrfProtection,
    config: { rateLimit: { max, timeWindow: '1 minute' } },
  });

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

  site.get<{ Params: LocaleParams }>('/sign-up', async (request, reply) =>
    sendPage(
      reply,
      <SignUpPage
        ctx={ctxOf(request, reply)}
        csrfToken={reply.generateCsrf()}
        state={EMPTY_FORM}
      />,
      PRIVATE,
    ),
  );

  site.post<FormRoute>('/sign-up', limited(5), async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const body = request.body ?? {};
    const result = await accounts.signUp(body, ctx.locale, originOf(request));
    if (result.ok) {
      return sendPage(
        reply,
        <MessagePage
          ctx={ctx}
          title="account.signUp.sent.title"
          message={ctx.text('account.signUp.sent.message', { email: result.email })}
        />,
        PRIVATE,
      );
    }
    const state: FormState = { values: kept(body, ['name', 'email']), errors: result.errors };
    return sendPage(
      reply,
      <SignUpPage ctx={ctx} csrfToken={reply.generateCsrf()} state={state} />,
      {
        ...PRIVATE,
        status: 422,
      },
    );
  });

  site.get<{ Params: LocaleParams; Querystring: { token?: string } }>(
    '/verify-email',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const cookies = request.query.token
        ? await accounts.verifyEmail(request.query.token, originOf(request))
        : null;
      reply.header('referrer-policy', 'no-referrer');
      if (!cookies) {
        return sendPage(
          reply,
          <MessagePage
            ctx={ctx}
            title="errors.gone.title"
            message={ctx.text('account.verify.invalid')}
            link={{ href: ctx.href('/sign-in'), label: 'account.signIn.title' }}
          />,
          { ...PRIVATE, status: 410 },
        );
      }
      // A link used again confirms nothing new and opens no session: it only says so.
      const signedIn = cookies.some((cookie) => /session_token=[^;]/.test(cookie));
      setCookies(reply, cookies);
      return sendPage(
        reply,
        signedIn ? (
          <MessagePage
            ctx={ctx}
            title="account.verify.done.title"
            message={ctx.text('account.verify.done.message')}
            link={{ href: ctx.href('/account'), label: 'account.nav.account' }}
          />
        ) : (
          <MessagePage
            ctx={ctx}
            title="account.verify.done.title"
            message={ctx.text('account.verify.already')}
            link={{ href: ctx.href('/sign-in'), label: 'account.signIn.title' }}
          />
        ),
        PRIVATE,
      );
    },
  );

  site.get<{ Params: LocaleParams }>('/forgot-password', async (request, reply) =>
    sendPage(
      reply,
      <ForgotPasswordPage
        ctx={ctxOf(request, reply)}
        csrfToken={reply.generateCsrf()}
        state={EMPTY_FORM}
      />,
      PRIVATE,
    ),
  );

  site.post<FormRoute>('/forgot-password', limited(5), async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const body = request.body ?? {};
    const result = await accounts.requestPasswordReset(body, originOf(request));
    if (result.ok) {
      return sendPage(
        reply,
        <MessagePage
          ctx={ctx}
          title="account.forgot.title"
          message={ctx.text('account.forgot.sent', { email: result.email })}
        />,
        PRIVATE,
      );
    }
    const state: FormState = { values: kept(body, ['email']), errors: result.errors };
    return sendPage(
      reply,
      <ForgotPasswordPage ctx={ctx} csrfToken={reply.generateCsrf()} state={state} />,
      {
        ...PRIVATE,
        status: 422,
      },
    );
  });

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
      return sendPage(
        reply,
        <MessagePage
          ctx={ctx}
          title="account.reset.done.title"
          message={ctx.text('account.reset.done.message')}
          link={{ href: ctx.href('/sign-in'), label: 'account.signIn.title' }}
        />,
        PRIVATE,
      );
    }
    if ('invalidToken' in result) {
      return sendPage(
        reply,
        <MessagePage
          ctx={ctx}
          title="errors.gone.title"
          message={ctx.text('account.reset.invalid')}
          link={{ href: ctx.href('/forgot-password'), label: 'account.forgot.title' }}
        />,
        { ...PRIVATE, status: 410 },
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

  site.get<{ Params: LocaleParams }>('/sign-in/two-factor', async (request, reply) =>
    sendPage(
      reply,
      <SecondFactorPage
        ctx={ctxOf(request, reply)}
        csrfToken={reply.generateCsrf()}
        state={EMPTY_FORM}
      />,
      PRIVATE,
    ),
  );

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

  site.get<{ Params: LocaleParams }>('/account/two-factor', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
    return sendPage(
      reply,
      <TwoFactorPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        enabled={request.viewer.twoFactorEnabled}
        required={STAFF_ROLES.has(request.viewer.role)}
        state={EMPTY_FORM}
      />,
      PRIVATE,
    );
  });

  site.post<FormRoute>('/account/two-factor/start', limited(6), async (request, reply) => {
    const ctx = ctxOf(request, reply);
    if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
    const result = await accounts.startTwoFactor(
      request.body ?? {},
      fromNodeHeaders(request.headers),
    );
    if (!result.ok) {
      return sendPage(
        reply,
        <TwoFactorPage
          ctx={ctx}
          csrfToken={reply.generateCsrf()}
          enabled={false}
          required={STAFF_ROLES.has(request.viewer.role)}
          state={{ values: {}, errors: result.errors }}
        />,
        { ...PRIVATE, status: 422 },
      );
    }
    return sendPage(
      reply,
      <TwoFactorSetupPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        totpUri={result.totpUri}
        qrSvg={await qrSvg(result.totpUri)}
        recoveryCodes={result.recoveryCodes}
        state={EMPTY_FORM}
      />,
      PRIVATE,
    );
  });

  site.post<FormRoute>('/account/two-factor/confirm', limited(10), async (request, reply) => {
    const ctx = ctxOf(request, reply);
    if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
    const body = request.body ?? {};
    const result = await accounts.confirmTwoFactor(
      body,
      fromNodeHeaders(request.headers),
      originOf(request),
    );
    if (result.ok) {
      setCookies(reply, result.cookies);
      return sendPage(
        reply,
        <MessagePage
          ctx={ctx}
          title="account.twoFactor.title"
          message={ctx.text('account.twoFactor.done')}
          link={{ href: ctx.href('/account'), label: 'account.nav.account' }}
        />,
        PRIVATE,
      );
    }
    const totpUri =
      typeof body.totpUri === 'string' && body.totpUri.startsWith('otpauth://') ? body.totpUri : '';
    if (!totpUri) return reply.redirect(ctx.href('/account/two-factor'), 303);
    return sendPage(
      reply,
      <TwoFactorSetupPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        totpUri={totpUri}
        qrSvg={await qrSvg(totpUri)}
        recoveryCodes={[]}
        state={{ values: {}, errors: result.errors }}
      />,
      { ...PRIVATE, status: 422 },
    );
  });

  site.get<{ Params: LocaleParams }>('/account/export', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
    const data = await accounts.exportPersonalData(request.viewer, originOf(request));
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="my-data-${data.exportedAt.slice(0, 10)}.json"`,
      )
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  });

  site.post<FormRoute>('/account/delete', limited(5), async (request, reply) => {
    const ctx = ctxOf(request, reply);
    if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
    const result = await accounts.deleteAccount(
      request.viewer,
      request.body ?? {},
      fromNodeHeaders(request.headers),
    );
    if (result.ok) {
      setCookies(reply, result.cookies);
      return sendPage(
        reply,
        <MessagePage
          ctx={{ ...ctx, viewer: null }}
          title="account.delete.done.title"
          message={ctx.text('account.delete.done.message')}
        />,
        PRIVATE,
      );
    }
    return sendPage(
      reply,
      <AccountPage
        ctx={ctx}
        viewer={request.viewer}
        csrfToken={reply.generateCsrf()}
        deleteErrors={result.errors}
        organisations={await organisationsOf(request.viewer)}
      />,
      { ...PRIVATE, status: 422 },
    );
  });

  site.get<{ Params: LocaleParams }>('/account', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
    const consents = await accounts.consentsOf(request.viewer);
    return sendPage(
      reply,
      <AccountPage
        ctx={ctx}
        viewer={request.viewer}
        csrfToken={reply.generateCsrf()}
        consents={consents}
        organisations={await organisationsOf(request.viewer)}
      />,
      PRIVATE,
    );
  });
}
