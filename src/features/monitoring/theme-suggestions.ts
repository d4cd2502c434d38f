/**
 * Suggested themes for an entry read from outside: the themes whose words appear in its title,
 * summary or categories. A theme's words are its names in every language of the catalogues
 * (a French entry about « logement » is found as well as an English one about housing) and a few
 * terms of the field. Suggestions only: the editor chooses.
 */

export interface ThemeWords {
  key: string;
  /** 'rights' themes match on any of their words; thematic-city families on their whole name. */
  family: string;
  /** The theme's name in each language. */
  names: readonly string[];
}

/** Words of the field that the themes' names do not hold. */
const TERMS: Readonly<Record<string, readonly string[]>> = {
  housing: ['homeless', 'eviction', 'tenant', 'logement', 'wohnung', 'vivienda', 'alloggi'],
  'non-discrimination': ['discriminat', 'racism', 'xenophob', 'hate speech', 'hate crime'],
  'gender-equality': ['women', 'gender', 'femmes', 'frauen', 'mujeres', 'donne'],
  children: ['child', 'youth', 'enfant', 'kinder', 'niño', 'bambin'],
  'older-persons': ['older person', 'ageing', 'aging', 'elderly'],
  disability: ['disabilit', 'handicap', 'accessibility', 'behinderung', 'discapacidad'],
  'migration-and-refugees': ['migrant', 'refugee', 'asylum', 'réfugié', 'flüchtling', 'asile'],
  participation: ['participat', 'consultation', 'civic'],
  'access-to-justice': ['justice', 'court', 'ombuds', 'tribunal'],
  health: ['health', 'santé', 'gesundheit', 'salud', 'salute'],
  education: ['education', 'school', 'école', 'schule', 'escuela', 'scuola'],
  work: ['employment', 'labour', 'labor', 'workers', 'emploi', 'arbeit', 'empleo', 'lavoro'],
  'environment-and-climate': ['climate', 'environment', 'pollution', 'climat', 'klima', 'clima'],
  culture: ['cultur', 'heritage'],
  'safety-and-policing': ['police', 'policing', 'violence'],
  poverty: ['poverty', 'pauvreté', 'armut', 'pobreza', 'povertà', 'social exclusion'],
  'digital-rights': [
    'digital',
    'privacy',
    'surveillance',
    'artificial intelligence',
    'data protection',
  ],
  'water-and-sanitation': ['water', 'sanitation', 'eau', 'wasser', 'agua', 'acqua'],
  'transparency-and-accountability': ['transparen', 'accountab', 'corruption', 'open data'],
  'lgbti-rights': ['lgbt', 'homophob', 'transgender', 'sexual orientation'],
  'roma-inclusion': ['roma', 'sinti', 'travellers'],
  'right-to-the-city': [
    'right to the city',
    'droit à la ville',
    'recht auf stadt',
    'derecho a la ciudad',
  ],
};

/** Words too common to say anything about a theme. */
const COMMON = new Set(['rights', 'droits', 'rechte', 'derechos', 'diritti', 'city', 'cities']);

const fold = (text: string): string =>
  ` ${text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/** Builds the matcher once for a set of themes; it returns the keys found in a text. */
export function themeSuggester(themes: readonly ThemeWords[]): (text: string) => string[] {
  const patterns = themes.map((theme) => {
    const whole = theme.names.map(fold).filter((name) => name.trim().length > 2);
    const words =
      theme.family === 'rights'
        ? theme.names
            .flatMap((name) => fold(name).trim().split(' '))
            .filter((word) => word.length >= 5 && !COMMON.has(word))
        : [];
    // A word matches at the start of a word of the text: "refugee" finds "refugees".
    const starts = [
      ...new Set([...words, ...(TERMS[theme.key] ?? []).map((term) => fold(term).trim())]),
    ];
    return { key: theme.key, whole, starts };
  });
  return (text) => {
    const folded = fold(text);
    return patterns
      .filter(
        (pattern) =>
          pattern.whole.some((name) => folded.includes(name)) ||
          pattern.starts.some((start) => folded.includes(` ${start}`)),
      )
      .map((pattern) => pattern.key);
  };
}
