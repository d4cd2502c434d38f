import { NotFoundError } from '../errors/errors.js';

/** Query strings as Fastify parses them: a name given twice is a list. */
export type Query = Record<string, string | string[] | undefined>;

/** The first value of a query parameter (a name given twice keeps its first value). */
export const firstValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/** A page number of a query string: 1 when absent or wrong, at most `max`. */
export function pageOf(query: Query, max = 10_000): number {
  const page = Number(firstValue(query.page));
  return Number.isInteger(page) && page >= 1 && page <= max ? page : 1;
}

/**
 * The language of content a form writes, from `?lang=` (else `fallback`); an unknown language is
 * a page that does not exist.
 */
export function contentLocaleOf(
  query: { lang?: unknown },
  fallback: string,
  locales: readonly string[],
): string {
  const lang = typeof query.lang === 'string' ? query.lang : fallback;
  if (!locales.includes(lang)) throw new NotFoundError();
  return lang;
}
