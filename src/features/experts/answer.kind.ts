/**
 * The experts' published answers as a kind of content: found by the site search by publication
 * (public, or members for the members layer); private answers and unanswered questions never.
 */
import { sql } from 'drizzle-orm';
import { searchOnlyKind } from '../../channels/kind.js';
import type { Db } from '../../platform/db/database.js';
import { simpleQuery } from '../../platform/db/text-match.js';
import { readableLevels } from '../access/index.js';

interface Row extends Record<string, unknown> {
  id: string;
  title: string;
  snippet: string | null;
  rank: number;
}

export function answerKind(db: Db) {
  return searchOnlyKind({
    name: 'answer',
    plural: 'answers',
    search: {
      async search(viewer, query, _locale, limit) {
        const tsquery = simpleQuery(query);
        const document = sql`to_tsvector('simple', unaccent(public_question || ' ' || summary || ' ' || answer))`;
        const result = await db.execute<Row>(sql`
          SELECT id::text AS id, left(public_question, 160) AS title, NULLIF(summary, '') AS snippet,
                 ts_rank(${document}, ${tsquery}) AS rank
            FROM questions
           WHERE status = 'answered' AND publication = ANY(${sql.param(readableLevels(viewer))}::text[])
             AND ${document} @@ ${tsquery}
           ORDER BY rank DESC, left(public_question, 160) LIMIT ${limit}`);
        return result.rows.map((row) => ({
          kind: 'answer',
          title: row.title,
          snippet: row.snippet,
          url: `/experts/answers/${row.id}`,
          rank: Number(row.rank),
        }));
      },
    },
    canary: {
      async plant(target, text) {
        await target.execute(sql`
          INSERT INTO questions (status, asker_name, asker_email, locale, theme, question,
                                 fingerprint, follow_token_hash, confirmed_at, public_question,
                                 summary, answer, links, publication, answered_at)
          VALUES ('answered', ${`${text} asker`}, 'kind-asker@canary.example', 'en', 'housing',
                  ${`${text} question`}, 'fp-kind', 'follow-kind', now(),
                  ${`${text} published question`}, ${`${text} summary`}, ${`${text} answer`},
                  '[]'::jsonb, 'members', now())`);
        return {};
      },
    },
  });
}
