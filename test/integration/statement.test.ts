/**
 * Statements built once per shape (src/platform/db/statement.ts): their values come only from
 * placeholders, so the text one reader's request built can serve the next reader.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statement } from '../../src/platform/db/statement.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('a statement built once', () => {
  it('is built once per shape and filled with each run’s values', async () => {
    const built: boolean[] = [];
    const numbers = statement<{ doubled: boolean }, { n: number }>(({ doubled }) => {
      built.push(doubled);
      return doubled
        ? sql`SELECT n * 2 AS n FROM generate_series(1, ${sql.placeholder('upTo')}::int) n`
        : sql`SELECT n FROM generate_series(1, ${sql.placeholder('upTo')}::int) n`;
    });
    const { db } = database;
    expect(await numbers(db, { doubled: false }, { upTo: 2 })).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await numbers(db, { doubled: false }, { upTo: 3 })).toEqual([
      { n: 1 },
      { n: 2 },
      { n: 3 },
    ]);
    expect(await numbers(db, { doubled: true }, { upTo: 1 })).toEqual([{ n: 2 }]);
    expect(built).toEqual([false, true]);
  });

  it('refuses a value written into its text, which it would serve to every later reader', async () => {
    const slug = 'one-readers-slug';
    const wrong = statement<null, { slug: string }>(() => sql`SELECT ${slug}::text AS slug`);
    await expect(wrong(database.db, null, {})).rejects.toThrow(
      /holds a value \(\$1\) instead of a placeholder/,
    );
  });

  it('refuses to run without a value for each placeholder', async () => {
    const one = statement<null, { n: number }>(() => sql`SELECT ${sql.placeholder('n')}::int AS n`);
    await expect(one(database.db, null, {})).rejects.toThrow(/placeholder "n"/);
  });
});
