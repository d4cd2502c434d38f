/**
 * Files attached to posts: the author (or the space's moderators) adds them; a reader downloads
 * one only through the same reach as the post itself — a space they read, a thread listed for
 * them, a post shown (or held or hidden, for its author and the moderators). The kinds of file
 * and the store are the platform's (recognised by their bytes, kept under generated names).
 */
import { sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Db } from '../../platform/db/database.js';
import { cleanFileName } from '../../platform/files/file-names.js';
import type { FileStore } from '../../platform/files/file-store.js';
import { ACCEPTED_TYPES, detectFileType, isAcceptedType } from '../../platform/files/file-types.js';
import type { UploadedFile } from '../../platform/http/uploads.js';
import type { FormResult, SignedInViewer, Viewer } from '../access/index.js';
import { moderatesSpace, spaceReadable, threadListed } from './dialogue.visibility.js';
import type { PostingRepository } from './posting.repository.js';
import type { Thread } from './threads.repository.js';

/** At most this many files on one post. */
export const FILES_PER_POST = 5;

export interface Attachment {
  id: string;
  postId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

interface AttachmentRow extends Record<string, unknown> {
  id: string;
  post_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
}

const attachment = (row: AttachmentRow): Attachment => ({
  id: row.id,
  postId: row.post_id,
  fileName: row.file_name,
  mediaType: row.media_type,
  sizeBytes: row.size_bytes,
});

export function createAttachments(deps: { db: Db; store: FileStore; posting: PostingRepository }) {
  const { db, store } = deps;
  return {
    /** The files of these posts, by post. */
    async ofPosts(postIds: readonly string[]): Promise<Map<string, Attachment[]>> {
      const found = new Map<string, Attachment[]>();
      if (postIds.length === 0) return found;
      const rows = await db.execute<AttachmentRow>(sql`
        SELECT id, post_id, file_name, media_type, size_bytes FROM dialogue_attachments
         WHERE post_id = ANY(${sql.param(postIds)}::uuid[]) ORDER BY created_at`);
      for (const row of rows.rows)
        found.set(row.post_id, [...(found.get(row.post_id) ?? []), attachment(row)]);
      return found;
    },

    /** Attaches a file to a post of the thread, by its author or the space's moderators. */
    async attach(
      viewer: SignedInViewer,
      thread: Thread,
      postId: string,
      file: UploadedFile | null,
    ): Promise<FormResult | null> {
      const post = await deps.posting.post(postId);
      if (!post || post.threadId !== thread.id || post.state === 'deleted') return null;
      if (post.authorId !== viewer.id && !thread.moderated) return null;
      if (!file) return { ok: false, errors: { file: 'dialogue.errors.fileMissing' } };
      const type = await detectFileType(file.data);
      if (!type) return { ok: false, errors: { file: 'dialogue.errors.fileType' } };
      const counted = await db.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM dialogue_attachments WHERE post_id = ${post.id}`);
      if ((counted.rows[0]?.n ?? 0) >= FILES_PER_POST)
        return { ok: false, errors: { file: 'dialogue.errors.tooManyFiles' } };
      const key = await store.save(file.data);
      await db.execute(sql`
        INSERT INTO dialogue_attachments (post_id, file_name, media_type, size_bytes, storage_key)
        VALUES (${post.id}, ${cleanFileName(file.fileName, ACCEPTED_TYPES[type].extension)},
                ${type}, ${file.data.length}, ${key})`);
      return { ok: true };
    },

    /** A file the viewer may read, with its bytes; null for anyone else (and unknown files). */
    async download(
      viewer: Viewer,
      id: string,
    ): Promise<{ file: Attachment; stream: Readable; inline: boolean } | null> {
      if (!/^[0-9a-f-]{36}$/.test(id)) return null;
      const reader = viewer.kind === 'user' ? viewer.id : null;
      const rows = await db.execute<AttachmentRow & { storage_key: string }>(sql`
        SELECT a.id, a.post_id, a.file_name, a.media_type, a.size_bytes, a.storage_key
          FROM dialogue_attachments a
          JOIN dialogue_posts p ON p.id = a.post_id
          JOIN dialogue_threads t ON t.id = p.thread_id
          JOIN dialogue_spaces s ON s.id = t.space_id
         WHERE a.id = ${id} AND ${spaceReadable(viewer)} AND ${threadListed(viewer)}
           AND (p.state = 'shown'
                OR (p.state IN ('held', 'hidden')
                    AND (p.author_id = ${reader} OR ${moderatesSpace(viewer, sql`s.id`)})))`);
      const row = rows.rows[0];
      if (!row) return null;
      const stream = await store.open(row.storage_key);
      if (!stream) return null;
      const type = row.media_type;
      return {
        file: attachment(row),
        stream,
        inline: isAcceptedType(type) && ACCEPTED_TYPES[type].inline,
      };
    },
  };
}

export type Attachments = ReturnType<typeof createAttachments>;
