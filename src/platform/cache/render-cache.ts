/**
 * The render cache: rendered HTML of anonymous pages, kept in memory (least recently used first out,
 * bounded in bytes) and emptied on every content write, on every app instance, through a
 * PostgreSQL notification. Pages are rendered once per change instead of once per request.
 */
import type pg from 'pg';
import type { Logger } from '../logging/logger.js';

const CHANNEL = 'hrcn_render_cache';

export interface CachedPage {
  status: number;
  body: string;
  /** The CSP nonce the body was rendered with; replaced by the new response's nonce on a hit. */
  nonce: string;
}

export interface RenderCache {
  get(key: string): CachedPage | undefined;
  set(key: string, page: CachedPage): void;
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
      const size = Buffer.byteLength(page.body);
      if (size > options.maxBytes / 4) return;
      remove(key);
      entries.set(key, { ...page, size });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (bytes <= options.maxBytes) break;
        remove(oldest);
      }
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
