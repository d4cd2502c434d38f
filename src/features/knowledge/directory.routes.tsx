/**
 * Editors keep the useful-links directory (add, correct, move, remove a link) and import links or
 * resources from a CSV file. Every route: validate → authorise → act → present.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInViewer } from '../access/index.js';
import { IMPORT_KINDS, type ImportKind, type ImportService } from './import.service.js';
import type { LinksService } from './links.service.js';
import { typedValues, type FormValues } from '../../ui/components/form.js';
import { ImportPage, LinkFormPage } from './pages/directory-editor.page.js';
import { LinkGroupFormPage, LinkGroupsPage } from './pages/link-groups.page.js';
import { sendPage } from '../../ui/render.js';
import { PRIVATE, formPost, signedInOrRedirect } from '../access/index.js';
import type { Ctx, LocaleParams } from '../access/index.js';
import { NotFoundError } from '../../platform/errors/errors.js';
import { uploadedFile } from '../../platform/http/uploads.js';

export function registerDirectoryRoutes(
  site: FastifyInstance,
  deps: { links: LinksService; imports: ImportService },
  ctxOf: Ctx,
): void {
  const limited = formPost(site);

  /** Sends a form of the directory: empty, or sent back with its problems (then 422). */
  type FormSender = (
    request: FastifyRequest<{ Params: LocaleParams }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    id: string | null,
    values: FormValues,
    errors?: Record<string, string>,
  ) => Promise<FastifyReply>;
  const sendForm = (reply: FastifyReply, errors: Record<string, string>, page: JSX.Element) =>
    sendPage(reply, page, { ...PRIVATE, status: Object.keys(errors).length > 0 ? 422 : 200 });

  const linkForm: FormSender = async (request, reply, viewer, id, values, errors = {}) =>
    sendForm(
      reply,
      errors,
      <LinkFormPage
        ctx={ctxOf(request, reply)}
        csrfToken={reply.generateCsrf()}
        id={id}
        groups={await deps.links.groups(viewer)}
        values={values}
        errors={errors}
      />,
    );

  site.get<{ Params: LocaleParams }>('/editor/links/new', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    return linkForm(request, reply, viewer, null, { access: 'public' });
  });

  site.post<{ Params: LocaleParams; Body: Record<string, unknown> }>(
    '/editor/links/new',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const result = await deps.links.save(viewer, null, request.body ?? {});
      if (!result.ok)
        return linkForm(
          request,
          reply,
          viewer,
          null,
          typedValues(request.body ?? {}),
          result.errors,
        );
      return reply.redirect(ctx.href('/editor/links'), 303);
    },
  );

  site.get<{ Params: LocaleParams & { id: string } }>(
    '/editor/links/:id',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const link = await deps.links.find(viewer, request.params.id);
      return linkForm(request, reply, viewer, link.id, { ...link });
    },
  );

  site.post<{ Params: LocaleParams & { id: string }; Body: Record<string, unknown> }>(
    '/editor/links/:id',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const result = await deps.links.save(viewer, request.params.id, request.body ?? {});
      if (!result.ok)
        return linkForm(
          request,
          reply,
          viewer,
          request.params.id,
          typedValues(request.body ?? {}),
          result.errors,
        );
      return reply.redirect(ctx.href('/editor/links'), 303);
    },
  );

  site.post<{ Params: LocaleParams & { id: string } }>(
    '/editor/links/:id/delete',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      await deps.links.remove(viewer, request.params.id);
      return reply.redirect(ctx.href('/editor/links'), 303);
    },
  );

  const groupsPage = async (
    request: FastifyRequest<{ Params: LocaleParams; Querystring: { done?: string } }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
  ) => {
    const done = request.query.done;
    return sendPage(
      reply,
      <LinkGroupsPage
        ctx={ctxOf(request, reply)}
        csrfToken={reply.generateCsrf()}
        groups={await deps.links.groupTree(viewer)}
        notice={done === 'saved' || done === 'removed' || done === 'notEmpty' ? done : undefined}
      />,
      PRIVATE,
    );
  };

  const groupForm: FormSender = async (request, reply, viewer, id, values, errors = {}) =>
    sendForm(
      reply,
      errors,
      <LinkGroupFormPage
        ctx={ctxOf(request, reply)}
        csrfToken={reply.generateCsrf()}
        id={id}
        groups={await deps.links.groupTree(viewer)}
        values={values}
        errors={errors}
      />,
    );

  site.get<{ Params: LocaleParams; Querystring: { done?: string } }>(
    '/editor/links/groups',
    async (request, reply) => {
      const viewer = signedInOrRedirect(request, reply, ctxOf(request, reply));
      if (!viewer) return reply;
      return groupsPage(request, reply, viewer);
    },
  );

  site.get<{ Params: LocaleParams & { id: string } }>(
    '/editor/links/groups/:id',
    async (request, reply) => {
      const viewer = signedInOrRedirect(request, reply, ctxOf(request, reply));
      if (!viewer) return reply;
      if (request.params.id === 'new')
        return groupForm(request, reply, viewer, null, { access: 'public' });
      const group = (await deps.links.groupTree(viewer)).find(
        (entry) => entry.id === request.params.id,
      );
      if (!group) throw new NotFoundError();
      return groupForm(request, reply, viewer, group.id, {
        title: group.title,
        parentId: group.parentId ?? '',
        access: group.access,
      });
    },
  );

  site.post<{ Params: LocaleParams & { id: string }; Body: Record<string, unknown> }>(
    '/editor/links/groups/:id',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const id = request.params.id === 'new' ? null : request.params.id;
      const result = await deps.links.saveGroup(viewer, id, request.body ?? {});
      if (!result.ok)
        return groupForm(
          request,
          reply,
          viewer,
          id,
          typedValues(request.body ?? {}),
          result.errors,
        );
      return reply.redirect(ctx.href('/editor/links/groups?done=saved'), 303);
    },
  );

  site.post<{ Params: LocaleParams & { id: string; action: string } }>(
    '/editor/links/groups/:id/:action',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const { id, action } = request.params;
      if (action === 'move-up' || action === 'move-down') {
        await deps.links.moveGroup(viewer, id, action === 'move-up' ? 'up' : 'down');
        return reply.redirect(ctx.href('/editor/links/groups'), 303);
      }
      if (action !== 'delete') throw new NotFoundError();
      const removed = await deps.links.removeGroup(viewer, id);
      return reply.redirect(
        ctx.href(`/editor/links/groups?done=${removed ? 'removed' : 'notEmpty'}`),
        303,
      );
    },
  );

  const importPage = (
    request: FastifyRequest<{ Params: LocaleParams }>,
    reply: FastifyReply,
    kind: ImportKind,
    report: Parameters<typeof ImportPage>[0]['report'],
    groups: Parameters<typeof ImportPage>[0]['groups'],
  ) =>
    sendPage(
      reply,
      <ImportPage
        ctx={ctxOf(request, reply)}
        csrfToken={reply.generateCsrf()}
        kind={kind}
        report={report}
        groups={groups}
      />,
      { ...PRIVATE, status: report && report.problems.length > 0 ? 422 : 200 },
    );

  site.get<{ Params: LocaleParams }>('/editor/import', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    // Only editors may open it; the service says so.
    return importPage(request, reply, 'links', null, await deps.links.groups(viewer));
  });

  site.post<{ Params: LocaleParams; Body: Record<string, unknown> }>(
    '/editor/import',
    { ...limited, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const body = request.body ?? {};
      const kind = (IMPORT_KINDS as readonly unknown[]).includes(body.kind)
        ? (body.kind as ImportKind)
        : 'links';
      const file = uploadedFile(body.file);
      const text = file
        ? file.data.toString('utf8')
        : typeof body.file === 'string'
          ? body.file
          : '';
      const report = await deps.imports.importCsv(viewer, kind, text, ctx.locale);
      return importPage(request, reply, kind, report, await deps.links.groups(viewer));
    },
  );
}
