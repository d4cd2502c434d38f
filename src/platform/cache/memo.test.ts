import { describe, expect, it } from 'vitest';
import { createMemo } from './memo.js';

describe('memo', () => {
  it('keeps at most its number of entries, the least recently used out first', () => {
    const memo = createMemo<number>(2);
    memo.set('a', 1);
    memo.set('b', 2);
    expect(memo.get('a')).toBe(1); // "a" is now the most recently used
    memo.set('c', 3);
    expect([memo.get('a'), memo.get('b'), memo.get('c')]).toEqual([1, undefined, 3]);
    memo.clear();
    expect(memo.get('a')).toBeUndefined();
  });
});
