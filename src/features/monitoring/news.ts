/**
 * The News section's own part of the Knowledge Centre: its items of type "news", read through
 * the Knowledge Centre's visibility-filtered repository (handed in by the app), as list entries
 * and feed entries.
 */
import type { FeedEntry } from '../../channels/kind.js';
import type { Viewer } from '../access/index.js';

export interface NewsItemSummary {
  section: string;
  slug: string;
  locale: string;
  title: string;
  summary: string;
  date: string;
  themes: string[];
}

export interface NewsPage {
  items: NewsItemSummary[];
  total: number;
  withheld: number;
  page: number;
  pages: number;
}

/** What the News section needs of the Knowledge Centre. */
export interface NewsSource {
  list(
    viewer: Viewer,
    filter: { theme?: string; country?: string },
    locale: string,
    page: number,
    pageSize: number,
  ): Promise<NewsPage>;
  /** The newest `limit` news items the viewer reads, without counting them. */
  latest(viewer: Viewer, locale: string, limit: number): Promise<NewsItemSummary[]>;
}

export function createNewsItems(source: NewsSource) {
  return {
    list: source.list,
    /** The newest news items the viewer reads, as feed entries. */
    async latest(viewer: Viewer, locale: string, limit: number): Promise<FeedEntry[]> {
      const items = await source.latest(viewer, locale, limit);
      return items.map((item) => ({
        key: item.slug,
        kind: 'item',
        path: `/knowledge/${item.section}/${item.slug}`,
        title: item.title,
        summary: item.summary,
        date: new Date(`${item.date}T00:00:00Z`),
        categories: [],
      }));
    },
  };
}

export type NewsItems = ReturnType<typeof createNewsItems>;
