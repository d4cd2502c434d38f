/**
 * Every route the app serves, read from Fastify's own router (printRoutes), so that a test over
 * "every route" grows with the features and never needs a list kept by hand.
 */
import type { FastifyInstance } from 'fastify';

export type RouteMethod = 'GET' | 'POST';

/**
 * The paths of every route answering `method`, as declared (`/:locale/knowledge/:section`).
 * Wildcard routes (static files) are left out: the router prints them without their prefix.
 */
export function routePaths(http: FastifyInstance, method: RouteMethod): string[] {
  const tree = http.printRoutes({ commonPrefix: false, method });
  const parents: string[] = [];
  const paths: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    const [, indent = '', segment = '', methods] = match ?? [];
    if (!match) continue;
    const depth = indent.length / 4;
    const path = (parents[depth - 1] ?? '') + segment;
    parents[depth] = path;
    parents.length = depth + 1;
    if (methods?.split(', ').includes(method) && !path.includes('*')) paths.push(path);
  }
  return [...new Set(paths)].sort();
}

/** The names of a route's parameters, in order (`:locale`, `:id` → locale, id). */
export const paramNames = (path: string): string[] =>
  [...path.matchAll(/:([A-Za-z]+)/gu)].map((match) => match[1] ?? '');

/** A path with each parameter replaced by the value `valueOf` gives for its name. */
export const fillRoute = (path: string, valueOf: (name: string) => string): string =>
  path.replace(/:([A-Za-z]+)/gu, (_whole, name: string) => encodeURIComponent(valueOf(name)));
