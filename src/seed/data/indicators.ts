/**
 * The network's first shared indicators: what cities commonly report on their way, each tied to
 * the right it measures (UDHR article) and an SDG target. Editors keep the list in
 * /editor/indicators; cities add their own beside it.
 */
export interface SeedIndicator {
  key: string;
  names: Record<string, string>;
  definitions: Record<string, string>;
  unit: string;
  sdgTarget: string | null;
  udhrArticle: number | null;
  source: string;
  higherIsBetter: boolean | null;
}

export const seedIndicators: readonly SeedIndicator[] = [
  {
    key: 'housing-cost-overburden',
    names: {
      en: 'Housing cost overburden rate',
      fr: 'Taux de surcharge des coûts du logement',
      de: 'Quote der Überbelastung durch Wohnkosten',
      es: 'Tasa de sobrecarga del coste de la vivienda',
      it: 'Tasso di sovraccarico dei costi abitativi',
    },
    definitions: {
      en: 'Share of the population living in households where housing costs are more than 40 % of disposable income.',
      fr: 'Part de la population vivant dans un ménage dont les coûts du logement dépassent 40 % du revenu disponible.',
      de: 'Anteil der Bevölkerung in Haushalten, deren Wohnkosten mehr als 40 % des verfügbaren Einkommens ausmachen.',
      es: 'Proporción de la población que vive en hogares cuyos gastos de vivienda superan el 40 % de la renta disponible.',
      it: 'Quota della popolazione che vive in famiglie in cui i costi abitativi superano il 40 % del reddito disponibile.',
    },
    unit: '%',
    sdgTarget: '11.1',
    udhrArticle: 25,
    source: 'Eurostat (EU-SILC) or the national statistics office',
    higherIsBetter: false,
  },
  {
    key: 'homelessness',
    names: {
      en: 'People sleeping rough or in emergency shelter',
      fr: 'Personnes dormant dans la rue ou en hébergement d’urgence',
      de: 'Menschen, die auf der Straße oder in Notunterkünften schlafen',
      es: 'Personas que duermen en la calle o en alojamientos de emergencia',
      it: 'Persone che dormono in strada o in alloggi di emergenza',
    },
    definitions: {
      en: 'People counted on one night, per 10,000 inhabitants.',
      fr: 'Personnes recensées en une nuit, pour 10 000 habitants.',
      de: 'In einer Nacht gezählte Personen je 10.000 Einwohner.',
      es: 'Personas contadas en una noche, por cada 10 000 habitantes.',
      it: 'Persone contate in una notte, ogni 10.000 abitanti.',
    },
    unit: 'per 10,000 inhabitants',
    sdgTarget: '11.1',
    udhrArticle: 25,
    source: 'Municipal point-in-time count',
    higherIsBetter: false,
  },
  {
    key: 'women-in-council',
    names: {
      en: 'Women in the municipal council',
      fr: 'Femmes au conseil municipal',
      de: 'Frauen im Gemeinderat',
      es: 'Mujeres en el pleno municipal',
      it: 'Donne nel consiglio comunale',
    },
    definitions: {
      en: 'Share of the seats of the elected council held by women.',
      fr: 'Part des sièges du conseil élu occupés par des femmes.',
      de: 'Anteil der Sitze im gewählten Rat, die Frauen innehaben.',
      es: 'Proporción de los escaños del pleno elegido ocupados por mujeres.',
      it: 'Quota dei seggi del consiglio eletto occupati da donne.',
    },
    unit: '%',
    sdgTarget: '5.5',
    udhrArticle: 21,
    source: 'Municipal records',
    higherIsBetter: true,
  },
  {
    key: 'early-school-leavers',
    names: {
      en: 'Early leavers from education and training',
      fr: 'Jeunes ayant quitté prématurément l’éducation et la formation',
      de: 'Frühe Schul- und Ausbildungsabgänger',
      es: 'Abandono temprano de la educación y la formación',
      it: 'Abbandono precoce di istruzione e formazione',
    },
    definitions: {
      en: 'Share of people aged 18–24 with at most lower secondary education who are not in education or training.',
      fr: 'Part des 18-24 ans ayant au plus un diplôme du premier cycle du secondaire et ne suivant ni études ni formation.',
      de: 'Anteil der 18- bis 24-Jährigen mit höchstens einem Abschluss der Sekundarstufe I, die sich weder in Bildung noch in Ausbildung befinden.',
      es: 'Proporción de personas de 18 a 24 años con, como máximo, la primera etapa de educación secundaria que no siguen ningún estudio ni formación.',
      it: 'Quota di persone tra i 18 e i 24 anni con al massimo la licenza media che non frequentano corsi di istruzione o formazione.',
    },
    unit: '%',
    sdgTarget: '4.1',
    udhrArticle: 26,
    source: 'Eurostat or the national statistics office',
    higherIsBetter: false,
  },
  {
    key: 'accessible-web',
    names: {
      en: 'Municipal web pages meeting WCAG 2.1 AA',
      fr: 'Pages web municipales conformes aux WCAG 2.1 AA',
      de: 'Kommunale Webseiten, die WCAG 2.1 AA erfüllen',
      es: 'Páginas web municipales conformes con las WCAG 2.1 AA',
      it: 'Pagine web comunali conformi alle WCAG 2.1 AA',
    },
    definitions: {
      en: 'Share of the municipality’s audited web pages with no failure of WCAG 2.1 level AA.',
      fr: 'Part des pages web auditées de la commune sans aucun manquement aux WCAG 2.1 niveau AA.',
      de: 'Anteil der geprüften Webseiten der Gemeinde ohne Verstoß gegen WCAG 2.1 Stufe AA.',
      es: 'Proporción de las páginas web auditadas del municipio sin ningún incumplimiento de las WCAG 2.1 nivel AA.',
      it: 'Quota delle pagine web comunali verificate senza alcuna non conformità alle WCAG 2.1 livello AA.',
    },
    unit: '%',
    sdgTarget: '10.2',
    udhrArticle: 19,
    source: 'Accessibility monitoring body or audit',
    higherIsBetter: true,
  },
  {
    key: 'human-rights-complaints',
    names: {
      en: 'Complaints received by the local human rights office or ombudsperson',
      fr: 'Plaintes reçues par le bureau local des droits de l’homme ou le médiateur',
      de: 'Beschwerden beim örtlichen Menschenrechtsbüro oder bei der Ombudsstelle',
      es: 'Quejas recibidas por la oficina local de derechos humanos o la defensoría',
      it: 'Reclami ricevuti dall’ufficio locale per i diritti umani o dal difensore civico',
    },
    definitions: {
      en: 'Complaints received in the year, per 10,000 inhabitants.',
      fr: 'Plaintes reçues dans l’année, pour 10 000 habitants.',
      de: 'Im Jahr eingegangene Beschwerden je 10.000 Einwohner.',
      es: 'Quejas recibidas en el año, por cada 10 000 habitantes.',
      it: 'Reclami ricevuti nell’anno, ogni 10.000 abitanti.',
    },
    unit: 'per 10,000 inhabitants',
    sdgTarget: '16.3',
    udhrArticle: 8,
    source: 'Annual report of the office',
    higherIsBetter: null,
  },
];
