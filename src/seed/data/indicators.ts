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
    names: { en: 'Housing cost overburden rate' },
    definitions: {
      en: 'Share of the population living in households where housing costs are more than 40 % of disposable income.',
    },
    unit: '%',
    sdgTarget: '11.1',
    udhrArticle: 25,
    source: 'Eurostat (EU-SILC) or the national statistics office',
    higherIsBetter: false,
  },
  {
    key: 'homelessness',
    names: { en: 'People sleeping rough or in emergency shelter' },
    definitions: { en: 'People counted on one night, per 10,000 inhabitants.' },
    unit: 'per 10,000 inhabitants',
    sdgTarget: '11.1',
    udhrArticle: 25,
    source: 'Municipal point-in-time count',
    higherIsBetter: false,
  },
  {
    key: 'women-in-council',
    names: { en: 'Women in the municipal council' },
    definitions: { en: 'Share of the seats of the elected council held by women.' },
    unit: '%',
    sdgTarget: '5.5',
    udhrArticle: 21,
    source: 'Municipal records',
    higherIsBetter: true,
  },
  {
    key: 'early-school-leavers',
    names: { en: 'Early leavers from education and training' },
    definitions: {
      en: 'Share of people aged 18–24 with at most lower secondary education who are not in education or training.',
    },
    unit: '%',
    sdgTarget: '4.1',
    udhrArticle: 26,
    source: 'Eurostat or the national statistics office',
    higherIsBetter: false,
  },
  {
    key: 'accessible-web',
    names: { en: 'Municipal web pages meeting WCAG 2.1 AA' },
    definitions: {
      en: 'Share of the municipality’s audited web pages with no failure of WCAG 2.1 level AA.',
    },
    unit: '%',
    sdgTarget: '10.2',
    udhrArticle: 19,
    source: 'Accessibility monitoring body or audit',
    higherIsBetter: true,
  },
  {
    key: 'human-rights-complaints',
    names: { en: 'Complaints received by the local human rights office or ombudsperson' },
    definitions: { en: 'Complaints received in the year, per 10,000 inhabitants.' },
    unit: 'per 10,000 inhabitants',
    sdgTarget: '16.3',
    udhrArticle: 8,
    source: 'Annual report of the office',
    higherIsBetter: null,
  },
];
