/**
 * The US human rights cities gatherings the seed names, as past events: Pittsburgh (2015),
 * Washington, DC (2016 and 2018) and Greenville, South Carolina (2018). The seed gives their
 * year and city only; each links to the Knowledge Centre's entry on it.
 */
import type { SeedEvent } from './types.js';

const gathering = (event: Omit<SeedEvent, 'themes' | 'sdgs' | 'rights' | 'country'>) => ({
  ...event,
  country: 'US',
  themes: ['participation'],
  sdgs: [11, 16],
  rights: [20, 28],
});

export const seedEvents: readonly SeedEvent[] = [
  gathering({
    slug: 'us-human-rights-cities-gathering-pittsburgh-2015',
    year: 2015,
    timeZone: 'America/New_York',
    city: 'Pittsburgh',
    title: 'US human rights cities gathering, Pittsburgh',
    summary:
      'The first national gathering of people organising human rights cities in the United States.',
    description:
      'Human rights city organisers in the United States met nationally for the first time in Pittsburgh in 2015.\n\n[More in the Knowledge Centre](../knowledge/other-issues/us-human-rights-cities-gathering-pittsburgh-2015)',
  }),
  gathering({
    slug: 'us-human-rights-cities-gathering-washington-2016',
    year: 2016,
    timeZone: 'America/New_York',
    city: 'Washington, DC',
    title: 'US human rights cities gathering, Washington, DC',
    summary:
      'The second national gathering of US human rights city organisers, after which a national steering committee was formed.',
    description:
      'After Pittsburgh in 2015, human rights city organisers in the United States gathered nationally a second time in Washington, DC.\n\n[More in the Knowledge Centre](../knowledge/other-issues/us-human-rights-cities-gathering-washington-2016)',
  }),
  gathering({
    slug: 'human-rights-cities-alliance-meeting-washington-2018',
    year: 2018,
    timeZone: 'America/New_York',
    city: 'Washington, DC',
    title: 'Human Rights Cities Alliance meeting, Washington, DC',
    summary: 'One of the two meetings the National Human Rights Cities Alliance held in 2018.',
    description:
      'The National Human Rights Cities Alliance brought its members together in Washington, DC in 2018.\n\n[More in the Knowledge Centre](../knowledge/other-issues/us-human-rights-cities-alliance-meetings-2018)',
  }),
  gathering({
    slug: 'human-rights-cities-alliance-meeting-greenville-2018',
    year: 2018,
    timeZone: 'America/New_York',
    city: 'Greenville, South Carolina',
    title: 'Human Rights Cities Alliance meeting, Greenville, South Carolina',
    summary:
      'The Alliance’s 2018 meeting in the US South, where convergences in the southern states began to be planned.',
    description:
      'The National Human Rights Cities Alliance met in Greenville, South Carolina in 2018, and began planning human rights cities convergences in the southern United States.\n\n[More in the Knowledge Centre](../knowledge/other-issues/us-human-rights-cities-alliance-meetings-2018)',
  }),
];
