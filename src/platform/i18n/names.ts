/**
 * Names of languages, written in a given language: "Englisch" in a German sentence, "anglais" in
 * a French one, and the reader's alphabetical order. Built once per language, and each name kept
 * once asked for: building a display-names object costs far more than using it, and using it
 * costs more than a map lookup — a list page names two hundred countries and languages.
 */

const displayNames = new Map<string, Intl.DisplayNames>();
const named = new Map<string, Map<string, string>>();

/** The name of a language or region code (ISO 639-1, ISO 3166-1 alpha-2) in `inLocale`. */
export function displayName(type: 'language' | 'region', code: string, inLocale: string): string {
  const kind = `${type}\u0000${inLocale}`;
  let names = named.get(kind);
  if (!names) {
    names = new Map();
    named.set(kind, names);
  }
  let name = names.get(code);
  if (name === undefined) {
    let display = displayNames.get(kind);
    if (!display) {
      display = new Intl.DisplayNames([inLocale], { type, fallback: 'code' });
      displayNames.set(kind, display);
    }
    name = display.of(code) ?? code;
    names.set(code, name);
  }
  return name;
}

/** The name of the language `code`, as written in `inLocale`. */
export const languageName = (code: string, inLocale: string): string =>
  displayName('language', code, inLocale);

/** A language's own name, capitalised, as a language switcher shows it: "Deutsch", "Français". */
export function endonym(locale: string): string {
  const name = languageName(locale, locale);
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

const collators = new Map<string, Intl.Collator>();

/** The alphabetical order of the language (Ä after A in German, Ñ after N in Spanish). */
export function collator(locale: string): Intl.Collator {
  let order = collators.get(locale);
  if (!order) {
    order = new Intl.Collator(locale);
    collators.set(locale, order);
  }
  return order;
}
