/**
 * Matching words in small tables without an index of their own: PostgreSQL full text with the
 * `simple` configuration over accent-folded text, and a substring match for names and titles.
 */
import { sql, type SQL } from 'drizzle-orm';

/** The words as a web-search-style query (phrases, OR, -word), accents folded. */
export const simpleQuery = (query: string): SQL =>
  sql`websearch_to_tsquery('simple', unaccent(${query}))`;

/** A LIKE pattern that finds the text anywhere, its wildcards escaped. */
export const likePattern = (query: string): string =>
  `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
