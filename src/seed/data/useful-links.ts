/**
 * The useful-links directory of the Excellence Knowledge Centre, as listed on the network's
 * "How we work" page (section "Useful links"). Titles and grouping are the network's own; an
 * address is set only where the official one is well known and certain (for an initiative run by an
 * organisation without a stable page of its own, that organisation's home page), otherwise null for
 * an editor to complete. A thematic-city label has an address only where a clearly identifiable
 * official network or programme exists for it; generic labels stay null.
 */
import type { SeedLink, SeedLinkGroup } from './types.js';

/** A link whose address is still to be completed by an editor. */
const withoutUrl = (title: string): SeedLink => ({ title, url: null });

export const usefulLinks: readonly SeedLinkGroup[] = [
  {
    key: 'human-right-city-initiatives-and-networks',
    title: 'Human Right City – Initiatives and Networks',
    links: [
      withoutUrl('Gwangju World Human Rights Cities Forum'),
      { title: 'Right to the City Platform', url: 'https://www.right2city.org' },
      { title: 'US National Human Rights Cities Alliance', url: 'https://ushrnetwork.org' },
      {
        title: 'Raoul Wallenberg Institute (RWI) – Human Rights City Project',
        url: 'https://rwi.lu.se',
      },
      withoutUrl(
        'Human Rights Cities Center – The Association for International Human Rights Reporting Standards',
      ),
      {
        title:
          'The Right to the City Alliance – Fighting for Democracy, Justice and Sustainability in our Cities in USA and beyond',
        url: 'https://righttothecity.org',
      },
      {
        title:
          'Habitat International Coalition – Global Network for the Right to Habitat and Social Justice',
        url: 'https://www.hic-net.org',
      },
    ],
    groups: [],
  },
  {
    key: 'association-of-local-governments-and-cities',
    title: 'Association of Local Governments and Cities',
    links: [
      {
        title: 'United Cities and Local Governments (UCLG) Asia Pacific Localizing SDGs',
        url: 'https://uclg-aspac.org',
      },
      { title: 'UCLG Human Rights in the City', url: 'https://www.uclg-cisdp.org' },
      { title: 'Local Governments for Sustainability', url: 'https://www.iclei.org' },
      {
        title:
          'CITYNET – Regional Network of Local Authorities for the Management of Human Settlement',
        url: 'https://citynet-ap.org',
      },
      { title: 'C40', url: 'https://www.c40.org' },
    ],
    groups: [],
  },
  {
    key: 'sdgs-local-community-and-city',
    title: 'SDGs. Local Community and City',
    links: [],
    groups: [
      {
        key: 'un-2030-agenda-and-sdgs',
        title: 'UN 2030 Agenda and SDGs',
        links: [
          { title: 'UN Sustainable Development Goals (SDGs)', url: 'https://sdgs.un.org/goals' },
          {
            title: 'UN Knowledge Platform – High-level Political Forum (HLPF)',
            url: 'https://hlpf.un.org',
          },
          { title: 'UNESCAP SDGs Help Desk', url: 'https://sdghelpdesk.unescap.org' },
        ],
        groups: [],
      },
      {
        key: 'sdgs-local-community-and-city-resources',
        title: 'SDGs, Local Community and City',
        links: [
          {
            title: 'LOCAL 2030 – Hub for Sustainability Solutions',
            url: 'https://www.local2030.org',
          },
          {
            title: 'UNDP Toolbox for Localizing the SDGs',
            url: 'https://www.localizingthesdgs.org',
          },
          withoutUrl('SDGs and Cities'),
          { title: 'UN HABITAT for a Better Urban Future', url: 'https://unhabitat.org' },
          {
            title: 'UN Brief on Goal 11 : Sustainable Cities and Communities',
            url: 'https://sdgs.un.org/goals/goal11',
          },
          {
            title: 'The World Bank Brief on Sustainable Cities',
            url: 'https://www.worldbank.org/en/topic/urbandevelopment',
          },
          withoutUrl('A Guide for Local Stakeholders – Getting Started with the SDGs in Cities'),
          withoutUrl('Urban SDGs'),
          {
            title: 'UNESCO Learning Cities and the SDGs',
            url: 'https://www.uil.unesco.org/en/learning-cities',
          },
          {
            title: 'World Council on City Data – Open Data Portal',
            url: 'https://www.dataforcities.org',
          },
          withoutUrl('The Right to the City Agenda for the UN SDGs and New Urban Agenda (NUA)'),
        ],
        groups: [],
      },
    ],
  },
  {
    key: 'initiatives-and-networks-of-thematic-city',
    title: 'Initiatives and Networks of Thematic City',
    links: [
      withoutUrl('Accountable City'),
      { title: 'Age-friendly City', url: 'https://extranet.who.int/agefriendlyworld' },
      withoutUrl('Barrier-free City'),
      withoutUrl('Carbon-free City'),
      { title: 'Child-friendly City', url: 'https://www.childfriendlycities.org' },
      withoutUrl('Clean City'),
      withoutUrl('Climate City'),
      withoutUrl('Climate-fit City'),
      withoutUrl('Corruption-free City'),
      withoutUrl('Cosmopolitan City'),
      { title: 'Creative City', url: 'https://www.unesco.org/en/creative-cities' },
      withoutUrl('Decent City'),
      withoutUrl('Discrimination, Cities against Discrimination'),
      withoutUrl('Digital City'),
      withoutUrl('Disability-Friendly City'),
      withoutUrl('Effective City'),
      withoutUrl('Equitable City'),
      withoutUrl('Freedom City'),
      withoutUrl('Friendly City'),
      withoutUrl('Gender-sensitive City'),
      withoutUrl('Global City'),
      withoutUrl('Glocal City'),
      withoutUrl('Green City'),
      withoutUrl('Happy City'),
      {
        title: 'Healthy City',
        url: 'https://www.who.int/europe/groups/who-european-healthy-cities-network',
      },
      withoutUrl('Human City'),
      withoutUrl('Inclusive City'),
      withoutUrl('Inclusive and Sustainable Cities'),
      withoutUrl('Innovative City'),
      { title: 'Learning City', url: 'https://www.uil.unesco.org/en/learning-cities' },
      withoutUrl('Livable City'),
      withoutUrl('Migration City'),
      { title: 'Multi-cultural City', url: 'https://www.coe.int/en/web/interculturalcities' },
      withoutUrl('Open City'),
      withoutUrl('Organic City'),
      withoutUrl('Participatory City'),
      withoutUrl('Peaceful / Peace City'),
      withoutUrl('Quality of Living City'),
      { title: 'Racism, City against Racism and Discrimination', url: 'https://www.eccar.info' },
      { title: 'Rainbow City', url: 'https://www.rainbowcities.com' },
      withoutUrl('Rebel City'),
      { title: 'Resilient City', url: 'https://resilientcitiesnetwork.org' },
      { title: 'Right to the City', url: 'https://www.right2city.org' },
      {
        title: 'Safe City',
        url: 'https://www.unwomen.org/en/what-we-do/ending-violence-against-women/creating-safe-public-spaces',
      },
      withoutUrl('Self-sufficient City'),
      withoutUrl('Sharing City'),
      { title: 'Shelter City', url: 'https://sheltercity.org' },
      { title: 'Slow City', url: 'https://www.cittaslow.org' },
      withoutUrl('Solidarity City'),
      withoutUrl('Smart (e-Government and ICT) City'),
      withoutUrl('Sustainable City'),
      withoutUrl('Tolerant City'),
      withoutUrl('Transparent City'),
      withoutUrl('Zero-carbon City'),
    ],
    groups: [],
  },
  {
    key: 'sdgs-human-rights-and-peace',
    title: 'SDGs, Human Rights and Peace',
    links: [],
    groups: [
      {
        key: 'sdgs-and-human-rights',
        title: 'SDGs and Human Rights',
        links: [
          {
            title: 'OHCHR – Human Rights and the 2030 Agenda for Sustainable Development / SDGs',
            url: 'https://www.ohchr.org/en/sdgs',
          },
          { title: 'Danish Institute for Human Rights (DIHR)', url: 'https://www.humanrights.dk' },
          {
            title: 'Universal Rights Group – Strengthening Policy through Dialogue',
            url: 'https://www.universal-rights.org',
          },
        ],
        groups: [],
      },
      {
        key: 'sdg-16-peace-and-justice',
        title: 'SDG 16 – Peace and Justice',
        links: [
          { title: 'UN SDG 16 – Peace and Justice', url: 'https://sdgs.un.org/goals/goal16' },
          { title: 'UN HLPF SDG 16', url: 'https://hlpf.un.org' },
          {
            title: 'UNDP – SDG 16',
            url: 'https://www.undp.org/sustainable-development-goals/peace-justice-and-strong-institutions',
          },
          withoutUrl('SDG16 Data Initiative'),
          withoutUrl('SDG16 Reporting'),
          {
            title: 'Transparency, Accountability and Participation (TAP) Network',
            url: 'https://tapnetwork2030.org',
          },
          { title: 'SDG 16 Hub', url: 'https://www.sdg16hub.org' },
          {
            title: 'NYU CIC Pathfinders for Peaceful, Just and Inclusive Societies',
            url: 'https://cic.nyu.edu',
          },
          { title: 'WFUNA SDG16+ Forum', url: 'https://wfuna.org' },
        ],
        groups: [],
      },
      {
        key: 'sdgs-and-peace',
        title: 'SDGs and Peace',
        links: [
          withoutUrl('UN Secretary General Agenda for'),
          { title: 'UNDP SDGS and Sustaining Peace', url: 'https://www.undp.org' },
          { title: 'IPI SDG and Peace', url: 'https://www.ipinst.org' },
        ],
        groups: [],
      },
    ],
  },
  {
    key: 'refugees-and-migrants',
    title: 'Refugees and Migrants',
    links: [
      { title: 'UN Refugees and Migrants', url: 'https://refugeesmigrants.un.org' },
      { title: 'Migration', url: 'https://www.iom.int' },
      { title: 'Refugees', url: 'https://www.unhcr.org' },
    ],
    groups: [],
  },
];
