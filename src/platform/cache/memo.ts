/**
 * A small in-memory map of computed values, bounded in entries, the least recently used out
 * first. Values computed from content (list counts) are emptied by the app whenever the render
 * cache is emptied, so they follow every content change on every instance and scheduled items
 * coming due; values of a pure function (options of a choice, a Markdown text's HTML) are keyed by
 * everything they depend on and never go stale.
 */
export interface Memo<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  clear(): void;
}

export function createMemo<V>(maxEntries: number): Memo<V> {
  const entries = new Map<string, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key); // refresh its place in the LRU order
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
    clear: () => entries.clear(),
  };
}
