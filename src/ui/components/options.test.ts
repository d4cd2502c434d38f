import { describe, expect, it } from 'vitest';
import type { PageContext } from '../context.js';
import { codeOptionsKept } from './choices.js';
import { FilterSelect } from './form.js';

// Only the label's and the "any" option's texts are read from the context here.
const ctx = { t: (key: string) => key } as unknown as PageContext;

const select = (options: readonly { value: string; label: string }[], value?: string) =>
  String(FilterSelect({ ctx, name: 'country', label: 'knowledge.filter.country', value, options }));

const OPTIONS = [
  { value: 'be', label: 'Belgium' },
  { value: 'fr', label: 'France <&>' },
];

describe('a filter’s options', () => {
  it('are written the same whether kept (a frozen, shared list) or not', () => {
    const kept = Object.freeze(OPTIONS.map((option) => Object.freeze({ ...option })));
    for (const value of [undefined, 'be', 'fr', 'not-an-option', '', 'fr', 'be', undefined])
      expect(select(kept, value), String(value)).toBe(select([...OPTIONS], value));
  });

  it('select the value asked for, and nothing for a value not among them', () => {
    const kept = Object.freeze(OPTIONS.map((option) => Object.freeze({ ...option })));
    expect(select(kept, 'fr')).toContain('<option value="fr" selected>France &lt;&amp;></option>');
    expect(select(kept, 'fr')).not.toContain('value="be" selected');
    expect(select(kept, 'be')).toContain('<option value="be" selected>');
    expect(select(kept, 'xx')).not.toContain('selected');
    expect(select(kept, undefined)).not.toContain('selected');
  });
});

describe('options of codes', () => {
  const named = codeOptionsKept((code, locale) => `${code.toUpperCase()} (${locale})`);

  it('of a frozen list are kept by the list, per language', () => {
    const codes = Object.freeze(['fr', 'be']);
    const english = named(codes, 'en');
    expect(english.map((option) => option.label)).toEqual(['BE (en)', 'FR (en)']);
    expect(named(codes, 'en')).toBe(english);
    expect(named(codes, 'fr').map((option) => option.label)).toEqual(['BE (fr)', 'FR (fr)']);
    // Another list with the same codes finds the same options.
    expect(named(Object.freeze(['fr', 'be']), 'en')).toBe(english);
  });

  it('of a list that may change follow its codes', () => {
    const codes = ['fr', 'be'];
    expect(named(codes, 'en').map((option) => option.value)).toEqual(['be', 'fr']);
    codes.push('at');
    expect(named(codes, 'en').map((option) => option.value)).toEqual(['at', 'be', 'fr']);
  });
});
