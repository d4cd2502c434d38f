/**
 * Published answers, as one viewer may read them: the only way any channel reads an answer.
 * Answers for members are filtered in SQL by the viewer's layers; private answers and questions
 * not yet answered are never read here.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { readableLevels, type Viewer } from '../access/index.js';
import { anyLanguageQuery } from '../../platform/db/text-match.js';

/** An answer in the archive's list. */
export interface AnswerSummary {
  id: string;
  /** The language the question was asked and answered in. */
  locale: string;
  theme: string;
  country: string | null;
  /** The question as published (the asker anonymised), shortened. */
  question: string;
  summary: string;
  answeredAt: Date;
  access: 'public' | 'members';
}

/** A published answer in full. */
export interface AnswerView extends AnswerSummary {
  answer: string;
  links: { url: string; title: string }[];
  /** Slugs of related Knowledge Centre items (each read through the items' own layer). */
  related: string[];
  /** Experts who agreed to be named. */
  experts: string[];
  askedAt: Date;
}

export const ANSWERS_PAGE_SIZE = 20;

type Row = {
  id: string;
  locale: string;
  theme: string;
  country: string | null;
  public_question: string;
  summary: string;
  answered_at: Date;
  publication: 'public' | 'members';
};

const summaryOf = (row: Row, question = row.public_question): AnswerSummary => ({
  id: row.id,
  locale: row.locale,
  theme: row.theme,
  country: row.country,
  question,
  summary: row.summary,
  answeredAt: new Date(row.answered_at),
  access: row.publication,
});

/** Published answers a viewer may read. */
export function createAnswersRepository(db: Db) {
  const readable = (viewer: Viewer): SQL =>
    sql`q.status = 'answered' AND q.publication = ANY(${sql.param(readableLevels(viewer))}::text[])`;

  /** The answers `where` chooses, newest first, `limit` of them from `offset`. */
  const readPage = async (where: SQL, limit: number, offset: number): Promise<AnswerSummary[]> => {
    const rows = await db.execute<Row>(sql`
      SELECT q.id, q.locale, q.theme, q.country, left(q.public_question, 400) AS public_question,
             q.summary, q.answered_at, q.publication
        FROM questions q WHERE ${where}
       ORDER BY q.answered_at DESC, q.id
       LIMIT ${limit} OFFSET ${offset}`);
    return rows.rows.map((row) => summaryOf(row));
  };

  return {
    /** One page of the archive, newest first, optionally of one theme or with some words; with the total. */
    async listAnswers(
      viewer: Viewer,
      filter: { theme?: string; query?: string },
      page = 1,
      pageSize = ANSWERS_PAGE_SIZE,
    ): Promise<{ rows: AnswerSummary[]; total: number }> {
      const conditions = [readable(viewer)];
      if (filter.theme) conditions.push(sql`q.theme = ${filter.theme}`);
      // Words, phrases in quotes, OR and -word, accents folded and stemmed in the answer's
      // language, as in the site search.
      if (filter.query)
        conditions.push(sql`hrcn_tsvector(hrcn_search_config(q.locale), q.public_question || ' ' || q.summary || ' ' || q.answer)
          @@ coalesce(${anyLanguageQuery(filter.query)}, ''::tsquery)`);
      const where = sql.join(conditions, sql` AND `);
      const [rows, counted] = await Promise.all([
        readPage(where, pageSize, (page - 1) * pageSize),
        db.execute<{ total: number }>(
          sql`SELECT count(*)::int AS total FROM questions q WHERE ${where}`,
        ),
      ]);
      return { rows, total: counted.rows[0]?.total ?? 0 };
    },

    /** The newest `limit` answers, without counting them (the feed, the home page). */
    latestAnswers: (viewer: Viewer, limit: number): Promise<AnswerSummary[]> =>
      readPage(readable(viewer), limit, 0),

    /** An answer the viewer may read; 'members-only' when it exists for members; else null. */
    async findAnswer(viewer: Viewer, id: string): Promise<AnswerView | 'members-only' | null> {
      const result = await db.execute<
        Row & {
          answer: string;
          links: { url: string; title: string }[];
          related: string[];
          confirmed_at: Date;
          experts: string[];
        }
      >(sql`
        SELECT q.id, q.locale, q.theme, q.country, q.public_question, q.summary, q.answered_at,
               q.publication, q.answer, q.links, q.related, q.confirmed_at,
               coalesce((SELECT array_agg(u.name ORDER BY u.name) FROM question_assignments a
                           JOIN users u ON u.id = a.expert_id
                          WHERE a.question_id = q.id AND a.credited), '{}') AS experts
          FROM questions q
         WHERE q.id = ${id} AND q.status = 'answered' AND q.publication IN ('public', 'members')`);
      const row = result.rows[0];
      if (!row) return null;
      if (!readableLevels(viewer).includes(row.publication)) return 'members-only';
      return {
        ...summaryOf(row),
        answer: row.answer,
        links: row.links,
        related: row.related,
        experts: row.experts,
        askedAt: new Date(row.confirmed_at),
      };
    },

    /** The themes that have answers the viewer may read, with how many. */
    async themes(viewer: Viewer): Promise<{ theme: string; count: number }[]> {
      const result = await db.execute<{ theme: string; count: number }>(sql`
        SELECT q.theme, count(*)::int AS count FROM questions q
         WHERE ${readable(viewer)} GROUP BY q.theme ORDER BY count DESC, q.theme`);
      return result.rows;
    },
  };
}

export type AnswersRepository = ReturnType<typeof createAnswersRepository>;
