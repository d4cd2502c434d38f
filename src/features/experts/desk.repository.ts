/**
 * The SQL of the editors' desk: the queue, a question with its assignments and notes, and how it
 * leaves the queue (closed, merged or published). The experts' assignments and the service's
 * figures have their own files and are composed in. Nothing here is read by visitors; published
 * answers are read through answers.repository.ts.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../access/access.schema.js';
import { questionAssignments, questionNotes, questions } from './experts.schema.js';
import type { NewQuestion, Publication, QuestionStatus } from './experts.repository.js';
import { createAssignmentsRepository } from './assignments.repository.js';
import { createFiguresRepository } from './figures.repository.js';
import { OPEN_STATUSES, openStatuses as open } from './question.statuses.js';

export { CLOSED_STATUSES, OPEN_STATUSES } from './question.statuses.js';
export type { DueReminder, ExpertCandidate } from './assignments.repository.js';
export type { ServiceFigures } from './figures.repository.js';

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
export interface DeskQuestion extends Pick<
  NewQuestion,
  | 'id'
  | 'status'
  | 'askerName'
  | 'askerEmail'
  | 'askerId'
  | 'locale'
  | 'theme'
  | 'country'
  | 'question'
  | 'fingerprint'
  | 'keepPrivate'
  | 'confirmedAt'
> {
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
        db.execute<
          Pick<QueueRow, 'id' | 'status' | 'theme' | 'country' | 'locale' | 'question'> & {
            confirmed_at: Date | null;
            due_on: string | null;
            help_wanted: boolean;
            experts: string[];
          }
        >(sql`
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
        askerId: row.askerId,
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

    /** Addresses of the editors (and administrators), who hear of calls for help and submissions. */
    async editorAddresses(): Promise<{ email: string; locale: string }[]> {
      return db
        .select({ email: users.email, locale: users.locale })
        .from(users)
        .where(
          and(inArray(users.role, ['editor', 'administrator']), eq(users.emailVerified, true)),
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
    ...createAssignmentsRepository(db),
    ...createFiguresRepository(db),
  };
}

export type DeskRepository = ReturnType<typeof createDeskRepository>;
