/**
 * Initial content pages: the network's "How we work" and "Who we are" pages rewritten in the
 * project's own words, and one introductory page per section of the Excellence Knowledge Centre.
 */
import type { SeedPage } from './types.js';

const howWeWork = `The network’s activity is organised around five strands, a shared Excellence Knowledge Centre, formats for cities to learn from one another, and a service that answers questions from the public.

## Five strands of work

- **Networking** — bringing people who work on human rights cities into contact with one another and with national, European and international institutions.
- **Exchanging** — letting city actors share what they know about inclusive strategies and practices that turn human rights into everyday reality for all residents.
- **Analysing** — studying good practice to improve the methods, models and tools that help everyone involved respect, protect, promote and fulfil the rights of residents.
- **Monitoring** — keeping track of what is changing in the field — emerging trends, fresh initiatives — and keeping members informed.
- **Disseminating** — spreading expertise and information about human rights cities, above all through the Excellence Knowledge Centre.

## The Excellence Knowledge Centre

The Knowledge Centre gathers what is known about how cities put human rights into practice and grow as human rights cities. Its aim is to make work on human rights cities more professional: by backing human rights practices and policies at local level, the network tries out new ways of securing residents’ rights across Europe.

Its services range from connecting people to giving advice:

- sharing information;
- exchanging experience and good practice;
- keeping an ongoing dialogue between cities;
- linking key actors around particular fields of expertise;
- giving access to concepts, methods, models and tools;
- guiding cities that want to develop as human rights cities.

The Centre is organised in sections: the human rights framework, publications and resources, institutions and resources, thematic issues, other issues, useful links, and work in progress.

## Two layers of information

- **Open to everyone** — general information about human rights cities that any visitor can read.
- **For practitioners** — more detailed material reserved for people who work on human rights cities professionally.

## Workshops and inter-city dialogue

Members take part in brainstorming workshops, exchange views on specific questions, and talk with other cities about the concepts, methods, policies and practice of human rights cities. Guest member cities serve as points of reference for bringing human rights into local government and making them part of every urban policy.

## Associate members

Organisations that support the network’s work join as associate members. They currently include Global CAD, the Raoul Wallenberg Institute, University College Roosevelt together with Utrecht University, and the US Human Rights Cities Alliance.

## The Experts’ facility

The Experts’ facility connects the website with the network’s members. Anyone using the site can send in a question about human rights cities. When an answer is of wider interest, it may be published on the site with a short summary and links to further reading. In this way the network offers tailored expertise to the public on top of its core knowledge resources.
`;

const whoWeAre = `The Human Rights Cities Network brings together cities, practitioners and organisations that want human rights to shape life in cities.

## Key actors

- Anyone who is curious about human rights cities or wants to learn more.
- City actors: residents, civil society associations, researchers, decision-makers, institutions and investors.
- Practitioners who work on human rights cities.
- Local innovators, and people who want to take part in human rights city work elsewhere, not only where they live.
- Civil society organisations working at national, European or international level.

## Guest members

European cities that are firmly committed to building a human rights culture are invited to join the network as guest members. These are established European human rights cities whose experience serves as a model: they share good practice and help others understand the ideas, concepts and methods behind human rights cities, which moves the whole field forward.

## Associate members

Associate membership is open to:

- municipalities in Europe that aim to become human rights cities;
- associations that bring together mayors, municipalities or local authorities;
- civil society organisations active at European or international level;
- human rights cities located outside the European Union;
- institutions working at European or international level;
- universities and other academic institutions;
- international organisations that help human rights cities grow.

## Who uses the network

People use the network from all over the world. They come from many professional backgrounds: local and national government, political parties, international organisations, civil society and non-governmental organisations, universities and more.

## Why cities

A rights-based approach to society is best built from the city up. When residents know their rights and can claim them, they can hold people and institutions to account, and rights are protected and fulfilled for everyone. The network gives European municipalities and practitioners a place to connect, learn from one another, pool their research and stand up for residents’ rights.

The UN Office of the High Commissioner for Human Rights (OHCHR) sees human rights as central to sustainable urbanisation. That calls for an inclusive process that advances equality, fights every form of discrimination and gives individuals and communities the power to act, so that cities offer equal opportunities and people can live in them safely, peacefully and with dignity.

Urbanisation is a defining trend of this century. More than half of humanity already lives in towns and cities, and the share is expected to reach about 60% by 2030. Fast urban growth often brings more slums, more people in precarious living conditions and wider inequality, but when human rights are respected, protected and promoted, it can instead improve the lives of most of the world’s people.

## The 2030 Agenda and SDG 11

The 2030 Agenda for Sustainable Development lays the foundations for sustainable urban development. It weighs the economic, social and environmental sides of development together and includes governance and peaceful, inclusive societies. Sustainable Development Goal 11, in the UN’s own wording, is to “make cities and human settlements inclusive, safe, resilient and sustainable”.

In adopting the Agenda, governments pledged to leave no one behind, to work for equality and non-discrimination (gender equality included), and confirmed that every State has a duty to uphold the human rights of all people, whoever they are. Bringing human rights to the level of the city is therefore essential for stronger democracy and social justice in urban areas.

The Agenda is also an opportunity to connect human rights standards with the SDGs locally. The goals give municipalities a practical way to let human rights principles guide how they set priorities, take decisions and carry out public policies. Human rights cities thus push for a new urban model, one that rethinks the planning, financing, governance and development of cities and settlements.
`;

