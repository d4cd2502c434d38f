/**
 * One search over the Knowledge Centre's items and the site's pages, useful links and member
 * organisations, as the viewer may read them. A query that finds nothing is tried once more with
 * its likely typos corrected; the correction is only offered when it finds something for this
 * viewer, so a suggestion can never reveal a word of the members layer.
 */
import type { Viewer } from '../access/index.js';
import type {
  ItemSearchFilter,
  ItemSearchResult,
  ItemsSearchRepository,
} from './items-search.repository.js';
import type { SearchHit, SearchRepository } from './search.repository.js';

export interface SearchOutcome {
  items: ItemSearchResult;
  site: SearchHit[];
  /** The corrected query the results are for, or null. */
  corrected: string | null;
}

export function createSearchService(deps: {
  items: ItemsSearchRepository;
  site: SearchRepository;
}) {
  return {
    async search(
      viewer: Viewer,
      query: string,
      locale: string,
      filter: ItemSearchFilter,
      page: number,
      options: { exact?: boolean } = {},
    ): Promise<SearchOutcome> {
      const filtered = Object.values(filter).some((value) => value !== undefined);
      const [items, site] = await Promise.all([
        deps.items.search(viewer, query, locale, filter, page),
        page === 1 && !filtered ? deps.site.search(viewer, query, locale, 10) : Promise.resolve([]),
      ]);
      if (items.total > 0 || site.length > 0 || options.exact)
        return { items, site, corrected: null };
      const suggestion = await deps.items.suggest(query);
      if (!suggestion) return { items, site, corrected: null };
      const retried = await deps.items.search(viewer, suggestion, locale, filter, page);
      return retried.total > 0
        ? { items: retried, site, corrected: suggestion }
        : { items, site, corrected: null };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
