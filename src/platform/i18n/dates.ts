/**
 * How dates and times are written in each language. English follows its European use (1 December
 * 2026, a 24-hour clock), not the United States' (December 1, 2026): the network is European.
 * Portuguese follows Portugal's, as its catalogue does. Arabic keeps ICU's default (Arabic-Indic
 * digits).
 * Formats are built once per language and options: building one costs far more than using it.
 */

/** The regional variant whose conventions a language's dates and numbers follow. */
const REGIONAL: Readonly<Record<string, string>> = { en: 'en-GB', pt: 'pt-PT' };

export function formattingLocale(locale: string): string {
  return REGIONAL[locale] ?? locale;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A date and time format of the language, shared by every caller with the same options. */
export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(formattingLocale(locale), options);
    formats.set(key, format);
  }
  return format;
}
