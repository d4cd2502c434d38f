/** The SQL of who answers a question: the experts to choose from, their assignments, drafts and reminders. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { profiles } from '../members/members.schema.js';
import { questionAssignments, questions } from './experts.schema.js';
import type { QuestionStatus } from './experts.repository.js';
import type { AnswerDraft } from './desk.repository.js';
import { OPEN_STATUSES, openStatuses as open } from './question.statuses.js';

/** An expert as the editors choose among them. */
export interface ExpertCandidate {
  id: string;
  name: string;
  themes: string[];
  expertise: string[];
  /** Open questions assigned to them now. */
  load: number;
}

/** A reminder to send: an expert's question is due soon or overdue. */
export interface DueReminder {
  questionId: string;
  expertId: string;
  name: string;
  email: string;
  locale: string;
  dueOn: string;
}

/** The reads and writes of experts' assignments. */
export function createAssignmentsRepository(db: Db) {
  return {
    /** The network's experts with their themes, expertise and open questions. */
    async experts(): Promise<ExpertCandidate[]> {
      const result = await db.execute<{
        id: string;
        name: string;
        themes: string[] | null;
        expertise: string[] | null;
        load: number;
      }>(sql`
        SELECT u.id, u.name, p.themes, p.expertise,
               (SELECT count(*)::int FROM question_assignments a JOIN questions q ON q.id = a.question_id
                 WHERE a.expert_id = u.id AND q.status = ANY(${open})) AS load
          FROM users u LEFT JOIN ${profiles} p ON p.user_id = u.id
         WHERE u.role = 'expert'
         ORDER BY u.name`);
      return result.rows.map((row) => ({
        id: row.id,
        name: row.name,
        themes: row.themes ?? [],
        expertise: row.expertise ?? [],
        load: row.load,
      }));
    },

    /**
     * Assigns experts (those already assigned stay) and sets the due day. Returns the ids of the
     * experts newly assigned and whether the question was new until now.
     */
    async assign(id: string, expertIds: readonly string[], dueOn: string, by: string, at: Date) {
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select({ status: questions.status })
          .from(questions)
          .where(and(eq(questions.id, id), inArray(questions.status, ['new', 'assigned'])))
          .for('update');
        if (!before) return null;
        const added = await tx
          .insert(questionAssignments)
          .values(
            expertIds.map((expertId) => ({
              questionId: id,
              expertId,
              assignedBy: by,
              assignedAt: at,
            })),
          )
          .onConflictDoNothing()
          .returning({ expertId: questionAssignments.expertId });
        await tx
          .update(questions)
          .set({
            status: 'assigned',
            dueOn,
            firstResponseAt: sql`coalesce(${questions.firstResponseAt}, ${at.toISOString()}::timestamptz)`,
            updatedAt: at,
          })
          .where(eq(questions.id, id));
        return { added: added.map((row) => row.expertId), wasNew: before.status === 'new' };
      });
    },

    /** Takes an expert off a question (their draft stays); false when they were not on it. */
    async unassign(id: string, expertId: string): Promise<boolean> {
      const rows = await db
        .delete(questionAssignments)
        .where(
          and(eq(questionAssignments.questionId, id), eq(questionAssignments.expertId, expertId)),
        )
        .returning({ id: questionAssignments.expertId });
      return rows.length > 0;
    },

    /** An expert's questions: open ones first by due day, then those answered. */
    async assignedTo(expertId: string) {
      const result = await db.execute<{
        id: string;
        status: QuestionStatus;
        theme: string;
        question: string;
        due_on: string | null;
        help_wanted: boolean;
      }>(sql`
        SELECT q.id, q.status, q.theme, left(q.question, 300) AS question, q.due_on::text AS due_on,
               q.help_wanted
          FROM question_assignments a JOIN questions q ON q.id = a.question_id
         WHERE a.expert_id = ${expertId} AND q.status IN ('assigned', 'submitted', 'answered')
         ORDER BY q.status = 'answered', q.due_on ASC NULLS LAST, q.confirmed_at
         LIMIT 200`);
      return result.rows.map((row) => ({
        id: row.id,
        status: row.status,
        theme: row.theme,
        question: row.question,
        dueOn: row.due_on,
        helpWanted: row.help_wanted,
      }));
    },

    /** Whether an expert is assigned to a question. */
    async isAssigned(id: string, expertId: string): Promise<boolean> {
      const rows = await db
        .select({ id: questionAssignments.expertId })
        .from(questionAssignments)
        .where(
          and(eq(questionAssignments.questionId, id), eq(questionAssignments.expertId, expertId)),
        );
      return rows.length > 0;
    },

    /**
     * Saves an answer's draft, unless someone saved since the version the writer started from
     * (`basedOn`, the time of the save they saw): then nothing is written and false returned.
     */
    async saveDraft(
      id: string,
      draft: Partial<AnswerDraft> & { answer: string },
      basedOn: Date | null,
      at: Date,
      submit = false,
    ): Promise<boolean> {
      const rows = await db
        .update(questions)
        .set({
          ...draft,
          answerSavedAt: at,
          ...(submit ? { status: 'submitted', submittedAt: at } : {}),
          updatedAt: at,
        })
        .where(
          and(
            eq(questions.id, id),
            // A published answer may still be corrected; it is not submitted again.
            inArray(questions.status, submit ? [...OPEN_STATUSES] : [...OPEN_STATUSES, 'answered']),
            basedOn
              ? sql`date_trunc('milliseconds', ${questions.answerSavedAt}) = ${basedOn.toISOString()}::timestamptz`
              : sql`${questions.answerSavedAt} IS NULL`,
          ),
        )
        .returning({ id: questions.id });
      return rows.length > 0;
    },

    /** Records whether an assigned expert agrees to be named on the published answer. */
    async setCredited(id: string, expertId: string, credited: boolean): Promise<void> {
      await db
        .update(questionAssignments)
        .set({ credited })
        .where(
          and(eq(questionAssignments.questionId, id), eq(questionAssignments.expertId, expertId)),
        );
    },

    /**
     * Assigned experts to remind: their question is due within `daysAhead` days and they were not
     * reminded yet, or it is overdue and they were not reminded since the due day.
     */
    async dueReminders(today: string, daysAhead: number): Promise<DueReminder[]> {
      const result = await db.execute<{
        question_id: string;
        expert_id: string;
        name: string;
        email: string;
        locale: string;
        due_on: string;
      }>(sql`
        SELECT a.question_id, a.expert_id, u.name, u.email, u.locale, q.due_on::text AS due_on
          FROM question_assignments a
          JOIN questions q ON q.id = a.question_id
          JOIN users u ON u.id = a.expert_id
         WHERE q.status = 'assigned' AND q.due_on IS NOT NULL
           AND q.due_on <= ${today}::date + ${daysAhead}::int
           AND (a.reminded_at IS NULL
                OR (q.due_on < ${today}::date AND a.reminded_at < q.due_on::timestamptz + interval '1 day'))`);
      return result.rows.map((row) => ({
        questionId: row.question_id,
        expertId: row.expert_id,
        name: row.name,
        email: row.email,
        locale: row.locale,
        dueOn: row.due_on,
      }));
    },

    async markReminded(questionId: string, expertId: string, at: Date): Promise<void> {
      await db
        .update(questionAssignments)
        .set({ remindedAt: at })
        .where(
          and(
            eq(questionAssignments.questionId, questionId),
            eq(questionAssignments.expertId, expertId),
          ),
        );
    },
  };
}
