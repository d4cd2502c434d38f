export { MAX_QUERY_LENGTH } from './search.repository.js';
export type { SearchHit, SearchRepository } from './search.repository.js';
export {
  CANDIDATE_LIMIT,
  RESULTS_PER_PAGE,
  SNIPPET_MARKS,
  createItemsSearchRepository,
} from './items-search.repository.js';
export type {
  FacetCount,
  ItemHit,
  ItemSearchFilter,
  ItemSearchResult,
  ItemsSearchRepository,
} from './items-search.repository.js';
export { createSearchService } from './search.service.js';
export type { SearchOutcome, SearchService } from './search.service.js';
export { searchRequest, type SearchRequest } from './search-request.js';
export { searchFeature } from './search.feature.js';
export type { SearchIndex } from './search.feature.js';
