/**
 * Statements whose SQL text is built once per shape (decision 0025). Drizzle turns a query's parts
 * into text each time it runs, walking every fragment: a tenth of an uncached list page's time.
 * A statement here is built from its shape alone — which parts it has (the filters a list is
 * narrowed by, whether an item's page reads its asides) — with every value a placeholder
 * (`sql.placeholder('slug')`), filled on each run. The build function never sees a value, and a
 * value written into the text anyway (a `${slug}` instead of a placeholder) is refused when the
 * statement is built: it would be served to every later reader of that shape.
 */
import { is, Placeholder, type Query, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { createMemo } from '../cache/memo.js';
import type { Db } from './database.js';

const dialect = new PgDialect();

/** Runs the statement of a shape with these values (one per placeholder) and returns its rows. */
export type Statement<Shape, Row> = (
  db: Db,
  shape: Shape,
  values: Readonly<Record<string, unknown>>,
) => Promise<Row[]>;

/**
 * A statement built by `build` once per shape (keyed by the shape's JSON; keep shapes to a few
 * booleans and names), at most `maxShapes` kept.
 */
export function statement<Shape, Row extends Record<string, unknown>>(
  build: (shape: Shape) => SQL,
  maxShapes = 64,
): Statement<Shape, Row> {
  const built = createMemo<Query>(maxShapes);
  return async (db, shape, values) => {
    const key = JSON.stringify(shape);
    let query = built.get(key);
    if (!query) {
      query = dialect.sqlToQuery(build(shape));
      const fixed = query.params.findIndex((param) => !is(param, Placeholder));
      if (fixed >= 0)
        throw new Error(
          `a statement built once holds a value ($${fixed + 1}) instead of a placeholder: ${query.sql}`,
        );
      built.set(key, query);
    }
    return run<Row>(db, query, values);
  };
}

async function run<Row>(
  db: Db,
  query: Query,
  values: Readonly<Record<string, unknown>>,
): Promise<Row[]> {
  const result = await db._.session
    .prepareQuery<{ execute: { rows: Row[] }; all: unknown; values: unknown }>(
      query,
      undefined,
      undefined,
      false,
    )
    .execute(values);
  return result.rows;
}
