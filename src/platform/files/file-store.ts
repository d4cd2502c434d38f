/**
 * Uploaded files on disk, outside anything the web server serves: each file is stored under a
 * generated name (never the uploader's), in a two-letter shard folder, written to a temporary
 * name first and renamed so that a reader never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A generated storage key: 32 characters of base64url. */
const KEY = /^[A-Za-z0-9_-]{32}$/;

export interface FileStore {
  /** Stores the bytes and answers the key to find them again. */
  save(data: Uint8Array): Promise<string>;
  read(key: string): Promise<Buffer>;
  /** A stream of the file, or null when there is none. */
  open(key: string): Promise<ReadStream | null>;
  /** Removes the file; a missing file is not an error. */
  remove(key: string): Promise<void>;
}

export function createFileStore(directory: string): FileStore {
  const pathOf = (key: string): string => {
    // Keys come from our own database, but a path is only ever built from a well-formed one.
    if (!KEY.test(key)) throw new Error('malformed file key');
    return path.join(directory, key.slice(0, 2), key);
  };

  return {
    async save(data) {
      const key = randomBytes(24).toString('base64url');
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
      const temporary = `${target}.${process.pid}.part`;
      await writeFile(temporary, data, { mode: 0o640, flag: 'wx' });
      await rename(temporary, target);
      return key;
    },
    read: (key) => readFile(pathOf(key)),
    async open(key) {
      const file = pathOf(key);
      try {
        await stat(file);
      } catch {
        return null;
      }
      return createReadStream(file);
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
