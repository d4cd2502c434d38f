/**
 * Initial items of the Excellence Knowledge Centre: the publications, resources, research, US
 * gatherings, thematic issues and human rights framework named on the network's "How we work" and
 * "Who we are" pages. Written in the project's own words, with only the facts the seed gives or
 * that are certain; where only the year is known the date is its first of January, and items with
 * no date of their own carry the date they were written for the platform.
 */
import type { ItemSection, ItemType } from '../../features/knowledge/items.types.js';
import type { SeedItem } from './types.js';

/** The date of items with no date of their own: when their text was written for the platform. */
const WRITTEN = '2026-12-01';

/** A Markdown body from its blocks (paragraphs, headings, lists), separated by blank lines. */
const md = (...blocks: string[]): string => `${blocks.join('\n\n')}\n`;

/** An item's fields but type and section, which its helper sets; attributes default to none. */
type ItemFields = Omit<SeedItem, 'type' | 'section' | 'attributes'> &
  Partial<Pick<SeedItem, 'attributes'>>;

const kind =
  (type: ItemType, section: ItemSection) =>
  (item: ItemFields): SeedItem => ({ attributes: {}, ...item, type, section });

const publication = kind('publication', 'publications');
const resource = kind('resource', 'publications');
const workInProgress = kind('page', 'work-in-progress');
const otherIssue = kind('news', 'other-issues');
const thematicIssue = kind('thematic-issue', 'thematic-issues');
const framework = kind('page', 'human-rights-framework');

