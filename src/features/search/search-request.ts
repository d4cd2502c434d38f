/** The search of a query string: words, filter, page; anything unknown is left out. */
import { itemFilter, pageOf } from '../knowledge/index.js';
import { firstValue, type Query } from '../../platform/http/query.js';
import type { ItemSearchFilter } from './items-search.repository.js';
import { MAX_QUERY_LENGTH } from './search.repository.js';

export interface SearchRequest {
  query: string;
  filter: ItemSearchFilter;
  page: number;
  /** Search for the words as typed, without correcting typos. */
  exact: boolean;
  /** The query is longer than search accepts; it is reported, not cut. */
  tooLong: boolean;
}

/** The search of a query string: words, filter, page. */
export function searchRequest(query: Query, locales: readonly string[]): SearchRequest {
  const text = (firstValue(query.q) ?? '').trim();
  // Search narrows by what its documents carry (not by UDHR article).
  const filter = Object.fromEntries(
    Object.entries(itemFilter(query, locales)).filter(([key]) => key !== 'right'),
  ) as ItemSearchFilter;
  return {
    query: text,
    filter,
    page: pageOf(query, 50),
    exact: firstValue(query.exact) === '1',
    tooLong: text.length > MAX_QUERY_LENGTH,
  };
}
