/** The Experts' facility: ask a question, confirm it, follow it. */
import { kept } from '../../ui/components/form.js';
import type { FastifyInstance } from 'fastify';
import type { ItemsRepository } from '../knowledge/index.js';
import { ANSWERS_PAGE_SIZE, type AnswersRepository } from './answers.repository.js';
import type { ExpertsService } from './experts.service.js';
import { MembersTeaserPage, MessagePage } from '../../ui/pages/message.page.js';
import { AnswerPage, AnswersPage } from './pages/answers.page.js';
import type { PageCache } from '../../ui/render.js';
import { ANONYMOUS } from '../access/index.js';
import { MAX_QUERY_LENGTH } from '../search/index.js';
import { isUuid } from '../../platform/db/columns.js';
import { NotFoundError } from '../../platform/errors/errors.js';
import type { MessageKey } from '../../ui/messages.js';
import {
  ASK_FIELDS,
  AskPage,
  ConfirmQuestionPage,
  FollowQuestionPage,
} from './pages/experts.page.js';
import { sendPage } from '../../ui/render.js';
import { formPost, PRIVATE, type Ctx, type LocaleParams } from '../access/index.js';

type TokenParams = LocaleParams & { token: string };

export interface ExpertsRoutesDeps {
  experts: ExpertsService;
  answers: AnswersRepository;
  /** Related Knowledge Centre items, as each viewer may read them. */
  items: ItemsRepository;
  pages: PageCache;
  themeKeys: () => Promise<readonly string[]>;
  countries: readonly string[];
}

