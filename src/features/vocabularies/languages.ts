/**
 * Languages a person can say they speak: the 24 official languages of the EU, then the languages
 * most spoken by the network's cities and their residents beyond them. ISO 639-1 codes; names come
 * from Intl.DisplayNames in the reader's language.
 */
import { languageName } from '../../platform/i18n/names.js';
import { codeOptionsKept } from '../../ui/components/choices.js';

export const SPOKEN_LANGUAGES = [
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'mt',
  'nl',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
  'ar',
  'bs',
  'ca',
  'eu',
  'gl',
  'is',
  'ka',
  'mk',
  'no',
  'ru',
  'sq',
  'sr',
  'tr',
  'uk',
  'zh',
] as const;

/** The name of a language in the reader's language, e.g. ("de", "fr") → "allemand". */
export { languageName };

/** Languages as options of a choice, named and ordered in the reader's language. */
export const languageOptions = codeOptionsKept(languageName);
