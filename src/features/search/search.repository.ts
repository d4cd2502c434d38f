/**
 * The search's second block: every registered kind that declares a search source (pages, useful
 * links, member organisations, published answers…), each read as the viewer may read it, merged
 * by rank. The Knowledge Centre's items, which can number 100,000, have their own index and
 * faceted block (items-search.repository.ts).
 */
import type { ContentKind, SiteHit } from '../../channels/kind.js';
import type { Viewer } from '../access/index.js';

export const MAX_QUERY_LENGTH = 200;

export type SearchHit = Omit<SiteHit, 'rank'>;

/** Code-point order, as the database's C collation sorts titles of equal rank. */
const byRankThenTitle = (a: SiteHit, b: SiteHit): number =>
  b.rank - a.rank || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);

export function createSearchRepository(kinds: () => readonly ContentKind[]) {
  return {
    /** Up to `limit` hits, best first, of every kind that can be searched. */
    async search(viewer: Viewer, query: string, locale: string, limit = 50): Promise<SearchHit[]> {
      const found = await Promise.all(
        kinds().flatMap((kind) =>
          kind.search ? [kind.search.search(viewer, query, locale, limit)] : [],
        ),
      );
      return found
        .flat()
        .sort(byRankThenTitle)
        .slice(0, limit)
        .map(({ kind, title, url, snippet }) => ({ kind, title, url, snippet }));
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
