/**
 * Editors' addresses of the cities' profiles: the review queue, one profile's review (approve,
 * ask for changes) and the shared indicators.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../platform/db/columns.js';
import { NotFoundError } from '../../platform/errors/errors.js';
import { firstValue } from '../../platform/http/query.js';
import { typedValues, type FormValues } from '../../ui/components/form.js';
import { sendPage } from '../../ui/render.js';
import {
  PRIVATE,
  formPost,
  signedInOrRedirect,
  type Ctx,
  type LocaleParams,
} from '../access/index.js';
import { IndicatorsPage, ReviewPage, ReviewQueuePage } from './pages/review.page.js';
import type { Indicator } from './profiles.repository.js';
import type { ReviewService } from './review.service.js';

type SlugParams = LocaleParams & { slug: string };
type Body = Record<string, unknown>;
const NOTICES = ['approved', 'changes'] as const;

/** An indicator's values as its form shows them. */
const formOf = (indicator: Indicator): FormValues => ({
  key: indicator.key,
  unit: indicator.unit,
  sdgTarget: indicator.sdgTarget ?? '',
  udhrArticle: indicator.udhrArticle ? String(indicator.udhrArticle) : '',
  source: indicator.source,
  direction:
    indicator.higherIsBetter === null ? 'neither' : indicator.higherIsBetter ? 'higher' : 'lower',
  ...Object.fromEntries(
    Object.entries(indicator.names).map(([locale, name]) => [`name_${locale}`, name]),
  ),
  ...Object.fromEntries(
    Object.entries(indicator.definitions).map(([locale, text]) => [`definition_${locale}`, text]),
  ),
});

export function registerReviewRoutes(
  site: FastifyInstance,
  deps: { review: ReviewService },
  ctxOf: Ctx,
): void {
  const { review } = deps;
  const limited = formPost(site, 30);

  site.get<{ Params: LocaleParams; Querystring: { done?: string } }>(
    '/editor/cities',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const notice = NOTICES.find((value) => value === firstValue(request.query.done));
      return sendPage(
        reply,
        <ReviewQueuePage
          ctx={ctx}
          cities={await review.queue(viewer)}
          notice={notice ? `cities.notice.${notice}` : undefined}
        />,
        PRIVATE,
      );
    },
  );

  const reviewPage = async (
    request: FastifyRequest<{ Params: SlugParams }>,
    reply: FastifyReply,
    note: { value: string; error?: string },
  ) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const city = await review.city(viewer, request.params.slug);
    const indicators = await review.indicatorsOf(viewer, city.id);
    return sendPage(
      reply,
      <ReviewPage
        ctx={ctx}
        city={city}
        indicators={indicators}
        csrfToken={reply.generateCsrf()}
        note={note}
      />,
      { ...PRIVATE, status: note.error ? 422 : 200 },
    );
  };

  site.get<{ Params: SlugParams }>('/editor/cities/:slug', (request, reply) =>
    reviewPage(request, reply, { value: '' }),
  );

  site.post<{ Params: SlugParams }>(
    '/editor/cities/:slug/approve',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      // A profile changed or decided meanwhile is not approved: its page says it is not waiting.
      if (!(await review.approve(viewer, request.params.slug)))
        return reply.redirect(ctx.href(`/editor/cities/${request.params.slug}`), 303);
      return reply.redirect(ctx.href('/editor/cities?done=approved'), 303);
    },
  );

  site.post<{ Params: SlugParams; Body: Body }>(
    '/editor/cities/:slug/changes',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const result = await review.requestChanges(viewer, request.params.slug, request.body ?? {});
      if (result.ok) return reply.redirect(ctx.href('/editor/cities?done=changes'), 303);
      const note = typeof request.body?.note === 'string' ? request.body.note : '';
      return reviewPage(request, reply, { value: note, error: result.errors.note });
    },
  );

  const indicatorsPage = async (
    request: FastifyRequest<{ Params: LocaleParams }>,
    reply: FastifyReply,
    editing: { id: string | null; values: FormValues; errors: Record<string, string> } | null,
    editId?: string,
  ) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const indicators = await review.indicators(viewer);
    let shown = editing ?? { id: null, values: {}, errors: {} };
    if (!editing && editId) {
      const indicator = indicators.find((entry) => entry.id === editId);
      if (!indicator) throw new NotFoundError();
      shown = { id: indicator.id, values: formOf(indicator), errors: {} };
    }
    return sendPage(
      reply,
      <IndicatorsPage
        ctx={ctx}
        indicators={indicators}
        editing={shown}
        csrfToken={reply.generateCsrf()}
      />,
      { ...PRIVATE, status: editing ? 422 : 200 },
    );
  };

  site.get<{ Params: LocaleParams; Querystring: { edit?: string } }>(
    '/editor/indicators',
    (request, reply) =>
      indicatorsPage(
        request,
        reply,
        null,
        isUuid(request.query.edit) ? request.query.edit : undefined,
      ),
  );

  for (const path of ['/editor/indicators', '/editor/indicators/:id'])
    site.post<{ Params: LocaleParams & { id?: string }; Body: Body }>(
      path,
      limited,
      async (request, reply) => {
        const ctx = ctxOf(request, reply);
        const viewer = signedInOrRedirect(request, reply, ctx);
        if (!viewer) return reply;
        const id = request.params.id ?? null;
        if (id !== null && !isUuid(id)) throw new NotFoundError();
        const body = request.body ?? {};
        const result = await review.saveIndicator(viewer, id, body);
        if (result.ok) return reply.redirect(ctx.href('/editor/indicators'), 303);
        return indicatorsPage(request, reply, {
          id,
          values: typedValues(body),
          errors: result.errors,
        });
      },
    );
}
