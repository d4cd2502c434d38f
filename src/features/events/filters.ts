/** An events list's filters, read from a query string: anything unknown is left out. */
import { firstValue, type Query } from '../../platform/http/query.js';
import type { EventFilter } from './events.repository.js';
import { isEventKind } from './events.types.js';

export function eventFilter(query: Query, themeKeys: readonly string[]): EventFilter {
  const filter: EventFilter = { when: firstValue(query.when) === 'past' ? 'past' : 'upcoming' };
  const kind = firstValue(query.kind);
  if (isEventKind(kind)) filter.kind = kind;
  const theme = firstValue(query.theme);
  if (theme && themeKeys.includes(theme)) filter.theme = theme;
  const country = firstValue(query.country);
  if (country && /^[A-Z]{2}$/.test(country)) filter.country = country;
  const mode = firstValue(query.mode);
  if (mode === 'online' || mode === 'in-person') filter.mode = mode;
  const month = firstValue(query.month);
  if (month && /^(19|20)\d\d-(0[1-9]|1[0-2])$/.test(month)) filter.month = month;
  return filter;
}

export { pageOf } from '../../platform/http/query.js';
