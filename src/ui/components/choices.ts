/** The options of choices among the shared vocabularies: themes, the SDGs, the articles of the UDHR. */
import type { PageContext } from '../context.js';
import type { MessageKey } from '../messages.js';

export interface Option {
  value: string;
  label: string;
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

/** The 30 articles of the Universal Declaration of Human Rights. */
export const articleOptions = (ctx: PageContext): Option[] =>
  Array.from({ length: 30 }, (_, index) => ({
    value: String(index + 1),
    label: ctx.text('knowledge.article', { number: index + 1 }),
  }));

/** Codes (of countries, languages) as options, each named by `name`. */
export const codeOptions = (codes: readonly string[], name: (code: string) => string): Option[] =>
  codes.map((code) => ({ value: code, label: name(code) }));
