/**
 * What the Experts' facility holds about a person, for "download my data": the questions they
 * asked (signed in, or with their address) and the answers given, the questions they were
 * assigned as an expert, and the internal notes they wrote.
 */
import { asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { DataSubject } from '../feature.js';
import { questionAssignments, questionNotes, questions } from './experts.schema.js';

export function createExpertsPersonalData(db: Db) {
  return async (person: DataSubject): Promise<Record<string, unknown>> => {
    const [asked, assigned, notes] = await Promise.all([
      db
        .select({
          askedAt: questions.createdAt,
          name: questions.askerName,
          email: questions.askerEmail,
          locale: questions.locale,
          theme: questions.theme,
          country: questions.country,
          question: questions.question,
          keepPrivate: questions.keepPrivate,
          status: questions.status,
          confirmedAt: questions.confirmedAt,
          rejectionReason: questions.rejectionReason,
          publishedQuestion: questions.publicQuestion,
          summary: questions.summary,
          answer: questions.answer,
          answeredAt: questions.answeredAt,
          publication: questions.publication,
        })
        .from(questions)
        .where(
          or(
            eq(questions.askerId, person.id),
            sql`lower(${questions.askerEmail}) = ${person.email.toLowerCase()}`,
          ),
        )
        .orderBy(asc(questions.createdAt)),
      db
        .select({
          question: questions.publicQuestion,
          assignedAt: questionAssignments.assignedAt,
          credited: questionAssignments.credited,
          remindedAt: questionAssignments.remindedAt,
        })
        .from(questionAssignments)
        .innerJoin(questions, eq(questions.id, questionAssignments.questionId))
        .where(eq(questionAssignments.expertId, person.id))
        .orderBy(asc(questionAssignments.assignedAt)),
      db
        .select({ kind: questionNotes.kind, body: questionNotes.body, at: questionNotes.createdAt })
        .from(questionNotes)
        .where(eq(questionNotes.authorId, person.id))
        .orderBy(asc(questionNotes.createdAt)),
    ]);
    return { questionsAsked: asked, questionsAssigned: assigned, notesWritten: notes };
  };
}