export const seedItems: readonly SeedItem[] = [
  // Publications and resources.
  publication({
    slug: 'global-urban-justice',
    date: '2016-01-01',
    title: 'Global Urban Justice: The Rise of Human Rights Cities',
    summary:
      'An edited volume in which researchers and practitioners look at why cities across the world have taken up human rights and what that changes in practice. It grew out of an early meeting of people working on human rights cities.',
    body: md(
      'This book brings together contributions from scholars and practitioners who met at one of the first gatherings devoted to human rights cities. It is one of the results of the research on human rights cities at University College Roosevelt and Utrecht University, associate members of the network.',
      '## Why it is useful for cities\n\n- It shows that human rights are not only the business of national governments and international bodies: local authorities, civil society and residents take them up as well.\n- It gives officials words and examples to explain to colleagues and councillors what a human rights city is.\n- It helps anyone who wants to see the movement as a whole, beyond a single project or a single city.',
    ),
    attributes: {
      authors: 'Barbara Oomen, Martha F. Davis and Michele Grigolo (editors)',
      publisher: 'Cambridge University Press',
    },
    themes: ['participation', 'non-discrimination'],
    sdgs: [11, 16],
    rights: [28],
    countries: [],
  }),
  publication({
    slug: 'rwi-swedish-and-international-perspectives',
    date: WRITTEN,
    title: 'Human rights cities and regions in Sweden and beyond',
    summary:
      'A publication of the Raoul Wallenberg Institute that sets Swedish experience of human rights cities and regions alongside experience from other countries.',
    body: md(
      'The Raoul Wallenberg Institute (RWI) links research with practice: its researchers answer questions that local practitioners raise, and what cities learn feeds back into the research. This publication is one of the results of that exchange.',
      'It deals with human rights at two levels of local and regional government, cities and regions, and brings Swedish and international perspectives together. It is a useful starting point for Swedish municipalities and regions, and for any local or regional authority that wants to see how others have framed their human rights work.',
      'The same exchange produced a set of criteria for becoming a human rights city in Sweden, drawn up by RWI with the Swedish Association of Local Authorities and Regions (see the related resource in this section).',
    ),
    attributes: { publisher: 'Raoul Wallenberg Institute' },
    themes: ['participation'],
    sdgs: [11, 16],
    rights: [28],
    countries: ['SE'],
  }),
  publication({
    slug: 'european-human-rights-cities-ucr-course',
    date: WRITTEN,
    title: 'European human rights cities: a publication from a University College Roosevelt course',
    summary:
      'A publication on human rights cities in Europe that came out of a university course taught by Professor Oomen at University College Roosevelt in Middelburg.',
    body: md(
      'University College Roosevelt, the honours college of Utrecht University in Middelburg, ran a pioneering research programme on human rights cities in the Netherlands under Professor Oomen. As part of this work she taught a university course, and the course led to a publication on human rights cities in Europe.',
      'The publication is one example of how universities can contribute to the field: teaching and research go hand in hand, and the results become available to cities. Middelburg and Utrecht are themselves human rights cities, and both institutions act as their academic partners.',
    ),
    themes: ['participation'],
    sdgs: [11],
    rights: [28],
    countries: [],
  }),
  resource({
    slug: 'swedish-human-rights-city-criteria',
    date: WRITTEN,
    title: 'Criteria for becoming a human rights city in Sweden',
    summary:
      'A platform that sets out what a Swedish municipality needs to do to develop and work as a human rights city, drawn up by the Raoul Wallenberg Institute with the Swedish Association of Local Authorities and Regions.',
    body: md(
      'The Raoul Wallenberg Institute (RWI) and the Swedish Association of Local Authorities and Regions developed this platform together. It lays down criteria describing how a municipality in Sweden can grow into a human rights city and how it can then perform as one.',
      'Because it was built with the association that represents Swedish municipalities and regions, the platform speaks the language of local government and connects research with everyday municipal work.',
      '## Ways a city can use it\n\n- as a checklist when a council considers becoming a human rights city;\n- to see where the city stands and to plan the next steps;\n- as a shared reference when municipalities compare their work or learn from one another.',
    ),
    attributes: { resourceKind: 'guide' },
    themes: ['participation', 'transparency-and-accountability'],
    sdgs: [11, 16],
    rights: [28],
    countries: ['SE'],
  }),

  // Work in progress.
  workInProgress({
    slug: 'rwi-research-seven-swedish-cities',
    date: WRITTEN,
    title: 'Research on seven Swedish cities working with human rights',
    summary:
      'The Raoul Wallenberg Institute is studying how seven cities in Sweden work with human rights.',
    body: md(
      'The Raoul Wallenberg Institute (RWI) is carrying out research on seven Swedish cities that have chosen to work with human rights. The study builds on the institute’s earlier work in Sweden: its publication on human rights cities and regions and the criteria for becoming a human rights city developed with the Swedish Association of Local Authorities and Regions.',
      'For other municipalities, research of this kind shows how commitments on paper become practice, and what helps or holds back that process. This entry will be updated as the research moves forward.',
    ),
    themes: ['participation'],
    sdgs: [11, 16],
    rights: [28],
    countries: ['SE'],
  }),
  workInProgress({
    slug: 'rwi-human-rights-cities-asia-indonesia',
    date: WRITTEN,
    title: 'Human rights cities in Asia: new research and a study of 100 Indonesian cities',
    summary:
      'The Raoul Wallenberg Institute is starting research on human rights cities in Asia and supports a study by the Indonesian NGO Infid of 100 cities in Indonesia that work with human rights.',
    body: md(
      'Alongside its research on seven Swedish cities, the Raoul Wallenberg Institute (RWI) is starting comparable research in Asia.',
      '## Support for a study of 100 Indonesian cities\n\nRWI supports a study by Infid, a non-governmental organisation in Indonesia, that covers 100 Indonesian cities working with human rights. A study of this scale gives a broad view of how human rights are taken up by local government in one country.',
      '## Policy development\n\nRWI also takes part in efforts to strengthen policy on human rights cities in Asia, in Europe and at global level.',
    ),
    themes: ['participation'],
    sdgs: [11, 16],
    rights: [28],
    countries: ['ID'],
  }),
  workInProgress({
    slug: 'rwi-turkish-cities-rights-of-specific-groups',
    date: WRITTEN,
    title: 'Seven Turkish cities and the rights of specific groups',
    summary:
      'The Raoul Wallenberg Institute works with researchers and seven cities in Turkey that focus on the human rights of specific groups in the country.',
    body: md(
      'The Raoul Wallenberg Institute (RWI) cooperates with researchers and with seven Turkish cities. What these cities have in common is their work on the human rights of particular groups of people in Turkey.',
      'Starting from specific groups is a common way into human rights work for a city: it begins with the people whose rights are most at risk and builds from there. This entry will be updated as the work moves forward.',
    ),
    themes: ['non-discrimination'],
    sdgs: [10, 16],
    rights: [2, 7],
    countries: ['TR'],
  }),
  workInProgress({
    slug: 'rwi-support-to-lund',
    date: WRITTEN,
    title: 'Supporting Lund, the first human rights city in Sweden',
    summary:
      'The Raoul Wallenberg Institute gives the City of Lund direct support in working with human rights in a systematic way.',
    body: md(
      'Lund was the first Swedish city to become a human rights city. The Raoul Wallenberg Institute (RWI), which is based in Lund, supports the city directly.',
      'The support concerns how the city can work with human rights systematically, so that they become a regular part of its work rather than a series of separate projects. The partnership is an example of a research institute and a local authority working side by side in the same city.',
    ),
    themes: ['participation', 'transparency-and-accountability'],
    sdgs: [11, 16],
    rights: [28],
    countries: ['SE'],
  }),
  workInProgress({
    slug: 'ucr-refugees-in-european-cities',
    date: WRITTEN,
    title: 'How European cities welcome and integrate refugees',
    summary:
      'Research at University College Roosevelt looks at the role human rights play in the way cities across Europe receive refugees and help them settle.',
    body: md(
      'The current research at University College Roosevelt, the honours college of Utrecht University in Middelburg, is about refugees. It asks what part human rights play when cities all over Europe welcome refugees and work on their integration.',
      'Cities are where refugees find, or fail to find, housing, schooling, work and a place in the community. Research on how human rights shape these local choices helps other cities design their own reception and integration policies. See also the thematic issue on refugees and migrants.',
    ),
    themes: ['migration-and-refugees', 'non-discrimination', 'migration-city'],
    sdgs: [10, 11, 16],
    rights: [2, 14, 25],
    countries: [],
  }),

  // Other issues: the US human rights cities gatherings.
  otherIssue({
    slug: 'us-human-rights-cities-gathering-pittsburgh-2015',
    date: '2015-01-01',
    title: 'US human rights cities gathering in Pittsburgh, 2015',
    summary:
      'Human rights city organisers in the United States held the first of their two national gatherings in Pittsburgh in 2015.',
    body: md(
      'In 2015, people organising human rights cities in the United States met nationally in Pittsburgh. It was the first of two national gatherings, the second being held in Washington, DC in 2016.',
      'Organisers have since gone on to build the National Human Rights Cities Alliance, a member-led initiative of the US Human Rights Network and an associate member of this network (see the 2016 and 2018 entries).',
    ),
    themes: ['participation'],
    sdgs: [11, 16],
    rights: [20, 28],
    countries: ['US'],
  }),
  otherIssue({
    slug: 'us-human-rights-cities-gathering-washington-2016',
    date: '2016-01-01',
    title: 'US human rights cities gathering in Washington, DC, 2016',
    summary:
      'The second national gathering of US human rights city organisers took place in Washington, DC in 2016, and a national steering committee was formed after it.',
    body: md(
      'Following the 2015 meeting in Pittsburgh, human rights city organisers in the United States gathered nationally for a second time in Washington, DC in 2016.',
      '## A national steering committee\n\nAfter the Washington meeting, a national human rights city steering committee was set up. Its task is to develop a structure to coordinate the National Human Rights Cities Alliance in the United States, which works within the US Human Rights Network.',
    ),
    themes: ['participation'],
    sdgs: [11, 16],
    rights: [20, 28],
    countries: ['US'],
  }),
  otherIssue({
    slug: 'us-human-rights-cities-alliance-meetings-2018',
    date: '2018-01-01',
    title: 'Human Rights Cities Alliance meetings in Washington, DC and Greenville, SC, 2018',
    summary:
      'In 2018 the National Human Rights Cities Alliance held meetings in Washington, DC and in Greenville, South Carolina, and began planning convergences in the US South.',
    body: md(
      'The National Human Rights Cities Alliance brought its members together twice in 2018: once in Washington, DC and once in Greenville, South Carolina.',
      '## Next steps: convergences in the South\n\nThe Alliance is planning human rights cities convergences in the southern United States. Among the thematic issues it wants to take up is the effect of corporate power on human rights in cities.',
    ),
    themes: ['participation', 'transparency-and-accountability'],
    sdgs: [10, 11, 16],
    rights: [20, 28],
    countries: ['US'],
  }),

  // Thematic issues.
  thematicIssue({
    slug: 'sdgs-and-human-rights',
    date: WRITTEN,
    title: 'The SDGs and human rights',
    summary:
      'The 2030 Agenda for Sustainable Development gives cities a practical way into human rights: the Sustainable Development Goals can guide local priorities, decisions and policies through human rights principles.',
    body: md(
      'The 2030 Agenda for Sustainable Development, adopted by the member states of the United Nations in 2015, sets 17 Sustainable Development Goals (SDGs). In it, governments pledged to leave no one behind, to work for equality and non-discrimination, gender equality included, and confirmed the duty of every state to uphold human rights without distinction.',
      'The UN Office of the High Commissioner for Human Rights (OHCHR) considers human rights central to sustainable urbanisation. In its view this calls for an inclusive process that advances equality, fights discrimination in every form and gives individuals and communities the means to act.',
      '## What this means for a city\n\n- Many municipalities already report on the SDGs. Linking each goal to the human rights it serves turns that reporting into a human rights tool.\n- Human rights principles such as participation, non-discrimination and accountability can guide how the city sets priorities, takes decisions and carries out its policies.\n- The goals offer a common language with national government, business and civil society.',
      'The useful links directory lists organisations that work on the link between the SDGs and human rights, including OHCHR and the Danish Institute for Human Rights.',
    ),
    themes: ['non-discrimination', 'gender-equality', 'participation'],
    sdgs: [5, 10, 11, 16, 17],
    rights: [1, 2, 28],
    countries: [],
  }),
  thematicIssue({
    slug: 'sdg-11-sustainable-cities',
    date: WRITTEN,
    title: 'SDG 11 and urbanisation: inclusive, safe, resilient and sustainable cities',
    summary:
      'Sustainable Development Goal 11 asks for cities that are inclusive, safe, resilient and sustainable; with most people now living in urban areas, human rights help decide whether urban growth improves lives or deepens inequality.',
    body: md(
      'Urbanisation is one of the defining trends of this century. More than half of the world’s people already live in urban areas, and the share is expected to reach 60% by 2030.',
      'Fast urban growth often comes with more slums, more people living in precarious conditions and wider inequality. Where human rights are respected, protected and promoted, the same growth can instead improve the lives of most of the world’s population.',
      '## The goal\n\nSustainable Development Goal 11, “Sustainable cities and communities”, is in the UN’s wording to “make cities and human settlements inclusive, safe, resilient and sustainable”. It is the goal that speaks most directly to local government.',
      '## Where human rights come in\n\n- Housing and basic services are matters of the right to an adequate standard of living, not only of planning.\n- Safety and inclusion depend on non-discrimination and on residents having a say in how their city develops.\n- A human rights approach helps make the city a place of equal chances for everyone, where people can live in security and dignity.',
    ),
    themes: ['housing', 'poverty', 'non-discrimination', 'inclusive-and-sustainable-cities'],
    sdgs: [1, 10, 11],
    rights: [2, 3, 25],
    countries: [],
  }),
  thematicIssue({
    slug: 'sdg-16-peace-justice-strong-institutions',
    date: WRITTEN,
    title: 'SDG 16: peace, justice and strong institutions',
    summary:
      'Sustainable Development Goal 16 is about peaceful and inclusive societies, access to justice for all and effective, accountable and inclusive institutions, all areas where city government plays a direct part.',
    body: md(
      'Sustainable Development Goal 16 aims to promote peaceful and inclusive societies for sustainable development, to provide access to justice for all and to build effective, accountable and inclusive institutions at all levels. “All levels” includes the municipality.',
      '## Why it matters for cities\n\n- Local institutions are the ones residents meet most often; their openness and accountability shape trust in government as a whole.\n- Cities can make justice easier to reach, for example through clear complaint procedures and advice services.\n- Participation in local decisions is a practical form of inclusive institutions.\n- Safety in public space and the prevention of violence are part of everyday city work.',
      'The useful links directory lists organisations that work on SDG 16, including initiatives that collect data and report on the goal and networks that promote transparency, accountability and participation.',
    ),
    themes: [
      'access-to-justice',
      'transparency-and-accountability',
      'participation',
      'safety-and-policing',
      'accountable-city',
      'transparent-city',
    ],
    sdgs: [16],
    rights: [3, 7, 8, 10, 19, 21],
    countries: [],
  }),
  thematicIssue({
    slug: 'sdgs-and-peace',
    date: WRITTEN,
    title: 'The SDGs and peace',
    summary:
      'Sustainable development and peace depend on each other; cities contribute to peace by reducing inequality, preventing conflict and including everyone.',
    body: md(
      'The 2030 Agenda treats peace and sustainable development as inseparable: one cannot last without the other. Work at the United Nations on sustaining peace builds on the same idea, with prevention and inclusion at its centre.',
      '## The local side of peace\n\n- Tensions between groups are often felt first in neighbourhoods, schools and public spaces, where the city is the closest public authority.\n- Fair access to services and protection against discrimination remove common causes of conflict.\n- Dialogue between residents and the city, and between communities, helps to settle disputes before they escalate.',
      'Cities that present themselves as peace cities, listed among the thematic-city initiatives, show how this can become a public commitment. The useful links directory points to UN, UNDP and research resources on the SDGs and peace.',
    ),
    themes: ['non-discrimination', 'safety-and-policing', 'peaceful-city'],
    sdgs: [10, 16, 17],
    rights: [2, 3, 28],
    countries: [],
  }),
  thematicIssue({
    slug: 'refugees-and-migrants',
    date: WRITTEN,
    title: 'Refugees and migrants',
    summary:
      'Refugees and migrants live their lives in cities, so the way local authorities receive and include them decides much of what their rights mean in practice.',
    body: md(
      'International law protects people who flee persecution, and human rights belong to every person, whatever their status. In practice, many of these rights are realised, or not, at local level: housing, schooling, health care, work and the chance to take part in community life.',
      'At global level, the UN General Assembly adopted the New York Declaration for Refugees and Migrants in 2016, which led in 2018 to a global compact on refugees and a global compact on migration. The 2030 Agenda also calls for safe, orderly and regular migration (target 10.7).',
      '## Questions for a city\n\n- How does the city make sure newcomers can use its services without discrimination?\n- How are refugees and migrants heard in decisions that affect them?\n- How does the city work with civil society, employers and schools on integration?',
      'University College Roosevelt is researching how cities across Europe welcome and integrate refugees (see Work in progress). The useful links directory lists UN resources on refugees and migrants.',
    ),
    themes: ['migration-and-refugees', 'non-discrimination', 'migration-city', 'solidarity-city'],
    sdgs: [10, 11, 16],
    rights: [2, 13, 14, 23, 25, 26],
    countries: [],
  }),
  thematicIssue({
    slug: 'the-right-to-the-city',
    date: WRITTEN,
    title: 'The right to the city',
    summary:
      'The right to the city is the idea that everyone who lives in a city should be able to use it, shape it and share in what it offers; it is a close ally of the human rights city.',
    body: md(
      'The idea of a right to the city goes back to the French philosopher Henri Lefebvre, who wrote *Le Droit à la ville* in 1968. It has since been taken up by social movements, researchers and some governments to claim a city that belongs to all its inhabitants, in which they can live with dignity, take part in decisions and benefit from what the city has to offer.',
      'The New Urban Agenda, adopted at the UN Habitat III conference in Quito in 2016, sets out a vision of cities for all and notes that some governments refer to this vision as the right to the city.',
      '## How it relates to human rights cities\n\n- Both put residents, not only buildings and infrastructure, at the centre of urban policy.\n- Both stress housing, access to public space and services, and participation in city life.\n- The right to the city is often used by grassroots movements, while human rights cities start from international standards; many cities combine the two.',
      'The useful links directory lists networks working on the right to the city, among them the Right to the City Platform, the Right to the City Alliance in the United States and Habitat International Coalition.',
    ),
    themes: ['right-to-the-city', 'housing', 'participation', 'right-to-the-city-initiative'],
    sdgs: [11],
    rights: [2, 13, 21, 25],
    countries: [],
  }),
  thematicIssue({
    slug: 'thematic-city-initiatives',
    date: WRITTEN,
    title: 'Thematic-city initiatives as routes into human rights cities',
    summary:
      'Age-friendly, child-friendly, inclusive and many other thematic-city initiatives each deal with part of residents’ rights, and can be a first step towards becoming a human rights city.',
    body: md(
      'Many cities already take part in initiatives with a single theme: age-friendly and child-friendly cities, inclusive, disability-friendly or learning cities, cities against racism and discrimination, and many more. The useful links directory lists over fifty such families.',
      'Each of them touches on human rights, even when it does not use the term. A child-friendly city works on children’s rights; an age-friendly city on the dignity and participation of older people; a city against discrimination on equal treatment.',
      '## From a theme to a human rights city\n\n- **Start from what exists.** A commitment the city has already made gives it experience, partners and data.\n- **Name the rights involved.** Linking each initiative to the rights it serves shows where the city already stands.\n- **Connect the pieces.** A human rights city brings these separate commitments under one framework, so that they support one another and gaps become visible.',
      'Some of these initiatives are run by international organisations, such as the WHO network of age-friendly cities and communities, UNICEF’s child-friendly cities and UNESCO’s learning cities.',
    ),
    themes: [
      'children',
      'older-persons',
      'disability',
      'non-discrimination',
      'age-friendly-city',
      'child-friendly-city',
      'inclusive-city',
      'disability-friendly-city',
      'learning-city',
      'cities-against-discrimination',
    ],
    sdgs: [3, 4, 10, 11],
    rights: [1, 2, 25, 26],
    countries: [],
  }),

  // Human rights framework.
  framework({
    slug: 'respect-protect-promote-fulfil',
    date: WRITTEN,
    title: 'What human rights ask of a city: respect, protect, promote and fulfil',
    summary:
      'Human rights create duties for every level of government, cities included; a human rights-based approach turns these duties into a way of working.',
    body: md(
      'States take on human rights obligations under international law, but those obligations bind every part of the state, including local authorities within their competences. For a city they come down to four duties:',
      '- **Respect**: the city itself does not violate rights, in its services, its rules or its conduct as an employer.\n- **Protect**: the city prevents others, such as landlords, contractors or service providers, from violating residents’ rights.\n- **Promote**: the city makes rights known, to residents and to its own staff.\n- **Fulfil**: the city takes active steps, through policies, budgets and services, so that everyone can actually enjoy their rights.',
      '## A human rights-based approach\n\nA human rights-based approach applies these duties to the way the city works. It is often summarised in five principles: participation, accountability, non-discrimination and equality, empowerment, and legality. In practice this means involving residents in decisions, being answerable for results, paying attention to those most at risk of being left behind, helping people claim their rights and grounding policy in human rights standards.',
    ),
    themes: ['participation', 'non-discrimination', 'transparency-and-accountability'],
    sdgs: [10, 16],
    rights: [1, 2, 8, 21, 28],
    countries: [],
  }),
  framework({
    slug: 'small-places-close-to-home',
    date: WRITTEN,
    title: 'Small places, close to home: residents who know and claim their rights',
    summary:
      'Human rights take on meaning where people live, and cities are the natural place to help residents know their rights and hold institutions to account.',
    body: md(
      'Eleanor Roosevelt, who chaired the UN commission that drafted the Universal Declaration of Human Rights, pointed out that human rights begin in “small places, close to home”. University College Roosevelt, part of Utrecht University and an associate member of the network, takes these words as the inspiration for its work with local and regional authorities.',
      'A city is where most people meet public authority: at school, at the housing office, in the clinic, on the street. That makes it the best place to build a rights-based society from the ground up.',
      '## Empowering residents\n\n- Residents who know their rights can claim them and hold individuals and institutions to account.\n- Human rights education and clear information, in plain language, are part of the city’s task.\n- Complaint procedures, advice services and independent bodies give rights a practical route to enforcement.',
      'When residents are empowered in this way, rights are protected and fulfilled for everyone, not only for those who already know how to make themselves heard.',
    ),
    themes: ['participation', 'education', 'access-to-justice'],
    sdgs: [4, 16],
    rights: [1, 8, 19, 21, 26],
    countries: [],
  }),
];
