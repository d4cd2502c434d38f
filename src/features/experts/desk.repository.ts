/**
 * All SQL of the desk where questions are worked on: the editors' queue and triage, the experts'
 * assignments and drafts, publication, reminders and the service's figures. Nothing here is read
 * by visitors; published answers are read through answers.repository.ts.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../access/access.schema.js';
import { profiles } from '../members/members.schema.js';
import { questionAssignments, questionNotes, questions } from './experts.schema.js';
import type { Publication, QuestionStatus } from './experts.repository.js';

/** Statuses of questions the editors or experts still have to act on. */
export const OPEN_STATUSES = ['new', 'assigned', 'submitted'] as const;
/** Statuses of questions that left the queue without an answer. */
export const CLOSED_STATUSES = ['rejected', 'spam', 'merged'] as const;
/** The queue's views: what is open, answered, or closed otherwise. */
export const QUEUE_VIEWS = ['open', 'answered', 'closed'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** A line of the editors' queue. */
export interface QueueRow {
  id: string;
  status: QuestionStatus;
  theme: string;
  country: string | null;
  locale: string;
  question: string;
  confirmedAt: Date | null;
  dueOn: string | null;
  helpWanted: boolean;
  /** Names of the assigned experts. */
  experts: string[];
}

export interface Assignment {
  expertId: string;
  name: string;
  email: string;
  /** The expert's language, for what they are sent. */
  locale: string;
  credited: boolean;
  assignedAt: Date;
}

export interface Note {
  id: string;
  authorName: string;
  kind: 'note' | 'help';
  body: string;
  createdAt: Date;
}

/** A question as the desk works on it (the asker's address is the editors' to see, not the experts'). */
export interface DeskQuestion {
  id: string;
  status: QuestionStatus;
  askerName: string;
  askerEmail: string;
  locale: string;
  theme: string;
  country: string | null;
  question: string;
  fingerprint: string;
  keepPrivate: boolean;
  confirmedAt: Date | null;
  dueOn: string | null;
  rejectionReason: string;
  mergedInto: string | null;
  helpWanted: boolean;
  publicQuestion: string;
  answer: string;
  answerSavedAt: Date | null;
  submittedAt: Date | null;
  summary: string;
  links: { url: string; title: string }[];
  related: string[];
  publication: Publication | null;
  answeredAt: Date | null;
  assignments: Assignment[];
  notes: Note[];
}

/** What the editors may change in an answer before publishing it. */
export interface AnswerDraft {
  publicQuestion: string;
  summary: string;
  answer: string;
  links: { url: string; title: string }[];
  related: string[];
}

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

/** The service's figures for the editors. */
export interface ServiceFigures {
  open: number;
  waiting: number;
  /** Medians in hours over the questions of the period, null when there were none. */
  medianFirstResponseHours: number | null;
  medianAnswerHours: number | null;
  answered: number;
  load: { expertId: string; name: string; open: number; answered: number }[];
}

const open = sql.raw(`ARRAY[${OPEN_STATUSES.map((status) => `'${status}'`).join(',')}]::text[]`);

/** The desk's reads and writes of questions. */
export function createDeskRepository(db: Db) {
  const assignmentsOf = async (questionId: string): Promise<Assignment[]> =>
    db
      .select({
        expertId: questionAssignments.expertId,
        name: users.name,
        email: users.email,
        locale: users.locale,
        credited: questionAssignments.credited,
        assignedAt: questionAssignments.assignedAt,
      })
      .from(questionAssignments)
      .innerJoin(users, eq(users.id, questionAssignments.expertId))
      .where(eq(questionAssignments.questionId, questionId))
      .orderBy(questionAssignments.assignedAt, users.name);

  return {
    /** One page of the queue: open questions oldest first (help wanted on top), else newest first. */
    async queue(view: QueueView, page: number, pageSize: number) {
      const where =
        view === 'open'
          ? sql`q.status = ANY(${open})`
          : view === 'answered'
            ? sql`q.status = 'answered'`
            : sql`q.status IN ('rejected', 'spam', 'merged')`;
      const order =
        view === 'open'
          ? sql`q.help_wanted DESC, q.due_on ASC NULLS LAST, q.confirmed_at ASC`
          : sql`coalesce(q.answered_at, q.updated_at) DESC`;
      const [rows, counted] = await Promise.all([
        db.execute<{
          id: string;
          status: QuestionStatus;
          theme: string;
          country: string | null;
          locale: string;
          question: string;
          confirmed_at: Date | null;
          due_on: string | null;
          help_wanted: boolean;
          experts: string[];
        }>(sql`
          SELECT q.id, q.status, q.theme, q.country, q.locale, left(q.question, 300) AS question,
                 q.confirmed_at, q.due_on::text AS due_on, q.help_wanted,
                 coalesce((SELECT array_agg(u.name ORDER BY u.name) FROM question_assignments a
                             JOIN users u ON u.id = a.expert_id WHERE a.question_id = q.id), '{}') AS experts
            FROM questions q
           WHERE ${where}
           ORDER BY ${order}
           LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
        db.execute<{ total: number }>(
          sql`SELECT count(*)::int AS total FROM questions q WHERE ${where}`,
        ),
      ]);
      return {
        rows: rows.rows.map((row): QueueRow => ({
          id: row.id,
          status: row.status,
          theme: row.theme,
          country: row.country,
          locale: row.locale,
          question: row.question,
          confirmedAt: row.confirmed_at ? new Date(row.confirmed_at) : null,
          dueOn: row.due_on,
          helpWanted: row.help_wanted,
          experts: row.experts,
        })),
        total: counted.rows[0]?.total ?? 0,
      };
    },

    /** A confirmed question with its assignments and notes, or null. */
    async question(id: string): Promise<DeskQuestion | null> {
      const [row] = await db.select().from(questions).where(eq(questions.id, id));
      if (!row || row.status === 'unconfirmed') return null;
      const [assignments, notes] = await Promise.all([
        assignmentsOf(id),
        db
          .select({
            id: questionNotes.id,
            authorName: sql<string>`coalesce(${users.name}, '')`,
            kind: questionNotes.kind,
            body: questionNotes.body,
            createdAt: questionNotes.createdAt,
          })
          .from(questionNotes)
          .leftJoin(users, eq(users.id, questionNotes.authorId))
          .where(eq(questionNotes.questionId, id))
          .orderBy(questionNotes.createdAt),
      ]);
      return {
        id: row.id,
        status: row.status as QuestionStatus,
        askerName: row.askerName,
        askerEmail: row.askerEmail,
        locale: row.locale,
        theme: row.theme,
        country: row.country,
        question: row.question,
        fingerprint: row.fingerprint,
        keepPrivate: row.keepPrivate,
        confirmedAt: row.confirmedAt,
        dueOn: row.dueOn,
        rejectionReason: row.rejectionReason,
        mergedInto: row.mergedInto,
        helpWanted: row.helpWanted,
        publicQuestion: row.publicQuestion,
        answer: row.answer,
        answerSavedAt: row.answerSavedAt,
        submittedAt: row.submittedAt,
        summary: row.summary,
        links: row.links,
        related: row.related,
        publication: row.publication as Publication | null,
        answeredAt: row.answeredAt,
        assignments,
        notes: notes.map((note) => ({ ...note, kind: note.kind === 'help' ? 'help' : 'note' })),
      };
    },

    /** Other questions this one may duplicate: the same words first, then the same topic. */
    async possibleDuplicates(question: DeskQuestion, limit = 10) {
      const result = await db.execute<{ id: string; status: QuestionStatus; question: string }>(
        sql`
        SELECT id, status, left(question, 200) AS question FROM questions
         WHERE id <> ${question.id} AND (status = ANY(${open}) OR status = 'answered')
           AND (fingerprint = ${question.fingerprint} OR theme = ${question.theme})
         ORDER BY fingerprint = ${question.fingerprint} DESC, confirmed_at DESC
         LIMIT ${limit}`,
      );
      return result.rows;
    },

    /** Whether a question exists that another may be merged into (open or answered). */
    async canTakeMerge(id: string): Promise<boolean> {
      const result = await db.execute<{ id: string }>(
        sql`SELECT id FROM questions WHERE id = ${id} AND (status = ANY(${open}) OR status = 'answered')`,
      );
      return result.rows.length > 0;
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

    /** Closes an open question without an answer; false when it was no longer open. */
    async close(
      id: string,
      status: 'rejected' | 'spam' | 'merged',
      details: { reason?: string; mergedInto?: string },
      at: Date,
    ): Promise<boolean> {
      const rows = await db
        .update(questions)
        .set({
          status,
          rejectionReason: details.reason ?? '',
          mergedInto: details.mergedInto ?? null,
          helpWanted: false,
          firstResponseAt:
            status === 'spam'
              ? undefined
              : sql`coalesce(${questions.firstResponseAt}, ${at.toISOString()}::timestamptz)`,
          updatedAt: at,
        })
        .where(and(eq(questions.id, id), inArray(questions.status, [...OPEN_STATUSES])))
        .returning({ id: questions.id });
      return rows.length > 0;
    },

    /** Adds a note; an expert's call for help raises the question's flag, an editor's note lowers it. */
    async addNote(
      id: string,
      note: { authorId: string; kind: 'note' | 'help'; body: string; fromEditor: boolean },
      at: Date,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.insert(questionNotes).values({
          questionId: id,
          authorId: note.authorId,
          kind: note.kind,
          body: note.body,
          createdAt: at,
        });
        const flag = note.kind === 'help' ? true : note.fromEditor ? false : undefined;
        if (flag !== undefined)
          await tx
            .update(questions)
            .set({ helpWanted: flag, updatedAt: at })
            .where(eq(questions.id, id));
      });
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

    /** Publishes an open question's answer; false when it was no longer open. */
    async publish(id: string, publication: Publication, at: Date): Promise<boolean> {
      const rows = await db
        .update(questions)
        .set({
          status: 'answered',
          publication,
          answeredAt: at,
          helpWanted: false,
          firstResponseAt: sql`coalesce(${questions.firstResponseAt}, ${at.toISOString()}::timestamptz)`,
          updatedAt: at,
        })
        .where(and(eq(questions.id, id), inArray(questions.status, [...OPEN_STATUSES])))
        .returning({ id: questions.id });
      return rows.length > 0;
    },

    /** The askers of questions merged into this one (to tell them it is answered). */
    async mergedAskers(id: string) {
      return db
        .select({ id: questions.id, email: questions.askerEmail, locale: questions.locale })
        .from(questions)
        .where(and(eq(questions.mergedInto, id), eq(questions.status, 'merged')));
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

    /** Addresses of the editors (and administrators), who hear of calls for help and submissions. */
    async editorAddresses(): Promise<{ email: string; locale: string }[]> {
      return db
        .select({ email: users.email, locale: users.locale })
        .from(users)
        .where(
          and(inArray(users.role, ['editor', 'administrator']), eq(users.emailVerified, true)),
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

    /** Deletes questions never confirmed, and those marked as spam, older than the given times. */
    async purge(unconfirmedBefore: Date, spamBefore: Date): Promise<number> {
      const result = await db.execute(sql`
        DELETE FROM questions
         WHERE (status = 'unconfirmed' AND created_at < ${unconfirmedBefore.toISOString()}::timestamptz)
            OR (status = 'spam' AND updated_at < ${spamBefore.toISOString()}::timestamptz)`);
      return result.rowCount ?? 0;
    },

    /** The service's figures; medians over the questions confirmed since `since`. */
    async figures(since: Date): Promise<ServiceFigures> {
      const [counts, load] = await Promise.all([
        db.execute<{
          open: number;
          waiting: number;
          answered: number;
          first: number | null;
          answer: number | null;
        }>(sql`
          SELECT count(*) FILTER (WHERE status = ANY(${open}))::int AS open,
                 count(*) FILTER (WHERE status = 'new')::int AS waiting,
                 count(*) FILTER (WHERE status = 'answered' AND confirmed_at >= ${since.toISOString()}::timestamptz)::int AS answered,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - confirmed_at))
                   FILTER (WHERE first_response_at IS NOT NULL AND confirmed_at >= ${since.toISOString()}::timestamptz) AS first,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - confirmed_at))
                   FILTER (WHERE answered_at IS NOT NULL AND confirmed_at >= ${since.toISOString()}::timestamptz) AS answer
            FROM questions WHERE status <> 'unconfirmed'`),
        db.execute<{ expert_id: string; name: string; open: number; answered: number }>(sql`
          SELECT u.id AS expert_id, u.name,
                 count(q.id) FILTER (WHERE q.status = ANY(${open}))::int AS open,
                 count(q.id) FILTER (WHERE q.status = 'answered')::int AS answered
            FROM users u
            LEFT JOIN question_assignments a ON a.expert_id = u.id
            LEFT JOIN questions q ON q.id = a.question_id
           WHERE u.role = 'expert' OR a.expert_id IS NOT NULL
           GROUP BY u.id, u.name
           ORDER BY open DESC, u.name`),
      ]);
      const row = counts.rows[0];
      const hours = (seconds: number | null | undefined) =>
        seconds === null || seconds === undefined ? null : Number(seconds) / 3600;
      return {
        open: row?.open ?? 0,
        waiting: row?.waiting ?? 0,
        answered: row?.answered ?? 0,
        medianFirstResponseHours: hours(row?.first),
        medianAnswerHours: hours(row?.answer),
        load: load.rows.map((entry) => ({
          expertId: entry.expert_id,
          name: entry.name,
          open: entry.open,
          answered: entry.answered,
        })),
      };
    },
  };
}

export type DeskRepository = ReturnType<typeof createDeskRepository>;
