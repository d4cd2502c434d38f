/** The options of choices among the shared vocabularies: themes, the SDGs, the articles of the UDHR. */
import { createMemo } from '../../platform/cache/memo.js';
import { collator } from '../../platform/i18n/names.js';
import type { PageContext } from '../context.js';
import type { MessageKey } from '../messages.js';

export interface Option {
  value: string;
  label: string;
  /** The group the option is shown under (an optgroup, a fieldset); consecutive options share it. */
  group?: string;
}

/** Options cut into runs of the same group, in their order. */
export function groupRuns<T extends Option>(
  options: readonly T[],
): { group: string | undefined; options: { option: T; index: number }[] }[] {
  const runs: { group: string | undefined; options: { option: T; index: number }[] }[] = [];
  options.forEach((option, index) => {
    const last = runs.at(-1);
    if (last && last.group === option.group) last.options.push({ option, index });
    else runs.push({ group: option.group, options: [{ option, index }] });
  });
  return runs;
}

/** The themes with these keys, named in the reader's language (in the keys' order). */
export const themeOptions = (ctx: PageContext, keys: readonly string[]): Option[] =>
  keys.map((key) => ({ value: key, label: ctx.text(`vocabularies.theme.${key}` as MessageKey) }));

/** Options that depend only on the reader's language, made once per language and shared (frozen). */
function keptPerLanguage(
  make: (ctx: PageContext) => Option[],
): (ctx: PageContext) => readonly Option[] {
  const kept = createMemo<readonly Option[]>(100);
  return (ctx) => {
    let options = kept.get(ctx.locale);
    if (!options) {
      options = Object.freeze(make(ctx).map((option) => Object.freeze(option)));
      kept.set(ctx.locale, options);
    }
    return options;
  };
}

/** The 17 Sustainable Development Goals, numbered. */
export const sdgOptions = keptPerLanguage((ctx) =>
  Array.from({ length: 17 }, (_, index) => ({
    value: String(index + 1),
    label: `${index + 1}. ${ctx.text(`vocabularies.sdg.${index + 1}` as MessageKey)}`,
  })),
);

/** An article of the Universal Declaration of Human Rights, numbered and named. */
export const articleLabel = (ctx: PageContext, number: number): string =>
  `${ctx.text('knowledge.article', { number })} – ${ctx.text(`vocabularies.udhr.${number}` as MessageKey)}`;

/** The 30 articles of the Universal Declaration of Human Rights. */
export const articleOptions = keptPerLanguage((ctx) =>
  Array.from({ length: 30 }, (_, index) => ({
    value: String(index + 1),
    label: articleLabel(ctx, index + 1),
  })),
);

/**
 * Options of codes (of countries, languages) named by `name` in the reader's language and in their
 * alphabetical order, kept per language and list of codes: naming and ordering two hundred
 * countries cost more than the rest of a list page. A frozen list (the countries, the supported
 * languages) is found by itself, without writing out its codes as a key on every page. The options
 * are shared; never change them.
 */
export function codeOptionsKept(
  name: (code: string, locale: string) => string,
): (codes: readonly string[], locale: string) => readonly Option[] {
  // The lists come from the content (the countries items name), hence a bound.
  const kept = createMemo<readonly Option[]>(500);
  const ofFrozenList = new WeakMap<readonly string[], Map<string, readonly Option[]>>();
  return (codes, locale) => {
    const frozen = Object.isFrozen(codes);
    const found = frozen ? ofFrozenList.get(codes)?.get(locale) : undefined;
    if (found) return found;
    const key = `${locale}\u0000${codes.join(',')}`;
    let options = kept.get(key);
    if (!options) {
      const order = collator(locale);
      options = Object.freeze(
        codes
          .map((code) => Object.freeze({ value: code, label: name(code, locale) }))
          .sort((a, b) => order.compare(a.label, b.label)),
      );
      kept.set(key, options);
    }
    if (frozen) {
      let byLocale = ofFrozenList.get(codes);
      if (!byLocale) ofFrozenList.set(codes, (byLocale = new Map()));
      byLocale.set(locale, options);
    }
    return options;
  };
}
