/**
 * The editors' addresses of monitoring: the watch queue and its decisions, and the watched
 * sources. Every route: validate → authorise (the service) → act → present.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { firstValue, pageOf, type Query } from '../../platform/http/query.js';
import { typedValues, type FormValues } from '../../ui/components/form.js';
import { sendPage } from '../../ui/render.js';
import {
  PRIVATE,
  formPost,
  signedInOrRedirect,
  type Ctx,
  type LocaleParams,
} from '../access/index.js';
import { ENTRY_STATUSES, type EntryStatus, type QueueEntry } from './entries.repository.js';
import { EntryPage, WatchQueuePage, type DecisionForms } from './pages/watch.page.js';
import { SourceFormPage, SourcesPage } from './pages/sources.page.js';
import { healthOf } from './sources.repository.js';
import type { WatchService } from './watch.service.js';

type IdParams = LocaleParams & { id: string };
type Body = Record<string, unknown>;

const NOTICES = ['published', 'trend', 'dismissed', 'decided', 'muted', 'saved'] as const;

/** A form's own fields, without their prefix (the entry page holds two forms). */
const unprefixed = (body: Body, prefix: string): FormValues =>
  Object.fromEntries(
    Object.entries(typedValues(body)).map(([key, value]) => [
      key.startsWith(prefix) ? key.slice(prefix.length) : key,
      value,
    ]),
  );

