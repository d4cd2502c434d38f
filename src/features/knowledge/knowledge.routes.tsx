/**
 * Knowledge Centre items: each item's page for readers, and the editors' pages (list, form with
 * preview, life cycle, revisions). Every route: validate → authorise → act → present.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, type FormResult, type SignedInViewer } from '../access/index.js';
import { ITEM_STATUSES, isItemType, type ItemStatus, type ItemType } from './items.types.js';
import { blankItem, type KnowledgeService } from './knowledge.service.js';
import { isKnowledgeSection } from './knowledge.sections.js';
import type { ItemsRepository } from './items.repository.js';
import type { LinkChecker } from './link-check.js';
import { NotFoundError } from '../../platform/errors/errors.js';
import { contentLocaleOf as localeOfContent } from '../../platform/http/query.js';
import { typedValues } from '../../ui/components/form.js';
import { MembersTeaserPage } from '../../ui/pages/message.page.js';
import { EditorListPage, RevisionsPage } from './pages/editor.page.js';
import { ItemFormPage, itemValues, type ItemFormState } from './pages/item-form.page.js';
import { ItemPageView } from './pages/item.page.js';
import { LinksReportPage } from './pages/links-report.page.js';
import { sendPage, type PageCache } from '../../ui/render.js';
import { PRIVATE, formPost, signedInOrRedirect } from '../access/index.js';
import type { Ctx, LocaleParams } from '../access/index.js';
import { pageOf } from './filters.js';

export interface KnowledgeRouteDeps {
  items: ItemsRepository;
  knowledge: KnowledgeService;
  linkChecker: LinkChecker;
  /** Languages content may be written in. */
  contentLocales: readonly string[];
  themeKeys: () => Promise<readonly string[]>;
  countryCodes: readonly string[];
  pages: PageCache;
}

const NOTICES = ['saved', 'status', 'restored'] as const;
type Notice = (typeof NOTICES)[number];

const noticeOf = (value: unknown): Notice | undefined =>
  (NOTICES as readonly unknown[]).includes(value) ? (value as Notice) : undefined;

