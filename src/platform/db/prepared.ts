/**
 * Named prepared statements for the pool's parameterised queries (decision 0025). PostgreSQL
 * plans an unnamed statement anew on every execution; a named one is parsed once per connection
 * and, once its plan proves as good for any values, planned once too. Planning was the larger part
 * of what an uncached page cost the database. Like Rails' statement cache, the names are bounded:
 * past `max` distinct statement texts, further texts run unnamed.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** SQLSTATE of "cached plan must not change result type": a table under `*` changed shape. */
const RESULT_TYPE_CHANGED = '0A000';

interface QueryConfig {
  text: string;
  name?: string;
}

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

const isConfig = (value: unknown): value is QueryConfig =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { text?: unknown }).text === 'string';

/**
 * Makes `pool.query` name each parameterised statement after a hash of its text, for the first
 * `max` texts. A statement whose result type changed under it (a migration by another instance)
 * runs again unnamed, and its text stays unnamed.
 */
export function prepareStatements(pool: pg.Pool, max = 500): void {
  const names = new Map<string, string | null>();
  const nameOf = (text: string): string | null => {
    const known = names.get(text);
    if (known !== undefined) return known;
    if (names.size >= max) return null;
    const name = `hrcn_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
    return name;
  };
  const query = pool.query.bind(pool) as Query;
  const named: Query = (config, values, callback) => {
    // Only promise-style calls with values: a statement without them goes as a simple query.
    if (!isConfig(config) || config.name || !Array.isArray(values) || values.length === 0)
      return query(config, values, callback);
    if (callback !== undefined) return query(config, values, callback);
    const name = nameOf(config.text);
    if (!name) return query(config, values);
    return (query({ ...config, name }, values) as Promise<unknown>).catch((error: unknown) => {
      if ((error as { code?: unknown }).code !== RESULT_TYPE_CHANGED) throw error;
      names.set(config.text, null);
      return query(config, values);
    });
  };
  (pool as unknown as { query: Query }).query = named;
}