export function registerWatchRoutes(
  site: FastifyInstance,
  deps: {
    watch: WatchService;
    themeKeys(): Promise<readonly string[]>;
    countryCodes: readonly string[];
    locales: readonly string[];
    clock(): Date;
  },
  ctxOf: Ctx,
): void {
  const { watch } = deps;
  const limited = formPost(site);

  site.get<{ Params: LocaleParams; Querystring: Query }>(
    '/editor/watch',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const asked = firstValue(request.query.status);
      const status: EntryStatus = ENTRY_STATUSES.find((value) => value === asked) ?? 'new';
      const themes = await deps.themeKeys();
      const sources = await watch.listSources(viewer);
      const source = firstValue(request.query.source);
      const theme = firstValue(request.query.theme);
      const filter = {
        ...(source && sources.some((row) => row.id === source) ? { source } : {}),
        ...(theme && themes.includes(theme) ? { theme } : {}),
      };
      const page = pageOf(request.query);
      const { rows, total } = await watch.queue(viewer, { ...filter, status }, page);
      const notice = NOTICES.find((value) => value === firstValue(request.query.done));
      return sendPage(
        reply,
        <WatchQueuePage
          ctx={ctx}
          rows={rows}
          total={total}
          page={page}
          status={status}
          filter={filter}
          sources={sources}
          themes={themes}
          csrfToken={reply.generateCsrf()}
          notice={notice ? `monitoring.notice.${notice}` : undefined}
        />,
        PRIVATE,
      );
    },
  );

  /** The suggested starting values of the two forms deciding an entry. */
  const suggested = (entry: QueueEntry, locale: string): DecisionForms => {
    // The entry's language when the site writes in it, else the editor's.
    const language = deps.locales.includes(entry.locale) ? entry.locale : locale;
    return {
      publish: {
        values: { title: entry.title, locale: language, themes: entry.suggestedThemes },
        errors: {},
      },
      trend: {
        values: {
          title: entry.title,
          locale: language,
          theme: entry.suggestedThemes[0] ?? '',
          access: 'public',
        },
        errors: {},
      },
    };
  };

  const entryPage = async (
    request: FastifyRequest<{ Params: IdParams }>,
    reply: FastifyReply,
    shown: Partial<DecisionForms> | null,
  ) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const entry = await watch.entry(viewer, request.params.id);
    return sendPage(
      reply,
      <EntryPage
        ctx={ctx}
        entry={entry}
        forms={{ ...suggested(entry, ctx.locale), ...shown }}
        themes={await deps.themeKeys()}
        countryCodes={deps.countryCodes}
        csrfToken={reply.generateCsrf()}
      />,
      { ...PRIVATE, status: shown ? 422 : 200 },
    );
  };

  site.get<{ Params: IdParams }>('/editor/watch/entries/:id', (request, reply) =>
    entryPage(request, reply, null),
  );

  site.post<{ Params: IdParams; Body: Body }>(
    '/editor/watch/entries/:id/publish',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const values = unprefixed(request.body, 'news-');
      const result = await watch.publish(viewer, request.params.id, values);
      if (result.ok) return reply.redirect(ctx.href('/editor/watch?done=published'), 303);
      return entryPage(request, reply, {
        publish: { values, errors: result.errors, message: result.message },
      });
    },
  );

  site.post<{ Params: IdParams; Body: Body }>(
    '/editor/watch/entries/:id/trend',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const values = unprefixed(request.body, 'trend-');
      const result = await watch.attachTrend(viewer, request.params.id, values);
      if (result.ok) return reply.redirect(ctx.href('/editor/watch?done=trend'), 303);
      return entryPage(request, reply, {
        trend: { values, errors: result.errors, message: result.message },
      });
    },
  );

  site.post<{ Params: IdParams }>(
    '/editor/watch/entries/:id/dismiss',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const dismissed = await watch.dismiss(viewer, request.params.id);
      return reply.redirect(
        ctx.href(`/editor/watch?done=${dismissed ? 'dismissed' : 'decided'}`),
        303,
      );
    },
  );

  for (const [action, muted] of [
    ['mute', true],
    ['unmute', false],
  ] as const)
    site.post<{ Params: IdParams }>(
      `/editor/watch/sources/:id/${action}`,
      limited,
      async (request, reply) => {
        const ctx = ctxOf(request, reply);
        const viewer = signedInOrRedirect(request, reply, ctx);
        if (!viewer) return reply;
        await watch.setMuted(viewer, request.params.id, muted);
        return reply.redirect(
          ctx.href(muted ? '/editor/watch?done=muted' : '/editor/watch/sources'),
          303,
        );
      },
    );

  site.get<{ Params: LocaleParams; Querystring: Query }>(
    '/editor/watch/sources',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const now = deps.clock();
      const attentionOnly = firstValue(request.query.attention) === '1';
      const rows = (await watch.listSources(viewer))
        .map((source) => ({ source, health: healthOf(source, now), waiting: source.waiting }))
        .filter((row) => !attentionOnly || row.health === 'failing' || row.health === 'silent');
      return sendPage(
        reply,
        <SourcesPage
          ctx={ctx}
          rows={rows}
          attentionOnly={attentionOnly}
          csrfToken={reply.generateCsrf()}
        />,
        PRIVATE,
      );
    },
  );

  const sourceForm = async (
    request: FastifyRequest<{ Params: LocaleParams }>,
    reply: FastifyReply,
    id: string | null,
    values: FormValues,
    errors: Record<string, string>,
  ) => {
    const ctx = ctxOf(request, reply);
    return sendPage(
      reply,
      <SourceFormPage
        ctx={ctx}
        id={id}
        values={values}
        errors={errors}
        themes={await deps.themeKeys()}
        csrfToken={reply.generateCsrf()}
      />,
      { ...PRIVATE, status: Object.keys(errors).length > 0 ? 422 : 200 },
    );
  };

  site.get<{ Params: LocaleParams }>('/editor/watch/sources/new', async (request, reply) => {
    const viewer = signedInOrRedirect(request, reply, ctxOf(request, reply));
    if (!viewer) return reply;
    await watch.listSources(viewer);
    return sourceForm(request, reply, null, {}, {});
  });

  site.get<{ Params: IdParams }>('/editor/watch/sources/:id', async (request, reply) => {
    const viewer = signedInOrRedirect(request, reply, ctxOf(request, reply));
    if (!viewer) return reply;
    const source = await watch.source(viewer, request.params.id);
    return sourceForm(
      request,
      reply,
      source.id,
      {
        name: source.name,
        feedUrl: source.feedUrl,
        siteUrl: source.siteUrl,
        locale: source.locale,
        themes: source.themes,
        intervalMinutes: String(source.intervalMinutes),
      },
      {},
    );
  });

  for (const path of ['/editor/watch/sources/new', '/editor/watch/sources/:id'])
    site.post<{ Params: IdParams; Body: Body }>(path, limited, async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const id = path.endsWith(':id') ? request.params.id : null;
      const values = typedValues(request.body);
      const result = await watch.saveSource(viewer, id, values);
      if (!result.ok) return sourceForm(request, reply, id, values, result.errors);
      return reply.redirect(ctx.href('/editor/watch/sources'), 303);
    });
}
