/** The shared vocabularies (themes, SDGs, UDHR, countries, languages), read by every other feature. */
import { defineFeature } from '../feature.js';
import { regionOfCountry } from './data/regions.js';
import { createVocabulariesRepository } from './vocabularies.repository.js';

export const vocabulariesFeature = defineFeature({
  name: 'vocabularies',
  create: (platform) => {
    const repository = createVocabulariesRepository(platform.database.db);
    return {
      repository,
      /** The keys of the themes, in order. */
      themeKeys: async (): Promise<readonly string[]> =>
        (await repository.listThemes()).map((theme) => theme.key),
      /** ISO 3166-1 codes of the countries (frozen: option lists of it are kept by the list). */
      countryCodes: Object.freeze(Object.keys(regionOfCountry)) as readonly string[],
    };
  },
});

export type VocabulariesApi = ReturnType<typeof vocabulariesFeature.create>;
