/** The signed-in person's own account: its page, two-factor sign-in, the export of their data, deletion. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { EMPTY_FORM } from '../../ui/components/form.js';
import { sendPage } from '../../ui/render.js';
import type { PageContext } from '../../ui/context.js';
import { STAFF_ROLES } from './access.policy.js';
import type { AccountsService, SignedInViewer } from './accounts.service.js';
import { originOf, sendMessage, setCookies } from './account.replies.js';
import { TwoFactorPage, TwoFactorSetupPage } from './pages/two-factor.page.js';
import { AccountPage, type AccountOrganisation } from './pages/account.page.js';
import { formPost, PRIVATE, type Ctx, type LocaleParams } from './signed-in.js';

type FormRoute = { Params: LocaleParams; Body: Record<string, unknown> };

/** The key of a TOTP URI as a QR code, in SVG, drawn on the server (no script, no request). */
async function qrSvg(uri: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/** Registers the routes under /<locale>/account. */
export function registerAccountSettingsRoutes(
  site: FastifyInstance,
  accounts: AccountsService,
  ctxOf: Ctx,
  organisationsOf: (viewer: SignedInViewer) => Promise<readonly AccountOrganisation[]>,
): void {
  const limited = (max: number) => formPost(site, max);

  /** The account page, with the person's consents or the deletion form's problems. */
  const accountPage = async (
    reply: FastifyReply,
    ctx: PageContext,
    viewer: SignedInViewer,
    extra: Pick<Parameters<typeof AccountPage>[0], 'consents' | 'deleteErrors'>,
    status?: number,
  ) =>
    sendPage(
      reply,
      <AccountPage
        ctx={ctx}
        viewer={viewer}
        csrfToken={reply.generateCsrf()}
        {...extra}
        organisations={await organisationsOf(viewer)}
      />,
      status ? { ...PRIVATE, status } : PRIVATE,
    );

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
      return sendMessage(reply, {
        ctx,
        title: 'account.twoFactor.title',
        message: ctx.text('account.twoFactor.done'),
        link: { href: ctx.href('/account'), label: 'account.nav.account' },
      });
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
      return sendMessage(reply, {
        ctx: { ...ctx, viewer: null },
        title: 'account.delete.done.title',
        message: ctx.text('account.delete.done.message'),
      });
    }
    return accountPage(reply, ctx, request.viewer, { deleteErrors: result.errors }, 422);
  });

  site.get<{ Params: LocaleParams }>('/account', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    if (!request.viewer) return reply.redirect(ctx.href('/sign-in'), 303);
    const consents = await accounts.consentsOf(request.viewer);
    return accountPage(reply, ctx, request.viewer, { consents: consents });
  });
}
