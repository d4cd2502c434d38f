/**
 * The editors' and the background job's side of attached files: adding, listing and removing
 * them, and the queue of files whose text is still to be read. Readers reach files only through
 * items.repository.ts (findFile), which applies the layers.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { AccessLevel } from '../access/index.js';
import { refreshSearchDocuments } from './editorial.repository.js';

/** pending → working → done | failed; none for files without text (images). */
export type TextStatus = 'pending' | 'working' | 'done' | 'failed' | 'none';

export interface NewFile {
  itemId: string;
  storageKey: string;
  fileName: string;
  title: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  locale: string;
  access: AccessLevel;
  textStatus: 'pending' | 'none';
  createdBy: string | null;
}

/** A file as editors see it. */
export interface EditorFileRow {
  id: string;
  fileName: string;
  title: string;
  mediaType: string;
  sizeBytes: number;
  locale: string;
  access: AccessLevel;
  textStatus: TextStatus;
  textError: string | null;
  /** Words of text read from the file (0 until it is read). */
  words: number;
  createdAt: Date;
}

/** A file whose text the job is to read. */
export interface ClaimedFile {
  id: string;
  itemId: string;
  storageKey: string;
  mediaType: string;
}

/** A file left in "working" this long was being read by an instance that stopped. */
const ABANDONED_AFTER = '10 minutes';

export function createFilesRepository(db: Db) {
  return {
    async listForItem(itemId: string): Promise<EditorFileRow[]> {
      const result = await db.execute<{
        id: string;
        file_name: string;
        title: string;
        media_type: string;
        size_bytes: number;
        locale: string;
        access: AccessLevel;
        text_status: TextStatus;
        text_error: string | null;
        words: number;
        created_at: Date;
      }>(sql`
        SELECT id, file_name, title, media_type, size_bytes, locale, access, text_status, text_error,
               coalesce(array_length(regexp_split_to_array(trim(text), '[[:space:]]+'), 1), 0) AS words,
               created_at
          FROM item_files WHERE item_id = ${itemId} ORDER BY created_at, id`);
      return result.rows.map((row) => ({
        id: row.id,
        fileName: row.file_name,
        title: row.title,
        mediaType: row.media_type,
        sizeBytes: row.size_bytes,
        locale: row.locale,
        access: row.access,
        textStatus: row.text_status,
        textError: row.text_error,
        words: row.words,
        createdAt: new Date(row.created_at),
      }));
    },

    async insert(file: NewFile): Promise<string> {
      const result = await db.execute<{ id: string }>(sql`
        INSERT INTO item_files (item_id, storage_key, file_name, title, media_type, size_bytes,
                                sha256, locale, access, text_status, created_by)
        VALUES (${file.itemId}, ${file.storageKey}, ${file.fileName}, ${file.title},
                ${file.mediaType}, ${file.sizeBytes}, ${file.sha256}, ${file.locale},
                ${file.access}::access_level, ${file.textStatus}, ${file.createdBy})
        RETURNING id`);
      await db.execute(sql`UPDATE items SET updated_at = now() WHERE id = ${file.itemId}`);
      return result.rows[0]?.id ?? '';
    },

    /** Removes a file of an item and its text from search; answers its storage key. */
    async remove(itemId: string, fileId: string): Promise<string | null> {
      return db.transaction(async (tx) => {
        const removed = await tx.execute<{ storage_key: string }>(sql`
          DELETE FROM item_files WHERE id = ${fileId} AND item_id = ${itemId}
          RETURNING storage_key`);
        const key = removed.rows[0]?.storage_key ?? null;
        if (key) await refreshSearchDocuments(tx, itemId);
        return key;
      });
    },

    /** Takes the oldest file waiting to be read, so that no other instance takes it too. */
    async claimNext(): Promise<ClaimedFile | null> {
      const result = await db.execute<{
        id: string;
        item_id: string;
        storage_key: string;
        media_type: string;
      }>(sql`
        UPDATE item_files SET text_status = 'working', text_started_at = now()
         WHERE id = (
           SELECT id FROM item_files
            WHERE text_status = 'pending'
               OR (text_status = 'working' AND text_started_at < now() - ${ABANDONED_AFTER}::interval)
            ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING id, item_id, storage_key, media_type`);
      const row = result.rows[0];
      return row
        ? {
            id: row.id,
            itemId: row.item_id,
            storageKey: row.storage_key,
            mediaType: row.media_type,
          }
        : null;
    },

    /** Keeps what was read (or why nothing was) and puts the text into search. */
    async storeText(
      claimed: ClaimedFile,
      outcome: { ok: true; text: string } | { ok: false; reason: string },
    ): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.execute(sql`
          UPDATE item_files
             SET text_status = ${outcome.ok ? 'done' : 'failed'},
                 text = ${outcome.ok ? outcome.text : null},
                 text_error = ${outcome.ok ? null : outcome.reason}, updated_at = now()
           WHERE id = ${claimed.id}`);
        await refreshSearchDocuments(tx, claimed.itemId);
      });
    },
  };
}

export type FilesRepository = ReturnType<typeof createFilesRepository>;