const privacy = `This notice explains what the Human Rights Cities Network platform keeps about the people who use it. The network that runs this installation is responsible for it; an editor completes its contact details below.

## What is kept, and why

- **Reading the site** needs no account and sets no cookie. The server keeps technical logs (address of the page, time, IP address) for security, for at most 30 days.
- **An account** keeps your name, e-mail address, a password hash (never the password), your interface language, your role, and your open sessions (time, IP address and browser). This is needed to sign you in and to send you what you ask for.
- **Security events** (sign-ins, failed attempts, password changes) are recorded to protect accounts; administrators read them to investigate abuse.
- **Forms** such as questions to the Experts’ facility keep what you write in them, for the purpose the form states.

## How long

- An account whose e-mail address is never confirmed is deleted after 14 days.
- A question to the Experts’ facility that is never confirmed is deleted after 7 days, and one the editors mark as spam after 30 days. A published answer never names the person who asked; the editors and the experts assigned to a question see its text, but only the editors see who asked.
- Other data is kept while your account exists. When you delete your account, your personal data is deleted; security records are kept without anything that points to you.

## Cookies

Only two cookies, both strictly necessary: the session cookie once you sign in, and a form-protection cookie on pages with a form. No tracking, no advertising, no third-party requests.

## Your rights

You can download everything held about you and delete your account at any time from your account page. You can also ask the network to correct your data, to restrict or object to its use, and complain to your data-protection authority.

## Consent

When you create an account you confirm that you have read this notice; the platform records which version you read and when.

## Contact

To be completed by the network: name and address of the data controller and, where there is one, its data-protection officer.
`;

export const seedPages: readonly SeedPage[] = [
  {
    slug: 'how-we-work',
    title: 'How we work',
    summary:
      'Five strands of work, the Excellence Knowledge Centre, workshops and dialogue between cities, and the Experts’ facility.',
    body: howWeWork,
  },
  {
    slug: 'who-we-are',
    title: 'Who we are',
    summary:
      'The people and organisations behind the network, its guest and associate members, and why cities, the 2030 Agenda and SDG 11 matter for human rights.',
    body: whoWeAre,
  },
  {
    slug: 'human-rights-framework',
    title: 'Human rights framework',
    summary:
      'The international and European human rights standards that human rights cities build on.',
    body: 'This section brings together the international and European human rights standards that give human rights cities their foundation. It helps local authorities see which obligations and principles apply to their own policies and services.\n',
  },
  {
    slug: 'publications',
    title: 'Publications and resources',
    summary: 'Studies, guides, reports and other material on human rights cities.',
    body: 'Here you will find studies, guides, reports and other material on human rights cities, collected to support both research and day-to-day practice in cities.\n',
  },
  {
    slug: 'institutions',
    title: 'Institutions and resources',
    summary:
      'European and international institutions, and the network’s associate members, that support human rights cities.',
    body: 'This section presents the European and international institutions whose work supports human rights at local level, together with the network’s associate members. Each entry explains what the organisation does and how it relates to human rights cities.\n',
  },
  {
    slug: 'thematic-issues',
    title: 'Thematic issues',
    summary: 'Human rights themes as they arise in cities, with the initiatives that address them.',
    body: 'This section looks at human rights topics as they play out in cities, such as housing, non-discrimination or participation. For each theme it points to relevant practice and to the families of city initiatives that deal with it.\n',
  },
  {
    slug: 'other-issues',
    title: 'Other issues',
    summary: 'Further questions and cross-cutting topics for human rights cities.',
    body: 'This section covers questions that fall outside the main themes but still matter to cities working on human rights, including cross-cutting and emerging topics.\n',
  },
  {
    slug: 'useful-links',
    title: 'Useful links',
    summary: 'A directory of websites on the SDGs, human rights, and local governments and cities.',
    body: 'A directory of websites and resources on the Sustainable Development Goals, human rights, and local governments and cities. The links are grouped by topic, from human rights city networks and associations of local governments to thematic city initiatives, peace and justice, and refugees and migrants.\n',
  },
  {
    slug: 'good-practices',
    title: 'Good practices',
    summary:
      'How cities have put human rights into practice: the problem, the approach, the results and what others can take from it.',
    body: 'Each good practice tells how a city tackled a human rights problem: what it did, what came of it, what made it work and how another city could do the same. Everyone can read the summary; network members can also read the detailed results and contacts.\n',
  },
  {
    slug: 'work-in-progress',
    title: 'Work in progress',
    summary: 'Ongoing projects and material the network is still developing.',
    body: 'This section shows projects, research and material that the network and its members are still developing. Content here may change as the work moves forward.\n',
  },
  {
    slug: 'privacy',
    title: 'Privacy notice',
    summary: 'What the platform keeps about you, why, for how long, and your rights.',
    body: privacy,
  },
];
