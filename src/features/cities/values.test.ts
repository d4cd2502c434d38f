import { describe, expect, it } from 'vitest';
import { dateProblem, parseValue, yearProblem } from './values.js';

describe('parseValue', () => {
  it('reads numbers in the writer’s convention', () => {
    expect(parseValue('1,234.5', 'en', '%')).toEqual({ ok: true, value: 1234.5 });
    expect(parseValue('1.234,5', 'de', '%')).toEqual({ ok: true, value: 1234.5 });
    expect(parseValue('1 234,5', 'fr', '%')).toEqual({ ok: true, value: 1234.5 });
    expect(parseValue('12,5', 'fr', '%')).toEqual({ ok: true, value: 12.5 });
    expect(parseValue('12.5', 'de', '%')).toEqual({ ok: true, value: 12.5 });
    expect(parseValue('1,234', 'en', '%')).toEqual({ ok: true, value: 1234 });
    expect(parseValue('-3', 'en', '%')).toEqual({ ok: true, value: -3 });
    expect(parseValue('42', 'it', 'EUR')).toEqual({ ok: true, value: 42 });
  });

  it('accepts the indicator’s own unit after the number, and refuses another', () => {
    expect(parseValue('12 %', 'en', '%')).toEqual({ ok: true, value: 12 });
    expect(parseValue('3 per 10,000 inhabitants', 'en', 'per 10 000 inhabitants')).toEqual({
      ok: true,
      value: 3,
    });
    expect(parseValue('12 %', 'en', 'EUR')).toEqual({ ok: false, error: 'unit' });
    expect(parseValue('12 km', 'en', '%')).toEqual({ ok: false, error: 'unit' });
  });

  it('refuses what is not a number', () => {
    for (const text of ['', 'twelve', 'n/a', '12..5', '1,2,3.4.5', '--2'])
      expect(parseValue(text, 'en', '%'), text).toMatchObject({ ok: false });
  });
});

describe('yearProblem and dateProblem', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  it('refuses a year or a day to come, and what is not one', () => {
    expect(yearProblem('2025', now)).toBeNull();
    expect(yearProblem('2027', now)).toBe('yearFuture');
    expect(yearProblem('25', now)).toBe('year');
    expect(yearProblem('1850', now)).toBe('year');
    expect(dateProblem('2026-02-30', now)).toBe('date');
    expect(dateProblem('2026-12-07', now)).toBe('dateFuture');
    expect(dateProblem('2020-05-01', now)).toBeNull();
  });
});
