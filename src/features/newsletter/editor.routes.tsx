/**
 * The editors' addresses of the newsletter: the issues, an issue's form (new or a draft), its
 * preview as a recipient would get it, a test to oneself, scheduling, sending now and taking a
 * schedule back. Every route: validate → authorise (the service) → act → present.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { firstValue, type Query } from '../../platform/http/query.js';
import { typedValues, type FormValues } from '../../ui/components/form.js';
import type { MessageKey } from '../../ui/messages.js';
import { sendPage } from '../../ui/render.js';
import {
  PRIVATE,
  formPost,
  signedInOrRedirect,
  type Ctx,
  type LocaleParams,
  type SignedInViewer,
} from '../access/index.js';
import { themeChoices } from '../vocabularies/index.js';
import type { EditingService } from './editing.service.js';
import type { Newsletter } from './newsletters.repository.js';
import { IssueFormPage, NewslettersPage } from './pages/editor.page.js';

type IdParams = LocaleParams & { id: string };
type Body = Record<string, unknown>;

const NOTICES = ['saved', 'scheduled', 'unscheduled', 'sending', 'tested', 'notScheduled'] as const;

/** An issue's form values as it was saved. */
function valuesOf(letter: Newsletter): FormValues {
  return {
    ...Object.fromEntries(
      Object.entries(letter.texts).flatMap(([locale, texts]) => [
        [`subject-${locale}`, texts.subject],
        [`introduction-${locale}`, texts.introduction],
      ]),
    ),
    picks: letter.picks.map((pick) => `${pick.kind}:${pick.key}`),
    locales: letter.segmentLocales,
    themes: letter.segmentThemes,
    audience: letter.audience,
    archive: letter.archive,
  };
}

export function registerEditorRoutes(
  site: FastifyInstance,
  deps: { editing: EditingService; themeKeys(): Promise<readonly string[]> },
  ctxOf: Ctx,
): void {
  const { editing } = deps;
  const limited = formPost(site, 30);

  site.get<{ Params: LocaleParams }>('/editor/newsletter', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const rows = await editing.list(viewer);
    return sendPage(reply, <NewslettersPage ctx={ctx} rows={rows} />, PRIVATE);
  });

  /** The issue's page: its form (with what was typed and its problems) and its actions. */
  const issuePage = async (
    request: FastifyRequest<{ Params: IdParams; Querystring?: Query }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    id: string | null,
    shown: {
      values?: FormValues;
      errors?: Record<string, string>;
      schedule?: { value: string; error?: string };
    },
  ) => {
    const ctx = ctxOf(request, reply);
    const letter = id === null ? null : await editing.find(viewer, id);
    const done = NOTICES.find((value) => value === firstValue(request.query?.done));
    const failed = Object.keys(shown.errors ?? {}).length > 0 || Boolean(shown.schedule?.error);
    return sendPage(
      reply,
      <IssueFormPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        letter={letter}
        values={shown.values ?? (letter ? valuesOf(letter) : { audience: 'everyone' })}
        errors={shown.errors ?? {}}
        schedule={shown.schedule ?? { value: '' }}
        candidates={
          letter && letter.status !== 'draft' ? [] : await editing.candidates(viewer, ctx.locale)
        }
        themes={themeChoices(ctx, await deps.themeKeys())}
        defaultLocale={letter?.defaultLocale ?? ctx.locale}
        notice={done ? (`newsletter.notice.${done}` as MessageKey) : undefined}
        noticeValues={{ email: viewer.email }}
      />,
      { ...PRIVATE, status: failed ? 422 : 200 },
    );
  };

  site.get<{ Params: IdParams }>('/editor/newsletter/new', async (request, reply) => {
    const viewer = signedInOrRedirect(request, reply, ctxOf(request, reply));
    if (!viewer) return reply;
    editing.authorise(viewer);
    return issuePage(request, reply, viewer, null, {});
  });

  site.get<{ Params: IdParams; Querystring: Query }>(
    '/editor/newsletter/:id',
    async (request, reply) => {
      const viewer = signedInOrRedirect(request, reply, ctxOf(request, reply));
      if (!viewer) return reply;
      return issuePage(request, reply, viewer, request.params.id, {});
    },
  );

  for (const path of ['/editor/newsletter/new', '/editor/newsletter/:id'])
    site.post<{ Params: IdParams; Body: Body }>(path, limited, async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const id = path.endsWith(':id') ? request.params.id : null;
      const values = typedValues(request.body ?? {});
      const result = await editing.save(viewer, id, values, ctx.locale);
      if (!result.ok)
        return issuePage(request, reply, viewer, id, { values, errors: result.errors });
      return reply.redirect(ctx.href(`/editor/newsletter/${result.id}?done=saved`), 303);
    });

  site.get<{ Params: IdParams; Querystring: Query }>(
    '/editor/newsletter/:id/preview',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const as = firstValue(request.query.as) === 'member' ? 'member' : 'visitor';
      const asked = firstValue(request.query.lang) ?? ctx.locale;
      const locale = ctx.locales.includes(asked) ? asked : ctx.locale;
      const html = await editing.preview(viewer, request.params.id, as, locale);
      // The message's own HTML, styled inline as mail is: no script, no outside resource.
      return reply
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        )
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(html);
    },
  );

  site.post<{ Params: IdParams }>(
    '/editor/newsletter/:id/test',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      await editing.sendTest(viewer, request.params.id, ctx.locale);
      return reply.redirect(ctx.href(`/editor/newsletter/${request.params.id}?done=tested`), 303);
    },
  );

  for (const action of ['schedule', 'send'] as const)
    site.post<{ Params: IdParams; Body: Body }>(
      `/editor/newsletter/:id/${action}`,
      limited,
      async (request, reply) => {
        const ctx = ctxOf(request, reply);
        const viewer = signedInOrRedirect(request, reply, ctx);
        if (!viewer) return reply;
        const values = typedValues(request.body ?? {});
        const result = await editing.schedule(viewer, request.params.id, values, {
          now: action === 'send',
        });
        if (!result.ok) {
          if (result.errors.form)
            return reply.redirect(
              ctx.href(`/editor/newsletter/${request.params.id}?done=notScheduled`),
              303,
            );
          const value = typeof values.scheduledAt === 'string' ? values.scheduledAt : '';
          return issuePage(request, reply, viewer, request.params.id, {
            schedule: { value, error: result.errors.scheduledAt },
          });
        }
        const done = action === 'send' ? 'sending' : 'scheduled';
        return reply.redirect(
          ctx.href(`/editor/newsletter/${request.params.id}?done=${done}`),
          303,
        );
      },
    );

  site.post<{ Params: IdParams }>(
    '/editor/newsletter/:id/unschedule',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const done = await editing.unschedule(viewer, request.params.id);
      return reply.redirect(
        ctx.href(
          `/editor/newsletter/${request.params.id}?done=${done ? 'unscheduled' : 'notScheduled'}`,
        ),
        303,
      );
    },
  );
}
