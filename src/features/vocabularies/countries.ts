/** Country names in any interface language, from the runtime's CLDR data (Intl.DisplayNames). */
const cache = new Map<string, Intl.DisplayNames>();

/** The localised name of an ISO 3166-1 alpha-2 country or region code. */
export function countryName(code: string, locale: string): string {
  let names = cache.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    cache.set(locale, names);
  }
  return names.of(code) ?? code;
}
