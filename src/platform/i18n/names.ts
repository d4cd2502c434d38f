/**
 * Names of languages, written in a given language: "Englisch" in a German sentence, "anglais" in
 * a French one. The display names are built once per language: building one costs far more than
 * using it, and a page names a language many times (its language links, its notices).
 */

const displayNames = new Map<string, Intl.DisplayNames>();

/** The name of the language `code`, as written in `inLocale`. */
export function languageName(code: string, inLocale: string): string {
  let names = displayNames.get(inLocale);
  if (!names) {
    names = new Intl.DisplayNames([inLocale], { type: 'language' });
    displayNames.set(inLocale, names);
  }
  return names.of(code) ?? code;
}

/** A language's own name, capitalised, as a language switcher shows it: "Deutsch", "Français". */
export function endonym(locale: string): string {
  const name = languageName(locale, locale);
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
