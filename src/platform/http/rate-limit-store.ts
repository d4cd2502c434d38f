/**
 * A store for @fastify/rate-limit that keeps the counters in PostgreSQL (`rate_limit_hits`), so
 * that every app instance behind a load balancer counts the same hits. One statement per hit, timed
 * by the database clock so that instances with skewed clocks agree on when a window ends.
 */
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type pg from 'pg';
import type { Logger } from '../logging/logger.js';

/** What `incr` answers: hits in the current window, and milliseconds until it ends. */
export interface RateLimitCount {
  current: number;
  ttl: number;
}

type Callback = (error: Error | null, result?: RateLimitCount) => void;

/** The plugin's store contract, with `read` and the settings `child()` really receives. */
export interface PgRateLimitStore extends FastifyRateLimitStore {
  read(key: string, callback: Callback): void;
  child(routeSettings: object): PgRateLimitStore;
}

export type PgRateLimitStoreClass = new (settings: unknown) => PgRateLimitStore;

// Counts one hit: a new or expired window starts at 1, a live one goes up by one. The row lock
// taken by ON CONFLICT makes concurrent hits on the same key from several instances serialise.
const HIT = `
INSERT INTO rate_limit_hits (key, count, reset_at)
VALUES ($1, 1, now() + $2::float8 * interval '1 millisecond')
ON CONFLICT (key) DO UPDATE SET
  count = CASE WHEN rate_limit_hits.reset_at <= now() THEN 1
               ELSE rate_limit_hits.count + 1 END,
  reset_at = CASE WHEN rate_limit_hits.reset_at <= now()
                  THEN now() + $2::float8 * interval '1 millisecond'
                  ELSE rate_limit_hits.reset_at END
RETURNING count AS current, GREATEST(0, CEIL(EXTRACT(EPOCH FROM reset_at - now()) * 1000))::float8 AS ttl`;

// Reads a key's live window without counting a hit (the plugin's `{ increment: false }`).
const READ = `
SELECT count AS current, GREATEST(0, CEIL(EXTRACT(EPOCH FROM reset_at - now()) * 1000))::float8 AS ttl
FROM rate_limit_hits WHERE key = $1 AND reset_at > now()`;

/**
 * The plugin passes its merged settings to the constructor and to `child()`; its type declarations
 * say `RouteOptions`, but at run time the route is under `routeInfo` (index.js, mergeParams), so the
 * fields are read with checks rather than trusted from the declared type.
 */
function field(settings: unknown, name: string): unknown {
  return typeof settings === 'object' && settings !== null && name in settings
    ? (settings as Record<string, unknown>)[name]
    : undefined;
}

/** "GET /:locale/search " for a route, "" when the plugin gives no route (createRateLimit()). */
function routePrefix(settings: unknown): string {
  const info = field(settings, 'routeInfo');
  const method = field(info, 'method');
  const url = field(info, 'url');
  const methods = Array.isArray(method) ? method.join(',') : method;
  return typeof methods === 'string' && typeof url === 'string' ? `${methods} ${url} ` : '';
}

function refuseUnsupported(settings: unknown): void {
  for (const name of ['continueExceeding', 'exponentialBackoff']) {
    if (field(settings, name) === true) {
      throw new Error(`The PostgreSQL rate-limit store does not implement ${name}`);
    }
  }
}

/**
 * Returns the store class to give @fastify/rate-limit as `store`. Database errors go to the plugin
 * (which lets the request through when registered with `skipOnError: true`) and are logged here,
 * since the plugin then says nothing.
 */
export function createPgRateLimitStore(deps: {
  pool: pg.Pool;
  log: Logger;
}): PgRateLimitStoreClass {
  const count = (
    name: string,
    text: string,
    values: unknown[],
    callback: Callback,
    empty: RateLimitCount | null,
  ): void => {
    deps.pool.query<RateLimitCount>({ name, text, values }).then(
      (result) => {
        const row = result.rows[0] ?? empty;
        if (row) callback(null, { current: row.current, ttl: row.ttl });
        else callback(new Error('rate limit hit returned no row'));
      },
      (error: unknown) => {
        deps.log.warn({ err: error }, 'rate limit store unavailable');
        callback(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };

  return class Store implements PgRateLimitStore {
    readonly #prefix: string;

    constructor(settings: unknown, prefix = '') {
      refuseUnsupported(settings);
      this.#prefix = prefix;
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      count('rate-limit-hit', HIT, [this.#prefix + key, timeWindow], callback, null);
    }

    /** Non-mutating snapshot; a key with no live window reads as zero hits. */
    read(key: string, callback: Callback): void {
      count('rate-limit-read', READ, [this.#prefix + key], callback, { current: 0, ttl: 0 });
    }

    /** The store of one route: its keys start with the route's method and URL. */
    child(routeSettings: object): PgRateLimitStore {
      return new Store(routeSettings, routePrefix(routeSettings));
    }
  };
}
