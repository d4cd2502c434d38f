export { createSearchRepository, MAX_QUERY_LENGTH } from './search.repository.js';
export type { SearchHit, SearchRepository } from './search.repository.js';
