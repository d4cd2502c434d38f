/**
 * The sources the network watches from the start: official feeds of human rights bodies, rights
 * organisations and networks that report on cities' fields. Each address was found in use as a
 * feed by other projects' recorded fetches in 2026 (see the monitoring decision record); editors
 * add, change and mute sources in /editor/watch/sources, and a source that fails is reported.
 */
export interface SeedWatchSource {
  name: string;
  feedUrl: string;
  siteUrl: string;
  locale: string;
  themes: readonly string[];
}

export const seedWatchSources: readonly SeedWatchSource[] = [
  {
    name: 'UN News — Human rights',
    feedUrl: 'https://news.un.org/feed/subscribe/en/news/topic/human-rights/feed/rss.xml',
    siteUrl: 'https://news.un.org/en/news/topic/human-rights',
    locale: 'en',
    themes: [],
  },
  {
    name: 'UN News — Women',
    feedUrl: 'https://news.un.org/feed/subscribe/en/news/topic/women/feed/rss.xml',
    siteUrl: 'https://news.un.org/en/news/topic/women',
    locale: 'en',
    themes: ['gender-equality'],
  },
  {
    name: 'UN News — Migrants and refugees',
    feedUrl: 'https://news.un.org/feed/subscribe/en/news/topic/migrants-and-refugees/feed/rss.xml',
    siteUrl: 'https://news.un.org/en/news/topic/migrants-and-refugees',
    locale: 'en',
    themes: ['migration-and-refugees'],
  },
  {
    name: 'UN News — All news',
    feedUrl: 'https://news.un.org/feed/subscribe/en/news/all/rss.xml',
    siteUrl: 'https://news.un.org/en/',
    locale: 'en',
    themes: [],
  },
  {
    name: 'EU Agency for Fundamental Rights (FRA)',
    feedUrl: 'https://fra.europa.eu/en/rss.xml',
    siteUrl: 'https://fra.europa.eu/en',
    locale: 'en',
    themes: [],
  },
  {
    name: 'European Parliament — Press releases',
    feedUrl: 'https://www.europarl.europa.eu/rss/doc/press-releases/en.xml',
    siteUrl: 'https://www.europarl.europa.eu/news/en/press-room',
    locale: 'en',
    themes: [],
  },
  {
    name: 'Human Rights Watch',
    feedUrl: 'https://www.hrw.org/rss/news',
    siteUrl: 'https://www.hrw.org/',
    locale: 'en',
    themes: [],
  },
  {
    name: 'Amnesty International',
    feedUrl: 'https://www.amnesty.org/en/feed/',
    siteUrl: 'https://www.amnesty.org/en/',
    locale: 'en',
    themes: [],
  },
  {
    name: 'European Digital Rights (EDRi)',
    feedUrl: 'https://edri.org/feed/',
    siteUrl: 'https://edri.org/',
    locale: 'en',
    themes: ['digital-rights'],
  },
  {
    name: 'European Council on Refugees and Exiles (ECRE)',
    feedUrl: 'https://ecre.org/feed/',
    siteUrl: 'https://ecre.org/',
    locale: 'en',
    themes: ['migration-and-refugees'],
  },
  {
    name: 'ILGA-Europe',
    feedUrl: 'https://www.ilga-europe.org/feed/',
    siteUrl: 'https://www.ilga-europe.org/',
    locale: 'en',
    themes: ['lgbti-rights'],
  },
  {
    name: 'CIVICUS Monitor',
    feedUrl: 'https://monitor.civicus.org/feed/',
    siteUrl: 'https://monitor.civicus.org/',
    locale: 'en',
    themes: ['participation'],
  },
];
