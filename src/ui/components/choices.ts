/** The options of choices among the shared vocabularies: themes, the SDGs, the articles of the UDHR. */
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

/** The 17 Sustainable Development Goals, numbered. */
export const sdgOptions = (ctx: PageContext): Option[] =>
  Array.from({ length: 17 }, (_, index) => ({
    value: String(index + 1),
    label: `${index + 1}. ${ctx.text(`vocabularies.sdg.${index + 1}` as MessageKey)}`,
  }));

/** An article of the Universal Declaration of Human Rights, numbered and named. */
export const articleLabel = (ctx: PageContext, number: number): string =>
  `${ctx.text('knowledge.article', { number })} – ${ctx.text(`vocabularies.udhr.${number}` as MessageKey)}`;

/** The 30 articles of the Universal Declaration of Human Rights. */
export const articleOptions = (ctx: PageContext): Option[] =>
  Array.from({ length: 30 }, (_, index) => ({
    value: String(index + 1),
    label: articleLabel(ctx, index + 1),
  }));

/** Codes (of countries, languages) as options, each named by `name`. */
export const codeOptions = (codes: readonly string[], name: (code: string) => string): Option[] =>
  codes.map((code) => ({ value: code, label: name(code) }));
