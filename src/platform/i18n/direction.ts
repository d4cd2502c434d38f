/**
 * Writing direction. A language written right to left gets `dir="rtl"`; text of the other
 * direction placed into a message (a Latin name or address in an Arabic sentence, an Arabic title
 * in an English one) is isolated with Unicode's first-strong isolate, so that it neither takes
 * nor gives the sentence's punctuation and numbers: "‏أرسلت ⁨ana@example.org⁩ رسالة".
 */

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb']);

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.split('-')[0] ?? locale) ? 'rtl' : 'ltr';
}

// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, their presentation
// forms), and anything a left-to-right reader's text may hold that would reorder in an RTL line.
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const LTR_OR_NUMBER = /[\p{L}\p{N}]/u;
const FSI = '\u2068';
const PDI = '\u2069';

/** A value to place into a message of `locale`, isolated when its direction may differ. */
export function isolated(value: string, locale: string): string {
  if (value === '') return value;
  const needs =
    directionOf(locale) === 'rtl'
      ? LTR_OR_NUMBER.test(value.replace(new RegExp(RTL_LETTER, 'gu'), ''))
      : RTL_LETTER.test(value);
  return needs ? `${FSI}${value}${PDI}` : value;
}
