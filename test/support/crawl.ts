/** A crawl of the site as a visitor, through the app's own request injection. */
import type { TestApp } from './app.js';

/** At most this many addresses are read in all. */
export const CRAWL_LIMIT = 2000;

/**
 * The shape of an address: its path and the names of its query's parameters. A calendar's months
 * and a search's combinations of filters are endless variations of a few shapes.
 */
function shapeOf(url: string): string {
  const [path = '', query] = url.split('?');
  if (query === undefined) return url;
  return `${path}?${[...new URLSearchParams(query).keys()].sort().join('&')}`;
}

/**
 * Reads every address reachable from `start`, `width` requests at a time: `check` sees each
 * answer's body (and may throw) and returns the addresses it links to. An address with a query
 * is read only while fewer than `variants` of its shape were (every page is still read; its
 * filters and months a dozen times each, not without end), and no more than CRAWL_LIMIT in all.
 * Resolves with the addresses read; rejects with the first failed request or check.
 */
export async function crawl(
  app: TestApp,
  start: readonly string[],
  check: (url: string, body: string) => string[],
  { width = 4, variants = 12 } = {},
): Promise<Set<string>> {
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const queue = [...start];
  let reading = 0;
  let failed = false;
  const wanted = (url: string): boolean => {
    if (seen.has(url) || seen.size >= CRAWL_LIMIT) return false;
    const shape = shapeOf(url);
    const read = shapes.get(shape) ?? 0;
    // The addresses to start from are read whatever their shape.
    if (read >= variants && !start.includes(url)) return false;
    shapes.set(shape, read + 1);
    return true;
  };
  await new Promise<void>((resolve, reject) => {
    const next = (): void => {
      while (!failed && reading < width && queue.length > 0) {
        const url = queue.shift() ?? '';
        if (!wanted(url)) continue;
        seen.add(url);
        reading += 1;
        app.http
          .inject({ url })
          .then((response) => {
            reading -= 1;
            for (const link of check(url, response.body)) if (!seen.has(link)) queue.push(link);
            next();
          })
          .catch((error: unknown) => {
            // Nothing more is asked once a check failed: the test ends with its first failure.
            failed = true;
            reject(error);
          });
      }
      if (!failed && reading === 0 && queue.length === 0) resolve();
    };
    next();
  });
  return seen;
}
