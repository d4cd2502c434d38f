/**
 * Attached files: the editors' page of an item's files (add, remove), and the one address that
 * serves a file, after the read path has said the viewer may have it. Every route: validate →
 * authorise → act → present.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, type SignedInViewer } from '../access/index.js';
import type { FilesService } from './files.service.js';
import type { KnowledgeService } from './knowledge.service.js';
import { NotFoundError } from '../../platform/errors/errors.js';
import { uploadedFile } from '../../platform/http/uploads.js';
import { contentDisposition } from '../../platform/files/file-names.js';
import { typedValues } from '../../ui/components/form.js';
import { MembersTeaserPage } from '../../ui/pages/message.page.js';
import { FilesEditorPage, type FileFormState } from './pages/files.page.js';
import { sendPage } from '../../ui/render.js';
import { PRIVATE, formPost, signedInOrRedirect } from '../access/index.js';
import type { Ctx, LocaleParams } from '../access/index.js';

type ItemParams = LocaleParams & { id: string };
const NOTICES = ['added', 'removed'] as const;

export function registerFilesRoutes(
  site: FastifyInstance,
  deps: {
    files: FilesService;
    knowledge: KnowledgeService;
    contentLocales: readonly string[];
    maxBytes: number;
  },
  ctxOf: Ctx,
): void {
  const limited = formPost(site);

  const page = async (
    request: FastifyRequest<{ Params: ItemParams }>,
    reply: FastifyReply,
    viewer: SignedInViewer,
    state: FileFormState,
    status = 200,
  ) => {
    const ctx = ctxOf(request, reply);
    const files = await deps.files.list(viewer, request.params.id);
    const item = await deps.knowledge.editable(viewer, request.params.id, ctx.locale);
    const original = item.translation
      ? item
      : await deps.knowledge.editable(viewer, item.id, item.originalLocale);
    const notice = (request.query as { done?: string }).done;
    return sendPage(
      reply,
      <FilesEditorPage
        ctx={ctx}
        csrfToken={reply.generateCsrf()}
        item={item}
        itemTitle={original.translation?.title ?? item.slug}
        files={files}
        contentLocales={deps.contentLocales}
        maxBytes={deps.maxBytes}
        state={state}
        notice={NOTICES.find((entry) => entry === notice)}
      />,
      { ...PRIVATE, status },
    );
  };

  site.get<{ Params: ItemParams; Querystring: { done?: string } }>(
    '/editor/items/:id/files',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      return page(request, reply, viewer, { values: {}, errors: {} });
    },
  );

  site.post<{ Params: ItemParams; Body: Record<string, unknown> }>(
    '/editor/items/:id/files',
    {
      ...limited,
      // Past this size the upload stops and the visitor gets the "too large" page (413).
      config: {
        ...limited.config,
        multipartOptions: { limits: { fileSize: deps.maxBytes } },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const body = request.body ?? {};
      const result = await deps.files.upload(viewer, request.params.id, uploadedFile(body.file), {
        title: body.title,
        locale: body.locale,
        access: body.access,
      });
      if (!result.ok)
        return page(
          request,
          reply,
          viewer,
          { values: typedValues(body), errors: result.errors },
          422,
        );
      return reply.redirect(ctx.href(`/editor/items/${request.params.id}/files?done=added`), 303);
    },
  );

  site.post<{ Params: ItemParams & { fileId: string } }>(
    '/editor/items/:id/files/:fileId/remove',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      await deps.files.remove(viewer, request.params.id, request.params.fileId);
      return reply.redirect(ctx.href(`/editor/items/${request.params.id}/files?done=removed`), 303);
    },
  );

  site.get<{ Params: LocaleParams & { id: string; name: string } }>(
    '/files/:id/:name',
    async (request, reply) => {
      const found = await deps.files.download(request.viewer ?? ANONYMOUS, request.params.id);
      if (found === null) throw new NotFoundError();
      if (found === 'members-only') {
        const ctx = ctxOf(request, reply);
        return sendPage(reply, <MembersTeaserPage ctx={ctx} />, { ...PRIVATE, status: 403 });
      }
      const { file } = found;
      const etag = `"${file.sha256}"`;
      // A members-only file is never kept by a shared cache; a public one briefly, as it may
      // still be moved to the members layer.
      void reply
        .header(
          'Cache-Control',
          file.access === 'public' ? 'public, max-age=300' : 'private, no-store',
        )
        .header('ETag', etag)
        .header('Last-Modified', file.updatedAt.toUTCString());
      if (request.headers['if-none-match'] === etag) {
        found.stream.destroy();
        return reply.status(304).send();
      }
      return reply
        .type(file.mediaType)
        .header('Content-Length', String(file.sizeBytes))
        .header(
          'Content-Disposition',
          contentDisposition(found.inline ? 'inline' : 'attachment', file.fileName),
        )
        .header('X-Content-Type-Options', 'nosniff')
        .send(found.stream);
    },
  );
}
