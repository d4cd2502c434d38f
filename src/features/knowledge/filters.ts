/** Lists' and search's filters read from a query string; anything unknown is left out. */
import { isItemType, type ItemFilter } from './index.js';
import { MAX_QUERY_LENGTH, type ItemSearchFilter } from '../search/index.js';

export type Query = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/** The list filter of a query string (without the section, which comes from the address). */
export function itemFilter(query: Query, locales: readonly string[]): ItemFilter {
  const flat = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, first(value)]));
  const filter: ItemFilter = {};
  if (isItemType(flat.type)) filter.type = flat.type;
  if (/^[a-z0-9-]{1,80}$/.test(flat.theme ?? '')) filter.theme = flat.theme;
  const number = (value: string | undefined, max: number): number | undefined => {
    const parsed = Number(value);
    return Number.isInteger(parsed) && parsed >= 1 && parsed <= max ? parsed : undefined;
  };
  const sdg = number(flat.sdg, 17);
  if (sdg) filter.sdg = sdg;
  const right = number(flat.right, 30);
  if (right) filter.right = right;
  if (/^[A-Z]{2}$/.test(flat.country ?? '')) filter.country = flat.country;
  if (locales.includes(flat.language ?? '')) filter.language = flat.language;
  const year = number(flat.year, 9999);
  if (year && year >= 1900) filter.year = year;
  return filter;
}

/** A page number of a query string: 1 when absent or wrong, at most `max`. */
export function pageOf(query: Query, max = 10_000): number {
  const page = Number(first(query.page));
  return Number.isInteger(page) && page >= 1 && page <= max ? page : 1;
}

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
  const text = (first(query.q) ?? '').trim();
  // Search narrows by what its documents carry (not by UDHR article).
  const filter = Object.fromEntries(
    Object.entries(itemFilter(query, locales)).filter(([key]) => key !== 'right'),
  ) as ItemSearchFilter;
  return {
    query: text,
    filter,
    page: pageOf(query, 50),
    exact: first(query.exact) === '1',
    tooLong: text.length > MAX_QUERY_LENGTH,
  };
}
