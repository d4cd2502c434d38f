/** Small stream steps shared by backup and restore: parts of entries, digests, back-pressure. */
import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Pack } from 'tar-stream';
import { CHUNK_BYTES } from './archive.js';
import type { Progress } from '../progress.js';

/** Makes a progress bar: the CLI's draws on stderr, the daily job's draws nothing. */
export type ProgressFactory = (title: string, total: number, unit: string) => Progress;

export const noProgress: ProgressFactory = () => ({
  advance: () => undefined,
  setTotal: () => undefined,
  stop: () => undefined,
});

/** Bytes, SHA-256 and line count (COPY text rows) of what passes through. */
export class Digest {
  private readonly hash: Hash = createHash('sha256');
  bytes = 0;
  lines = 0;

  /** Takes a chunk; answers how many lines ended in it. */
  take(chunk: Buffer): number {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    let lines = 0;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
    this.lines += lines;
    return lines;
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}

/** Adds one entry to the archive and resolves once the archive took it (back-pressure). */
export function addEntry(pack: Pack, name: string, data: Buffer, failed: Promise<never>) {
  const added = new Promise<void>((resolve, reject) => {
    pack.entry({ name, size: data.length, mode: 0o600, mtime: new Date(0) }, data, (error) =>
      error ? reject(error) : resolve(),
    );
  });
  return Promise.race([added, failed]);
}

/**
 * Writes a stream into the archive as parts of at most CHUNK_BYTES named by `partName` (at
 * least one part, empty for an empty stream), passing each chunk to `observe` first.
 */
export async function addParts(
  pack: Pack,
  partName: (index: number) => string,
  source: AsyncIterable<Buffer>,
  observe: (chunk: Buffer) => void,
  failed: Promise<never>,
): Promise<void> {
  let pending: Buffer[] = [];
  let size = 0;
  let index = 0;
  const flush = async () => {
    const data = Buffer.concat(pending, size);
    pending = [];
    size = 0;
    await addEntry(pack, partName(index++), data, failed);
  };
  for await (const chunk of source) {
    observe(chunk);
    let rest = chunk;
    while (size + rest.length >= CHUNK_BYTES) {
      const take = CHUNK_BYTES - size;
      pending.push(rest.subarray(0, take));
      size += take;
      rest = rest.subarray(take);
      await flush();
    }
    if (rest.length > 0) {
      pending.push(rest);
      size += rest.length;
    }
  }
  if (size > 0 || index === 0) await flush();
}

/** Writes a chunk, waiting when the stream asks to; rejects when `failed` does first. */
export async function writeChunk(
  stream: Writable,
  chunk: Buffer,
  failed: Promise<unknown>,
): Promise<void> {
  if (stream.write(chunk)) return;
  await Promise.race([once(stream, 'drain'), failed]);
}