/** The routes of the Experts' facility, under /<locale>/experts. */
export function registerExpertsRoutes(
  site: FastifyInstance,
  deps: ExpertsRoutesDeps,
  ctxOf: Ctx,
): void {
  const { experts, themeKeys, countries } = deps;

  site.get<{ Params: LocaleParams; Querystring: { theme?: string; q?: string; page?: string } }>(
    '/experts/answers',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = request.viewer ?? ANONYMOUS;
      const themes = await deps.answers.themes(viewer);
      const theme = themes.find((entry) => entry.theme === request.query.theme)?.theme;
      const requested = Number(request.query.page ?? '1');
      const page =
        Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
      const query =
        typeof request.query.q === 'string'
          ? request.query.q.trim().slice(0, MAX_QUERY_LENGTH)
          : '';
      const { rows, total } = await deps.answers.listAnswers(
        viewer,
        { theme, query: query || undefined },
        page,
      );
      const view = (
        <AnswersPage
          ctx={ctx}
          rows={rows}
          total={total}
          page={page}
          pages={Math.max(1, Math.ceil(total / ANSWERS_PAGE_SIZE))}
          theme={theme}
          query={query}
          themes={themes}
        />
      );
      return request.viewer ? sendPage(reply, view, PRIVATE) : deps.pages.sendShared(reply, view);
    },
  );

  site.get<{ Params: LocaleParams & { id: string } }>(
    '/experts/answers/:id',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = request.viewer ?? ANONYMOUS;
      const answer = isUuid(request.params.id)
        ? await deps.answers.findAnswer(viewer, request.params.id)
        : null;
      if (!answer) throw new NotFoundError();
      if (answer === 'members-only')
        return sendPage(reply, <MembersTeaserPage ctx={ctx} />, { ...PRIVATE, status: 403 });
      const related = await deps.items.readableBySlugs(viewer, answer.related, ctx.locale);
      const view = <AnswerPage ctx={ctx} answer={answer} related={related} />;
      return request.viewer ? sendPage(reply, view, PRIVATE) : deps.pages.sendShared(reply, view);
    },
  );

  site.get<{ Params: LocaleParams; Querystring: { theme?: string } }>(
    '/experts/ask',
    async (request, reply) =>
      sendPage(
        reply,
        <AskPage
          ctx={ctxOf(request, reply)}
          csrfToken={reply.generateCsrf()}
          started={experts.formStamp()}
          state={{
            values: typeof request.query.theme === 'string' ? { theme: request.query.theme } : {},
            errors: {},
          }}
          themes={await themeKeys()}
          countries={countries}
          signedInAs={request.viewer?.email ?? null}
        />,
        PRIVATE,
      ),
  );

  // At most five questions a minute from one address (IP); the service limits each e-mail address.
  site.post<{ Params: LocaleParams; Body: Record<string, unknown> }>(
    '/experts/ask',
    formPost(site, 5),
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const body = request.body ?? {};
      const result = await experts.ask(body, ctx.locale, request.viewer ?? null);
      if (result.ok) {
        return sendPage(
          reply,
          <MessagePage
            ctx={ctx}
            title={result.confirmationSent ? 'experts.sent.title' : 'experts.received.title'}
            message={ctx.text(
              result.confirmationSent ? 'experts.sent.message' : 'experts.received.message',
              { email: result.email },
            )}
            link={
              result.followUrl
                ? { href: result.followUrl, label: 'experts.received.follow' }
                : undefined
            }
          />,
          PRIVATE,
        );
      }
      const values = kept(body, ASK_FIELDS);
      return sendPage(
        reply,
        <AskPage
          ctx={ctx}
          csrfToken={reply.generateCsrf()}
          started={experts.formStamp(typeof body.started === 'string' ? body.started : '')}
          state={{ values, errors: result.errors }}
          themes={await themeKeys()}
          countries={countries}
          signedInAs={request.viewer?.email ?? null}
        />,
        { ...PRIVATE, status: 422 },
      );
    },
  );

  site.get<{ Params: TokenParams }>('/experts/confirm/:token', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    reply.header('referrer-policy', 'no-referrer');
    if (!(await experts.confirmable(request.params.token))) {
      return sendPage(
        reply,
        <MessagePage
          ctx={ctx}
          title="errors.gone.title"
          message={ctx.text('experts.confirm.invalid')}
        />,
        { ...PRIVATE, status: 410 },
      );
    }
    return sendPage(
      reply,
      <ConfirmQuestionPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        action={request.url.split('?')[0] ?? ''}
      />,
      PRIVATE,
    );
  });

  site.post<{ Params: TokenParams }>(
    '/experts/confirm/:token',
    formPost(site, 10),
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      reply.header('referrer-policy', 'no-referrer');
      const outcome = await experts.confirm(request.params.token);
      if (outcome.done) {
        return sendPage(
          reply,
          <MessagePage
            ctx={ctx}
            title="experts.confirmed.title"
            message={ctx.text('experts.confirmed.message')}
            link={{ href: outcome.followUrl, label: 'experts.received.follow' }}
          />,
          PRIVATE,
        );
      }
      const refusal = {
        invalid: { status: 410, message: 'experts.confirm.invalid' },
        duplicate: { status: 422, message: 'experts.errors.duplicate' },
        tooManyToday: { status: 429, message: 'experts.confirm.tomorrow' },
      } as const satisfies Record<string, { status: number; message: MessageKey }>;
      const { status, message } = refusal[outcome.reason];
      return sendPage(
        reply,
        <MessagePage
          ctx={ctx}
          title={outcome.reason === 'invalid' ? 'errors.gone.title' : 'experts.confirm.title'}
          message={ctx.text(message)}
        />,
        { ...PRIVATE, status },
      );
    },
  );

  site.get<{ Params: TokenParams }>('/experts/questions/:token', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    reply.header('referrer-policy', 'no-referrer');
    const question = await experts.follow(request.params.token);
    if (!question) {
      return sendPage(
        reply,
        <MessagePage
          ctx={ctx}
          title="errors.notFound.title"
          message={ctx.text('experts.follow.unknown')}
        />,
        { ...PRIVATE, status: 404 },
      );
    }
    return sendPage(reply, <FollowQuestionPage ctx={ctx} question={question} />, PRIVATE);
  });
}
