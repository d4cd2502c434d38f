/**
 * Files attached to Knowledge Centre items: editors add and remove them; readers download them
 * through the visibility-filtered read path; a background job reads the text of documents for
 * search. The type is the one found in the bytes, the name on disk a generated one.
 */
import { cleanFileName } from '../../platform/files/file-names.js';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ForbiddenError, NotFoundError } from '../../platform/errors/errors.js';
import { isUuid } from '../../platform/db/columns.js';
import type { FileStore } from '../../platform/files/file-store.js';
import { ACCEPTED_TYPES, detectFileType, isAcceptedType } from '../../platform/files/file-types.js';
import type { ExtractableKind, ExtractionOutcome } from '../../platform/files/text-extraction.js';
import type { UploadedFile } from '../../platform/http/uploads.js';
import type { Logger } from '../../platform/logging/logger.js';
import { can, type SignedInViewer, type Viewer } from '../access/index.js';
import type { EditorialRepository } from './editorial.repository.js';
import type { EditorFileRow, FilesRepository } from './files.repository.js';
import type { ItemsRepository, ReadableFile } from './items.repository.js';

export const FILE_JOBS = {
  /** Also run at once after each upload; the minute schedule picks up anything missed. */
  extractText: { name: 'knowledge.extract-file-text', cron: '* * * * *' },
} as const;

/** Files whose text one run of the job reads at most (the rest wait for the next run). */
const FILES_PER_RUN = 20;

export interface FilesServiceDeps {
  files: FilesRepository;
  editorial: EditorialRepository;
  items: ItemsRepository;
  store: FileStore;
  /** Reads a document's text (platform/files/text-extraction.ts, in a worker thread). */
  extract: (kind: ExtractableKind, data: Uint8Array) => Promise<ExtractionOutcome>;
  /** Languages a file may be in. */
  locales: readonly string[];
  maxBytes: number;
  /** Asks the job queue to read new files now rather than at the next minute. */
  requestExtraction: () => void;
  contentChanged: () => Promise<void>;
  log: Logger;
}

export type UploadOutcome =
  | { ok: true; id: string }
  | { ok: false; errors: Partial<Record<'file' | 'title' | 'locale' | 'access', string>> };

export function createFilesService(deps: FilesServiceDeps) {
  function assertEditor(viewer: SignedInViewer): void {
    if (!can(viewer, 'publish-knowledge')) throw new ForbiddenError();
  }

  async function itemFor(viewer: SignedInViewer, itemId: string) {
    assertEditor(viewer);
    const item = isUuid(itemId) ? await deps.editorial.findForEditing(itemId, '') : null;
    if (!item) throw new NotFoundError();
    return item;
  }

  return {
    /** The item's files with the state of their text, for its editors. */
    async list(viewer: SignedInViewer, itemId: string): Promise<EditorFileRow[]> {
      await itemFor(viewer, itemId);
      return deps.files.listForItem(itemId);
    },

    async upload(
      viewer: SignedInViewer,
      itemId: string,
      file: UploadedFile | null,
      form: { title?: unknown; locale?: unknown; access?: unknown },
    ): Promise<UploadOutcome> {
      const item = await itemFor(viewer, itemId);
      const errors: Extract<UploadOutcome, { ok: false }>['errors'] = {};
      const title = typeof form.title === 'string' ? form.title.trim() : '';
      if (title.length > 200) errors.title = 'files.errors.titleTooLong';
      const locale = typeof form.locale === 'string' ? form.locale : '';
      if (!deps.locales.includes(locale)) errors.locale = 'files.errors.locale';
      // A file is never more open than its item.
      const access = form.access === 'members' || item.access === 'members' ? 'members' : 'public';
      if (item.access === 'public' && form.access !== 'members' && form.access !== 'public')
        errors.access = 'files.errors.access';
      const mediaType = file ? await detectFileType(file.data) : null;
      if (!file) errors.file = 'files.errors.missing';
      else if (file.data.length > deps.maxBytes) errors.file = 'files.errors.tooLarge';
      else if (!mediaType) errors.file = 'files.errors.type';
      if (!file || !mediaType || Object.keys(errors).length > 0) return { ok: false, errors };
      const type = ACCEPTED_TYPES[mediaType];
      const storageKey = await deps.store.save(file.data);
      const id = await deps.files.insert({
        itemId,
        storageKey,
        fileName: cleanFileName(file.fileName, type.extension),
        title,
        mediaType,
        sizeBytes: file.data.length,
        sha256: createHash('sha256').update(file.data).digest('hex'),
        locale,
        access,
        textStatus: type.kind === 'image' ? 'none' : 'pending',
        createdBy: viewer.id,
      });
      if (type.kind !== 'image') deps.requestExtraction();
      await deps.contentChanged();
      return { ok: true, id };
    },

    async remove(viewer: SignedInViewer, itemId: string, fileId: string): Promise<void> {
      await itemFor(viewer, itemId);
      const key = isUuid(fileId) ? await deps.files.remove(itemId, fileId) : null;
      if (!key) throw new NotFoundError();
      await deps.store.remove(key);
      await deps.contentChanged();
    },

    /**
     * A file for this viewer to download, with its bytes; 'members-only' when it is for members
     * and the viewer is not one; null when there is no such published file.
     */
    async download(
      viewer: Viewer,
      fileId: string,
    ): Promise<{ file: ReadableFile; inline: boolean; stream: Readable } | 'members-only' | null> {
      if (!isUuid(fileId)) return null;
      const file = await deps.items.findFile(viewer, fileId);
      if (file === null || file === 'members-only') return file;
      const stream = await deps.store.open(file.storageKey);
      if (!stream) {
        deps.log.error({ file: file.id }, 'attached file missing from the file store');
        return null;
      }
      const inline = isAcceptedType(file.mediaType) && ACCEPTED_TYPES[file.mediaType].inline;
      return { file, inline, stream };
    },

    /** The job: reads the text of files waiting for it, one at a time. Answers how many. */
    async extractPending(): Promise<number> {
      let done = 0;
      for (let count = 0; count < FILES_PER_RUN; count++) {
        const claimed = await deps.files.claimNext();
        if (!claimed) break;
        const kind = isAcceptedType(claimed.mediaType)
          ? ACCEPTED_TYPES[claimed.mediaType].kind
          : 'image';
        const outcome: ExtractionOutcome =
          kind === 'image'
            ? { ok: false, reason: 'unreadable' }
            : await deps.extract(kind, await deps.store.read(claimed.storageKey));
        if (!outcome.ok)
          deps.log.warn({ file: claimed.id, reason: outcome.reason }, 'file text not read');
        await deps.files.storeText(claimed, outcome);
        done++;
      }
      return done;
    },
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
