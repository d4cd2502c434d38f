/**
 * Attaching a file to a post (a multipart form under the post, for its author and the space's
 * moderators) and the one address that serves a post's file, after the read path has said the
 * viewer may have it. Every route: validate → authorise → act → present.
 */
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../platform/errors/errors.js';
import { contentDisposition } from '../../platform/files/file-names.js';
import { uploadedFile } from '../../platform/http/uploads.js';
import { ANONYMOUS, formPost, signedInOrRedirect, type Ctx } from '../access/index.js';
import type { Attachments } from './attachments.js';
import type { DialogueService } from './dialogue.service.js';
import type { LocaleParams } from '../access/index.js';
import type { PostParams } from './dialogue.routing.js';

export function registerAttachmentRoutes(
  site: FastifyInstance,
  deps: { dialogue: DialogueService; attachments: Attachments; maxBytes: number },
  ctxOf: Ctx,
): void {
  const limited = formPost(site, 20);

  site.post<{ Params: PostParams; Body: Record<string, unknown> | undefined }>(
    '/dialogue/:space/:number/posts/:post/files',
    {
      ...limited,
      // Past this size the upload stops and the person gets the "too large" page (413).
      config: { ...limited.config, multipartOptions: { limits: { fileSize: deps.maxBytes } } },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const found = await deps.dialogue.locate(viewer, request.params.space, request.params.number);
      if (!found) throw new NotFoundError();
      const { space, thread } = found;
      const attached = await deps.attachments.attach(
        viewer,
        thread,
        request.params.post,
        uploadedFile(request.body?.file),
      );
      if (!attached) throw new NotFoundError();
      const post = (await deps.dialogue.postNumber(thread, request.params.post)) ?? 1;
      const problem = (attached.ok ? '' : (attached.errors.file ?? '')).replace(
        'dialogue.errors.',
        '',
      );
      const outcome = attached.ok ? 'done=attached' : `problem=${problem}`;
      return reply.redirect(
        ctx.href(`/dialogue/${space.slug}/${thread.number}?post=${post}&${outcome}#p${post}`),
        303,
      );
    },
  );

  site.get<{ Params: LocaleParams & { id: string; name: string } }>(
    '/dialogue/files/:id/:name',
    async (request, reply) => {
      const found = await deps.attachments.download(request.viewer ?? ANONYMOUS, request.params.id);
      if (!found) throw new NotFoundError();
      return reply
        .type(found.file.mediaType)
        .header('Content-Length', String(found.file.sizeBytes))
        .header(
          'Content-Disposition',
          contentDisposition(found.inline ? 'inline' : 'attachment', found.file.fileName),
        )
        .header('Cache-Control', 'private, no-store')
        .header('X-Content-Type-Options', 'nosniff')
        .send(found.stream);
    },
  );
}
