/**
 * The render cache: rendered HTML of anonymous pages, kept in memory (least recently used first out,
 * bounded in bytes) and emptied on every content write, on every app instance, through a
 * PostgreSQL notification. Pages are rendered once per change instead of once per request.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type pg from 'pg';
import type { Logger } from '../logging/logger.js';

const CHANNEL = 'hrcn_render_cache';
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** A page as it was rendered: the same bytes for every visitor (no per-response nonce). */
export interface PageToCache {
  status: number;
  body: string;
}

export interface CachedPage {
  status: number;
  body: Buffer;
  /** A strong validator of the body, quoted: `If-None-Match` answers 304 without the bytes. */
  etag: string;
  /** The body compressed once, when kept; absent until ready (the server compresses meanwhile). */
  br?: Buffer;
  gzip?: Buffer;
}

export interface RenderCache {
  get(key: string): CachedPage | undefined;
  set(key: string, page: PageToCache): void;
  /** Empties this instance's cache. */
  clear(): void;
  /** Calls the listener whenever this instance's cache is emptied (content changed somewhere). */
  onClear(listener: () => void): void;
  /** Empties the cache of every instance (NOTIFY); call after any write that changes content. */
  invalidateEverywhere(): Promise<void>;
  /** Starts listening for other instances' invalidations; resolves once listening. */
  listen(): Promise<void>;
  /** Stops listening. */
  close(): Promise<void>;
  stats(): { entries: number; bytes: number; hits: number; misses: number };
}

export interface RenderCacheOptions {
  pool: pg.Pool;
  log: Logger;
  /** Upper bound of the cached bodies' total size. */
  maxBytes: number;
}

export function createRenderCache(options: RenderCacheOptions): RenderCache {
  const entries = new Map<string, CachedPage & { size: number }>();
  // Bumped by every clear: a compression finishing after one belongs to a page no longer kept.
  let generation = 0;
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  let listener: { client: pg.PoolClient; giveBack: (error?: Error) => void } | null = null;
  let closing = false;
  const clearListeners: (() => void)[] = [];

  const remove = (key: string): void => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.size;
  };
  const clear = (): void => {
    generation++;
    entries.clear();
    bytes = 0;
    for (const listener of clearListeners) listener();
  };

  const connectListener = async (): Promise<void> => {
    const client = await options.pool.connect();
    // The client goes back to the pool exactly once, whatever happens after.
    let returned = false;
    const giveBack = (error?: Error): void => {
      if (returned) return;
      returned = true;
      client.release(error);
    };
    client.on('notification', () => clear());
    // A dropped connection can emit several errors, even after it went back to the pool.
    client.on('error', (error) => {
      if (returned) return;
      // Whatever changed meanwhile is unknown, so forget everything.
      clear();
      listener = null;
      giveBack(error);
      if (closing) return;
      options.log.warn({ err: error }, 'render cache listener lost; reconnecting');
      setTimeout(() => void connectListener().catch(() => undefined), 1000).unref();
    });
    await client.query(`LISTEN ${CHANNEL}`);
    listener = { client, giveBack };
  };

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) {
        misses++;
        return undefined;
      }
      hits++;
      entries.delete(key); // refresh its place in the LRU order
      entries.set(key, entry);
      return entry;
    },
    set(key, page) {
      const body = Buffer.from(page.body);
      // The compressed forms take about as much again as the body, at most.
      const size = body.length * 2;
      if (size > options.maxBytes / 4) return;
      remove(key);
      const entry: CachedPage & { size: number } = {
        status: page.status,
        body,
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
        size,
      };
      entries.set(key, entry);
      bytes += size;
      for (const oldest of entries.keys()) {
        if (bytes <= options.maxBytes) break;
        remove(oldest);
      }
      // Compressed once here, off the event loop, instead of on every hit.
      const kept = generation;
      void Promise.all([
        brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
        gzip(body, { level: 9 }),
      ]).then(
        ([br, gzipped]) => {
          if (generation !== kept || entries.get(key) !== entry) return;
          entry.br = br;
          entry.gzip = gzipped;
        },
        (error: unknown) => options.log.warn({ err: error }, 'cached page not compressed'),
      );
    },
    clear,
    onClear: (listener) => void clearListeners.push(listener),
    async invalidateEverywhere() {
      clear();
      await options.pool.query(`NOTIFY ${CHANNEL}`);
    },
    listen: connectListener,
    async close() {
      closing = true;
      const current = listener;
      listener = null;
      if (current) {
        await current.client.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
        current.giveBack();
      }
    },
    stats: () => ({ entries: entries.size, bytes, hits, misses }),
  };
}
