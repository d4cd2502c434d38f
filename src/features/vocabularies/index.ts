export { createVocabulariesRepository } from './vocabularies.repository.js';
export type { SdgView, ThemeView, VocabulariesRepository } from './vocabularies.repository.js';
export { countryName, countryOptions } from './countries.js';
export { themeChoices } from './choices.js';
export { udhrFor } from './udhr.js';
export type { UdhrText } from './udhr.js';
export { regionOfCountry } from './data/regions.js';
export { languageName, languageOptions, SPOKEN_LANGUAGES } from './languages.js';
export { vocabulariesFeature, type VocabulariesApi } from './vocabularies.feature.js';
