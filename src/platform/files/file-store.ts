/**
 * Uploaded files, kept outside anything the web server serves, each under a generated key (never
 * the uploader's name). One interface for every place files may live; `createFileStore` is the
 * local directory: a two-letter shard folder per key, written to a temporary name first and
 * renamed so that a reader never sees half a file. open-file-store.ts opens the one that FILES_URL
 * names: this directory, or a bucket (s3-file-store.ts).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';

/** A generated storage key: 32 characters of base64url. */
const KEY = /^[A-Za-z0-9_-]{32}$/;

export const isFileKey = (key: string): boolean => KEY.test(key);

/** A new storage key. */
export const newFileKey = (): string => randomBytes(24).toString('base64url');

export interface FileStore {
  /** Where the files are, for people (a directory, or a bucket's address without credentials). */
  readonly description: string;
  /** Stores the bytes and answers the key to find them again. */
  save(data: Uint8Array): Promise<string>;
  /** Stores a stream under a key chosen elsewhere (restore, migration); replaces a file there. */
  put(key: string, data: Readable): Promise<void>;
  read(key: string): Promise<Buffer>;
  /** A stream of the file, or null when there is none. */
  open(key: string): Promise<Readable | null>;
  /** Removes the file; a missing file is not an error. */
  remove(key: string): Promise<void>;
  /** Every stored key, in no particular order. */
  keys(): AsyncIterable<string>;
}

export function createFileStore(directory: string): FileStore {
  const pathOf = (key: string): string => {
    // Keys come from our own database, but a path is only ever built from a well-formed one.
    if (!isFileKey(key)) throw new Error('malformed file key');
    return path.join(directory, key.slice(0, 2), key);
  };
  const writeThen = async (key: string, write: (temporary: string) => Promise<void>) => {
    const target = pathOf(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
    const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.part`;
    try {
      await write(temporary);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  };

  return {
    description: directory,
    async save(data) {
      const key = newFileKey();
      await writeThen(key, (temporary) => writeFile(temporary, data, { mode: 0o640, flag: 'wx' }));
      return key;
    },
    async put(key, data) {
      await writeThen(key, (temporary) =>
        pipeline(data, createWriteStream(temporary, { mode: 0o640, flags: 'wx' })),
      );
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
    async *keys() {
      let shards: string[];
      try {
        shards = await readdir(directory);
      } catch {
        return;
      }
      for (const shard of shards.sort()) {
        if (!/^[A-Za-z0-9_-]{2}$/.test(shard)) continue;
        for (const name of (await readdir(path.join(directory, shard))).sort())
          if (isFileKey(name) && name.startsWith(shard)) yield name;
      }
    },
  };
}
