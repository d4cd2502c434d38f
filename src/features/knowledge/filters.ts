/** Lists' filters read from a query string; anything unknown is left out. */
import type { ItemFilter } from './items.repository.js';
import { isItemType } from './items.types.js';
import { firstValue, type Query } from '../../platform/http/query.js';

/** The list filter of a query string (without the section, which comes from the address). */
export function itemFilter(query: Query, locales: readonly string[]): ItemFilter {
  const flat = Object.fromEntries(
    Object.entries(query).map(([key, value]) => [key, firstValue(value)]),
  );
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

export { pageOf } from '../../platform/http/query.js';
