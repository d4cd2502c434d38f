import { describe, expect, it } from 'vitest';
import { Catalogue } from './catalogue.js';
import { dateTimeFormat, formattingLocale } from './dates.js';

const day = new Date('2026-12-01T12:00:00Z');

describe('dates', () => {
  it('are written in English as in Europe, in other languages as they are', () => {
    expect(formattingLocale('en')).toBe('en-GB');
    expect(formattingLocale('fr')).toBe('fr');
    const long = { dateStyle: 'long', timeZone: 'UTC' } as const;
    expect(dateTimeFormat('en', long).format(day)).toBe('1 December 2026');
    expect(dateTimeFormat('de', long).format(day)).toBe('1. Dezember 2026');
    expect(dateTimeFormat('en', { timeStyle: 'short', timeZone: 'UTC' }).format(day)).toBe('12:00');
  });

  it('share one format per language and options', () => {
    const options = { dateStyle: 'medium', timeZone: 'UTC' } as const;
    expect(dateTimeFormat('it', options)).toBe(dateTimeFormat('it', { ...options }));
    expect(dateTimeFormat('it', options)).not.toBe(dateTimeFormat('es', options));
  });

  it('follow the same rule inside messages', () => {
    const t = new Catalogue().translator('en');
    expect(t.t('common.lastUpdated', { date: day })).toContain('1 December 2026');
  });
});
