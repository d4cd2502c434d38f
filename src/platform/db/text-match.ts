/**
 * Matching words: a query parsed in every content language, for text stemmed in its own language
 * (the search documents, the answers' archive), and a substring match for names.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './database.js';

const FOLDED: Readonly<Record<string, string>> = {
  '\u0649': '\u064A',
  '\u0671': '\u0627',
  '\u06CC': '\u064A',
  '\u06A9': '\u0643',
};

/**
 * Letters written several ways for one word, folded as hrcn_fold folds the documents (migration
 * 0044): Arabic alef maqsura to ya, alef wasla to alef, Persian ya and kaf to the Arabic ones.
 */
export const foldLetters = (text: string): string =>
  text.replace(/[\u0649\u0671\u06CC\u06A9]/g, (letter) => FOLDED[letter] ?? letter);

/**
 * The query as websearch_to_tsquery should read it: a minus sign negates the word it touches and
 * means nothing elsewhere. Signs before no word each became a negation of nothing, and some dozens
 * of them overflow PostgreSQL's tsquery stack (an error, not an empty match).
 */
export const webSearchText = (query: string): string =>
  foldLetters(query)
    .replace(/-+(?=[\p{L}\p{N}])/gu, '-')
    .replace(/-(?![\p{L}\p{N}])/gu, ' ');

/** A LIKE pattern that finds the text anywhere, its wildcards escaped. */
export const likePattern = (query: string): string =>
  `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** The text-search configurations of the content languages (migrations 0013, 0044), accents folded. */
const CONFIGS = [
  'hrcn_english',
  'hrcn_french',
  'hrcn_german',
  'hrcn_spanish',
  'hrcn_italian',
  'hrcn_portuguese',
  'hrcn_dutch',
  'hrcn_arabic',
  'hrcn_simple',
];

/**
 * The query parsed in every language configuration, the distinct parses OR-ed: "rights" becomes
 * 'right' | 'rights', so that text stemmed in any language is found. Null (matches nothing) when
 * every word is a stop word.
 */
export const anyLanguageQuery = (query: string): SQL => sql`(
  SELECT string_agg(DISTINCT '(' || parsed::text || ')', ' | ')::tsquery
    FROM unnest(ARRAY[${sql.join(
      CONFIGS.map(
        (config) =>
          sql`websearch_to_tsquery(${sql.raw(`'${config}'`)}::regconfig, ${webSearchText(query)})`,
      ),
      sql`, `,
    )}]) parsed
   WHERE parsed::text <> '')`;

/**
 * The query parsed in every language as tsquery text, or null when it has no searchable word.
 * Parsed first and passed on as a value, so that the planner sees how common the words are.
 */
export async function parseQuery(db: Db, query: string): Promise<string | null> {
  const result = await db.execute<{ query: string | null }>(
    sql`SELECT ${anyLanguageQuery(query)}::text AS query`,
  );
  return result.rows[0]?.query ?? null;
}