export function registerKnowledgeRoutes(
  site: FastifyInstance,
  deps: KnowledgeRouteDeps,
  ctxOf: Ctx,
): void {
  const limited = formPost(site);

  const contentLocaleOf = (query: { lang?: unknown }, fallback: string): string =>
    localeOfContent(query, fallback, deps.contentLocales);

  site.get<{ Params: LocaleParams & { section: string; slug: string } }>(
    '/knowledge/:section/:slug',
    async (request, reply) => {
      const { section, slug } = request.params;
      if (!isKnowledgeSection(section)) throw new NotFoundError();
      const ctx = ctxOf(request, reply);
      const item = await deps.items.findItemPage(request.viewer ?? ANONYMOUS, slug, ctx.locale);
      if (item === null) throw new NotFoundError();
      if (item === 'members-only') return sendPage(reply, <MembersTeaserPage ctx={ctx} />, PRIVATE);
      // An item moved to another section keeps its old address working.
      if (item.section !== section)
        return reply.redirect(ctx.href(`/knowledge/${item.section}/${item.slug}`), 301);
      const page = (
        <ItemPageView
          ctx={ctx}
          item={item}
          discussions={item.discussions}
          transfers={item.transfers}
        />
      );
      if (!request.viewer) return deps.pages.sendShared(reply, page);
      return sendPage(reply, page, PRIVATE);
    },
  );

  site.get<{
    Params: LocaleParams;
    Querystring: { status?: string; type?: string; page?: string };
  }>('/editor', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const filter: { status?: ItemStatus; type?: ItemType } = {};
    if ((ITEM_STATUSES as readonly string[]).includes(request.query.status ?? ''))
      filter.status = request.query.status as ItemStatus;
    if (isItemType(request.query.type)) filter.type = request.query.type;
    const { rows, total } = await deps.knowledge.list(
      viewer,
      filter,
      ctx.locale,
      pageOf(request.query),
    );
    return sendPage(
      reply,
      <EditorListPage ctx={ctx} rows={rows} total={total} filter={filter} />,
      PRIVATE,
    );
  });

  site.get<{ Params: LocaleParams; Querystring: { failing?: string } }>(
    '/editor/links',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const failingOnly = request.query.failing === '1';
      const rows = await deps.linkChecker.report(viewer, failingOnly);
      return sendPage(
        reply,
        <LinksReportPage ctx={ctx} rows={rows} failingOnly={failingOnly} />,
        PRIVATE,
      );
    },
  );

  /** The item form, new or stored, in one language. */
  const form = async (
    request: FastifyRequest<{ Params: LocaleParams }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    target: { type: ItemType; id: string | null; contentLocale: string },
    state: ItemFormState | null,
    status = 200,
    notice?: Notice,
  ) => {
    const ctx = ctxOf(request, reply);
    const item = target.id
      ? await deps.knowledge.editable(viewer, target.id, target.contentLocale)
      : null;
    const today = new Date().toISOString().slice(0, 10);
    const values = item ? itemValues(item) : itemValues(blankItem(target.type, today));
    return sendPage(
      reply,
      <ItemFormPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        type={target.type}
        contentLocale={target.contentLocale}
        contentLocales={deps.contentLocales}
        item={item}
        state={state ?? { values, errors: {}, preview: false }}
        themes={await deps.themeKeys()}
        countries={deps.countryCodes}
        notice={notice}
      />,
      { ...PRIVATE, status },
    );
  };

  site.get<{ Params: LocaleParams & { type: string }; Querystring: { lang?: string } }>(
    '/editor/new/:type',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      if (!isItemType(request.params.type)) throw new NotFoundError();
      deps.knowledge.authorise(viewer);
      const contentLocale = contentLocaleOf(request.query, ctx.locale);
      return form(
        request,
        reply,
        viewer,
        { type: request.params.type, id: null, contentLocale },
        null,
      );
    },
  );

  /**
   * A posted item form: shown again as a preview (nothing saved), or saved and back to the item
   * with a notice, or the form again with its problems (422).
   */
  const previewOrSave = async (
    request: FastifyRequest<{ Params: LocaleParams }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    target: { type: ItemType; id: string | null; contentLocale: string },
    body: Record<string, unknown>,
    save: () => Promise<FormResult<{ id: string }>>,
  ) => {
    if (body.intent === 'preview')
      return form(request, reply, viewer, target, {
        values: typedValues(body),
        errors: {},
        preview: true,
      });
    const result = await save();
    return result.ok
      ? reply.redirect(
          ctxOf(request, reply).href(
            `/editor/items/${target.id ?? result.id}?lang=${target.contentLocale}&done=saved`,
          ),
          303,
        )
      : form(
          request,
          reply,
          viewer,
          target,
          { values: typedValues(body), errors: result.errors, preview: false },
          422,
        );
  };

  site.post<{
    Params: LocaleParams & { type: string };
    Querystring: { lang?: string };
    Body: Record<string, unknown>;
  }>('/editor/new/:type', limited, async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const type = request.params.type;
    if (!isItemType(type)) throw new NotFoundError();
    const contentLocale = contentLocaleOf(request.query, ctx.locale);
    const body = request.body ?? {};
    const target = { type, id: null, contentLocale };
    // A preview saves nothing, but is for editors only.
    if (body.intent === 'preview') deps.knowledge.authorise(viewer);
    return previewOrSave(request, reply, viewer, target, body, () =>
      deps.knowledge.createItem(viewer, type, contentLocale, body),
    );
  });

  site.get<{
    Params: LocaleParams & { id: string };
    Querystring: { lang?: string; done?: string };
  }>('/editor/items/:id', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const stored = await deps.knowledge.editable(viewer, request.params.id, ctx.locale);
    const contentLocale = contentLocaleOf(request.query, stored.originalLocale);
    return form(
      request,
      reply,
      viewer,
      { type: stored.type, id: stored.id, contentLocale },
      null,
      200,
      noticeOf(request.query.done),
    );
  });

  site.post<{
    Params: LocaleParams & { id: string };
    Querystring: { lang?: string };
    Body: Record<string, unknown>;
  }>('/editor/items/:id', limited, async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const stored = await deps.knowledge.editable(viewer, request.params.id, ctx.locale);
    const contentLocale = contentLocaleOf(request.query, stored.originalLocale);
    const body = request.body ?? {};
    const target = { type: stored.type, id: stored.id, contentLocale };
    return previewOrSave(request, reply, viewer, target, body, () =>
      deps.knowledge.saveItem(viewer, stored.id, contentLocale, body),
    );
  });

  site.post<{ Params: LocaleParams & { id: string }; Body: Record<string, unknown> }>(
    '/editor/items/:id/status',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const result = await deps.knowledge.changeStatus(
        viewer,
        request.params.id,
        request.body ?? {},
      );
      const stored = await deps.knowledge.editable(viewer, request.params.id, ctx.locale);
      if (!result.ok) {
        const values = itemValues(stored);
        return form(
          request,
          reply,
          viewer,
          { type: stored.type, id: stored.id, contentLocale: stored.originalLocale },
          { values, errors: result.errors, preview: false },
          422,
        );
      }
      return reply.redirect(ctx.href(`/editor/items/${stored.id}?done=status`), 303);
    },
  );

  site.get<{ Params: LocaleParams & { id: string }; Querystring: { lang?: string } }>(
    '/editor/items/:id/revisions',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const stored = await deps.knowledge.editable(viewer, request.params.id, ctx.locale);
      const contentLocale = contentLocaleOf(request.query, stored.originalLocale);
      const item =
        contentLocale === ctx.locale
          ? stored
          : await deps.knowledge.editable(viewer, stored.id, contentLocale);
      const revisions = await deps.knowledge.revisions(viewer, stored.id, contentLocale);
      return sendPage(
        reply,
        <RevisionsPage
          ctx={ctx}
          csrfToken={reply.generateCsrf()}
          item={item}
          contentLocale={contentLocale}
          revisions={revisions}
        />,
        PRIVATE,
      );
    },
  );

  site.post<{
    Params: LocaleParams & { id: string; revision: string };
    Querystring: { lang?: string };
  }>('/editor/items/:id/revisions/:revision/restore', limited, async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const stored = await deps.knowledge.editable(viewer, request.params.id, ctx.locale);
    const contentLocale = contentLocaleOf(request.query, stored.originalLocale);
    await deps.knowledge.restoreRevision(viewer, stored.id, contentLocale, request.params.revision);
    return reply.redirect(
      ctx.href(`/editor/items/${stored.id}?lang=${contentLocale}&done=restored`),
      303,
    );
  });
}
