import { describe, expect, it } from 'vitest';
import { niceTicks } from './line-chart.js';

describe('niceTicks', () => {
  it('spans the values with round steps, from below the least to above the greatest', () => {
    expect(niceTicks(0, 41)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(niceTicks(0, 7.5)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(-3, 12)).toEqual([-5, 0, 5, 10, 15]);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('ends on any figures, however large or small', () => {
    expect(niceTicks(-1.5e308, 1.5e308).length).toBeLessThanOrEqual(8);
    expect(niceTicks(0, 5e-324).length).toBeLessThanOrEqual(8);
    expect(niceTicks(Number.NaN, 3)).toEqual([Number.NaN]);
  });
});
