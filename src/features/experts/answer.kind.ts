/**
 * The experts' published answers as a kind of content: found by the site search by publication
 * (public, or members for the members layer), described on their page by Open Graph and QAPage
 * data; private answers and unanswered questions never.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { defineKind } from '../../channels/kind.js';
import { isUuid } from '../../platform/db/columns.js';
import { answerHeadline, answerMetadata } from './answer.metadata.js';
import { createAnswersRepository } from './answers.repository.js';
import type { Db } from '../../platform/db/database.js';
import { questions } from './experts.schema.js';
import { readableLevels } from '../access/index.js';
import { answerFollow } from './answer.follow.js';

export function answerKind(db: Db) {
  const answers = createAnswersRepository(db);
  return defineKind({
    name: 'answer',
    plural: 'answers',
    feeds: [
      {
        path: '/experts/answers',
        title: async (_params, t) => t.t('experts.answers.title'),
        async read(viewer, _params, t, limit) {
          const rows = await answers.latestAnswers(viewer, limit);
          return rows.map((answer) => ({
            key: answer.id,
            path: `/experts/answers/${answer.id}`,
            title: answerHeadline(answer),
            summary: answer.summary,
            date: answer.answeredAt,
            categories: [{ term: answer.theme, name: t.t(`vocabularies.theme.${answer.theme}`) }],
          }));
        },
      },
    ],
    sitemap: null,
    api: null,
    export: null,
    search: {
      // Published answers by publication, in the language they were asked in.
      async documents(viewer) {
        const rows = await db
          .select({
            id: questions.id,
            locale: questions.locale,
            question: questions.publicQuestion,
            summary: questions.summary,
            answer: questions.answer,
            answeredAt: questions.answeredAt,
          })
          .from(questions)
          .where(
            and(
              eq(questions.status, 'answered'),
              inArray(questions.publication, readableLevels(viewer)),
            ),
          );
        return rows.map((row) => ({
          key: row.id,
          locale: row.locale,
          title: row.question.slice(0, 160),
          snippet: row.summary || null,
          text: `${row.question}\n${row.summary}\n${row.answer}`,
          url: `/experts/answers/${row.id}`,
          date: row.answeredAt ?? new Date(0),
        }));
      },
    },
    metadata: {
      async describe(viewer, key, reader) {
        if (!isUuid(key)) return null;
        const answer = await answers.findAnswer(viewer, key);
        return answer === null || answer === 'members-only'
          ? answer
          : answerMetadata(answer, reader);
      },
    },
    follow: answerFollow(db),
    canary: {
      async plant(target, text) {
        const planted = await target.execute<{ id: string }>(sql`
          INSERT INTO questions (status, asker_name, asker_email, locale, theme, question,
                                 fingerprint, follow_token_hash, confirmed_at, public_question,
                                 summary, answer, links, publication, answered_at)
          VALUES ('answered', ${`${text} asker`}, 'kind-asker@canary.example', 'en', 'housing',
                  ${`${text} question`}, 'fp-kind', 'follow-kind', now(),
                  ${`${text} published question`}, ${`${text} summary`}, ${`${text} answer`},
                  '[]'::jsonb, 'members', now())
          RETURNING id::text AS id`);
        return { key: planted.rows[0]?.id };
      },
    },
  });
}
