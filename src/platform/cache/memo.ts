/**
 * A small in-memory map of computed values, bounded in entries, the least recently used out
 * first (lru-cache). Values computed from content (list counts) are emptied by the app whenever the
 * render cache is emptied, so they follow every content change on every instance and scheduled
 * items coming due; values of a pure function (options of a choice, a Markdown text's HTML) are
 * keyed by everything they depend on and never go stale.
 */
import { LRUCache } from 'lru-cache';

export interface Memo<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  clear(): void;
}

export function createMemo<V extends NonNullable<unknown>>(maxEntries: number): Memo<V> {
  const entries = new LRUCache<string, V>({ max: maxEntries });
  return {
    get: (key) => entries.get(key),
    set: (key, value) => void entries.set(key, value),
    clear: () => entries.clear(),
  };
}
