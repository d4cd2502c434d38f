/** The one-time link that makes the first administrator. */
import type { SetupField } from './access.schemas.js';
import type { AccessService } from './access.service.js';
import { SetupDonePage, SetupPage, type SetupFormState } from './pages/setup.page.js';
import { sendPage } from '../../ui/render.js';
import type { LocaleParams, Site } from '../../ui/site.js';

export function registerSetupRoutes({ app: site, ctxOf }: Site, access: AccessService): void {
  type SetupParams = { Params: LocaleParams & { token: string } };
  const emptyState: SetupFormState = { values: { name: '', email: '' }, errors: {} };
  // The token is in the address: keep it out of caches and of the Referer sent to other sites.
  const secret = { cache: 'no-store', referrer: 'no-referrer' } as const;

  site.get<SetupParams>('/setup/:token', async (request, reply) => {
    await access.assertSetupLinkUsable(request.params.token);
    const csrfToken = reply.generateCsrf();
    return sendPage(
      reply,
      <SetupPage
        ctx={ctxOf(request, reply)}
        action={request.url.split('?')[0] ?? ''}
        csrfToken={csrfToken}
        state={emptyState}
      />,
      { ...secret },
    );
  });

  site.post<SetupParams & { Body: Record<string, unknown> }>(
    '/setup/:token',
    {
      preHandler: site.csrfProtection,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const body = request.body ?? {};
      const result = await access.completeSetup(request.params.token, body, ctx.locale, request.ip);
      if (result.ok) {
        const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
        return sendPage(reply, <SetupDonePage ctx={ctx} email={email} />, { ...secret });
      }
      const text = (field: SetupField): string =>
        typeof body[field] === 'string' ? (body[field] as string) : '';
      return sendPage(
        reply,
        <SetupPage
          ctx={ctx}
          action={request.url.split('?')[0] ?? ''}
          csrfToken={reply.generateCsrf()}
          state={{ values: { name: text('name'), email: text('email') }, errors: result.errors }}
        />,
        { status: 422, ...secret },
      );
    },
  );
}
