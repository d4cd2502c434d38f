import { describe, expect, it } from 'vitest';
import type { PageContext } from '../context.js';
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
