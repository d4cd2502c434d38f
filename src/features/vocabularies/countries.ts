/** Country names in any interface language, from the runtime's CLDR data (Intl.DisplayNames). */
import { displayName } from '../../platform/i18n/names.js';
import { codeOptionsKept } from '../../ui/components/choices.js';

/** The localised name of an ISO 3166-1 alpha-2 country or region code (kept once asked for). */
export const countryName = (code: string, locale: string): string =>
  displayName('region', code, locale);

/** Countries as options of a choice, named and ordered in the reader's language. */
export const countryOptions = codeOptionsKept(countryName);
