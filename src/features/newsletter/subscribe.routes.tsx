/**
 * The readers' addresses of the newsletter: subscribing (a visitor's double opt-in, a signed-in
 * person's opt-in), the confirmation link, the one-click unsubscribe link (its POST carries no
 * cookie and needs none, RFC 8058: the signature is the permission), and the archive.
 */
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../platform/errors/errors.js';
import { isUuid } from '../../platform/db/columns.js';
import { firstValue, pageOf, type Query } from '../../platform/http/query.js';
import { typedValues } from '../../ui/components/form.js';
import { MembersTeaserPage, MessagePage } from '../../ui/pages/message.page.js';
import { sendPage, type PageCache } from '../../ui/render.js';
import {
  ANONYMOUS,
  PRIVATE,
  formPost,
  signedInOrRedirect,
  type Ctx,
  type LocaleParams,
} from '../access/index.js';
import { themeChoices } from '../vocabularies/index.js';
import type { IssueReader } from './issue.js';
import { textsIn } from './issue.js';
import { issueMetadata } from './newsletter.kind.js';
import type { NewslettersRepository } from './newsletters.repository.js';
import { ArchivePage, IssuePage } from './pages/archive.page.js';
import { ConfirmPage, SubscribePage, UnsubscribePage } from './pages/subscribe.page.js';
import type { SubscriptionsService } from './subscriptions.service.js';
import { SUBSCRIBE_FIELDS } from './newsletter.schemas.js';

type Body = Record<string, unknown>;
type TokenParams = LocaleParams & { token: string };
type UnsubscribeParams = LocaleParams & { subscriber: string; signature: string };
const ARCHIVE_PAGE_SIZE = 20;

