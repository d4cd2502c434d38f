/**
 * Institutions listed under "Institutions and resources" and the associate members described on
 * the network's "How we work" page. Names are the network's own; descriptions are written in the
 * project's own words.
 */
import type { SeedOrganisation } from './types.js';

export const seedOrganisations: readonly SeedOrganisation[] = [
  {
    slug: 'fundamental-rights-agency',
    name: 'Fundamental Rights Agency',
    shortName: null,
    kind: 'institution',
    membership: 'none',
    listedInstitution: true,
    country: 'AT',
    city: 'Vienna',
    latitude: 48.2082,
    longitude: 16.3738,
    website: 'https://fra.europa.eu',
    description:
      'The European Union Agency for Fundamental Rights is the EU body, based in Vienna, that gathers evidence and gives independent advice on fundamental rights to the EU institutions and member states. The Knowledge Centre lists it as a reference institution for cities that want to ground their work in the European rights framework.',
  },
  {
    slug: 'uclg',
    name: 'United Cities and Local Governments',
    shortName: 'UCLG',
    kind: 'local-authority-association',
    membership: 'none',
    listedInstitution: true,
    country: 'ES',
    city: 'Barcelona',
    latitude: 41.3874,
    longitude: 2.1686,
    website: 'https://www.uclg.org',
    description:
      'United Cities and Local Governments is the worldwide organisation of cities, local and regional governments and their associations, with its seat in Barcelona. Its work on human rights in the city and on localising the Sustainable Development Goals makes it one of the reference institutions listed in the Knowledge Centre.',
  },
  {
    slug: 'raoul-wallenberg-institute',
    name: 'Raoul Wallenberg Institute',
    shortName: 'RWI',
    kind: 'academic',
    membership: 'associate',
    listedInstitution: true,
    country: 'SE',
    city: 'Lund',
    latitude: 55.7047,
    longitude: 13.191,
    website: 'https://rwi.lu.se',
    description:
      'The Raoul Wallenberg Institute is a human rights research institute in Lund that supports the human rights city movement in Sweden and internationally by bringing research and practice together. With the Swedish Association of Local Authorities and Regions it drew up criteria for becoming a human rights city in Sweden, and it studies how cities in Sweden, Turkey and Asia work with human rights, including support for an Indonesian study covering 100 cities. It also advises Lund, the first Swedish human rights city, and takes part in shaping human rights city policy in Asia, in Europe and globally.',
  },
  {
    slug: 'global-cad',
    name: 'Global CAD – The Centre of Partnerships for Development',
    shortName: 'Global CAD',
    kind: 'civil-society',
    membership: 'associate',
    listedInstitution: true,
    country: 'ES',
    city: 'Barcelona',
    latitude: 41.3874,
    longitude: 2.1686,
    website: null,
    description:
      'Global CAD (Centro de Alianzas para el Desarrollo) is a Barcelona-based organisation that has built an international pool of experts in human and sustainable development. Starting from the idea that partnerships are the key to lasting solutions, it works with multilateral organisations, businesses and NGOs on every continent. It does this by building partnerships, carrying out research with practical application, strengthening capacities and advising on strategy, always with the goal of more sustainable and inclusive societies.',
  },
  {
    slug: 'university-college-roosevelt-and-utrecht-university',
    name: 'University College Roosevelt and Utrecht University',
    shortName: null,
    kind: 'academic',
    membership: 'associate',
    listedInstitution: false,
    country: 'NL',
    city: null,
    latitude: null,
    longitude: null,
    website: null,
    description:
      'University College Roosevelt, the honours college of Utrecht University in Middelburg, and Utrecht University itself have carried out pioneering research on human rights cities, including a research programme led by Professor Oomen and the edited volume *Global Urban Justice: The Rise of Human Rights Cities*. Current research looks at how European cities receive and integrate refugees and at the role human rights play in that process. Both institutions act as academic partners to Middelburg and Utrecht, themselves human rights cities, and together organise a summer school on local human rights.',
  },
  {
    slug: 'us-human-rights-cities-alliance',
    name: 'US Human Rights Cities Alliance',
    shortName: null,
    kind: 'civil-society',
    membership: 'associate',
    listedInstitution: false,
    country: 'US',
    city: null,
    latitude: null,
    longitude: null,
    website: null,
    description:
      'Set up within the US Human Rights Network and run by its members, the National Human Rights Cities Alliance connects human rights city organisers, grassroots and local advocates, national and international advocates and scholar-practitioners. It builds knowledge of models that work for putting human rights into practice locally and of better ways to report on and share them. Its organisers have met nationally in Pittsburgh (2015) and Washington, DC (2016), and in 2018 held meetings in Washington, DC and in Greenville, South Carolina.',
  },
];