export function registerSubscribeRoutes(
  site: FastifyInstance,
  deps: {
    subscriptions: SubscriptionsService;
    newsletters: NewslettersRepository;
    issues: IssueReader;
    themeKeys(): Promise<readonly string[]>;
    pages: PageCache;
  },
  ctxOf: Ctx,
): void {
  const { subscriptions } = deps;

  const subscribePage = async (
    request: Parameters<Ctx>[0],
    reply: Parameters<Ctx>[1],
    form: { values: Record<string, string | readonly string[]>; errors: Record<string, string> },
    notice?: 'subscribed' | 'unsubscribed',
  ) => {
    const ctx = ctxOf(request, reply);
    const viewer = request.viewer;
    return sendPage(
      reply,
      <SubscribePage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        values={form.values}
        errors={form.errors}
        themes={themeChoices(ctx, await deps.themeKeys())}
        account={
          viewer
            ? { email: viewer.email, subscription: await subscriptions.ofViewer(viewer) }
            : null
        }
        notice={notice}
      />,
      { ...PRIVATE, status: Object.keys(form.errors).length > 0 ? 422 : 200 },
    );
  };

  site.get<{ Params: LocaleParams; Querystring: Query }>('/newsletter', (request, reply) => {
    const done = firstValue(request.query.done);
    return subscribePage(
      request,
      reply,
      { values: {}, errors: {} },
      done === 'subscribed' || done === 'unsubscribed' ? done : undefined,
    );
  });

  // At most five a minute from one address (IP); the service limits mail to each e-mail address.
  site.post<{ Params: LocaleParams; Body: Body }>(
    '/newsletter/subscribe',
    formPost(site, 5),
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const result = await subscriptions.subscribe(request.body ?? {});
      if (!result.ok) {
        // What was typed is shown again; the hidden field and the token are not.
        const values = Object.fromEntries(
          Object.entries(typedValues(request.body ?? {})).filter(([name]) =>
            SUBSCRIBE_FIELDS.includes(name),
          ),
        );
        return subscribePage(request, reply, { values, errors: result.errors });
      }
      return sendPage(
        reply,
        <MessagePage
          ctx={ctx}
          title="newsletter.sent.title"
          message={ctx.text('newsletter.sent.message', { email: result.email })}
        />,
        PRIVATE,
      );
    },
  );

  site.post<{ Params: LocaleParams; Body: Body }>(
    '/newsletter/account',
    formPost(site, 20),
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const done = await subscriptions.setForViewer(viewer, ctx.locale, request.body ?? {});
      return reply.redirect(ctx.href(`/newsletter?done=${done}`), 303);
    },
  );

  site.get<{ Params: TokenParams }>('/newsletter/confirm/:token', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    if (!(await subscriptions.confirmable(request.params.token)))
      return sendPage(
        reply,
        <MessagePage
          ctx={ctx}
          title="errors.gone.title"
          message={ctx.text('newsletter.confirm.invalid')}
        />,
        { ...PRIVATE, status: 410, referrer: 'no-referrer' },
      );
    return sendPage(
      reply,
      <ConfirmPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        action={request.url.split('?')[0] ?? ''}
      />,
      { ...PRIVATE, referrer: 'no-referrer' },
    );
  });

  site.post<{ Params: TokenParams }>(
    '/newsletter/confirm/:token',
    formPost(site, 10),
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const done = await subscriptions.confirm(request.params.token);
      return sendPage(
        reply,
        <MessagePage
          ctx={ctx}
          title={done ? 'newsletter.confirmed.title' : 'errors.gone.title'}
          message={ctx.text(done ? 'newsletter.confirmed.message' : 'newsletter.confirm.invalid')}
          link={
            done
              ? { href: ctx.href('/newsletter/archive'), label: 'newsletter.archive.link' }
              : undefined
          }
        />,
        { ...PRIVATE, status: done ? 200 : 410, referrer: 'no-referrer' },
      );
    },
  );

  const unsubscribePath = '/newsletter/unsubscribe/:subscriber/:signature';
  site.get<{ Params: UnsubscribeParams }>(unsubscribePath, async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const { subscriber, signature } = request.params;
    const found = await subscriptions.bySignedLink(subscriber, signature);
    return sendPage(
      reply,
      <UnsubscribePage
        ctx={ctx}
        action={ctx.href(`/newsletter/unsubscribe/${subscriber}/${signature}`)}
        state={found ? (found.status === 'unsubscribed' ? 'done' : 'ask') : 'unknown'}
      />,
      { ...PRIVATE, status: found ? 200 : 404, referrer: 'no-referrer' },
    );
  });

  // No CSRF token: mail programs post here without cookies (RFC 8058); the signature suffices.
  site.post<{ Params: UnsubscribeParams }>(
    unsubscribePath,
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const { subscriber, signature } = request.params;
      const done = await subscriptions.unsubscribe(subscriber, signature);
      return sendPage(
        reply,
        <UnsubscribePage ctx={ctx} action="" state={done ? 'done' : 'unknown'} />,
        { ...PRIVATE, status: done ? 200 : 404, referrer: 'no-referrer' },
      );
    },
  );

  site.get<{ Params: LocaleParams; Querystring: Query }>(
    '/newsletter/archive',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = request.viewer ?? ANONYMOUS;
      const page = pageOf(request.query);
      const { rows, total } = await deps.newsletters.archived(viewer, page, ARCHIVE_PAGE_SIZE);
      const view = (
        <ArchivePage
          ctx={ctx}
          rows={rows.map((letter) => {
            const texts = textsIn(letter, ctx.locale);
            return {
              id: letter.id,
              subject: texts.subject,
              locale: texts.locale,
              sentAt: letter.sentAt,
            };
          })}
          page={page}
          pages={Math.max(1, Math.ceil(total / ARCHIVE_PAGE_SIZE))}
        />
      );
      return request.viewer ? sendPage(reply, view, PRIVATE) : deps.pages.sendShared(reply, view);
    },
  );

  site.get<{ Params: LocaleParams & { id: string } }>(
    '/newsletter/archive/:id',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = request.viewer ?? ANONYMOUS;
      const letter = isUuid(request.params.id)
        ? await deps.newsletters.findArchived(viewer, request.params.id)
        : null;
      if (!letter) throw new NotFoundError();
      if (letter === 'members-only')
        return sendPage(reply, <MembersTeaserPage ctx={ctx} />, { ...PRIVATE, status: 403 });
      const issue = await deps.issues.read(letter, viewer, ctx.locale);
      const view = (
        <IssuePage
          ctx={ctx}
          issue={issue}
          sentAt={letter.sentAt}
          metadata={issueMetadata(letter, ctx)}
        />
      );
      return request.viewer ? sendPage(reply, view, PRIVATE) : deps.pages.sendShared(reply, view);
    },
  );
}
