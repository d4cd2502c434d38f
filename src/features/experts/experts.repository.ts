/** All SQL of the Experts' facility. */
import { and, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { questions } from './experts.schema.js';

/** Where a question is in its life, from the form to its answer (or another end). */
export type QuestionStatus =
  'unconfirmed' | 'new' | 'assigned' | 'submitted' | 'answered' | 'rejected' | 'spam' | 'merged';

/** How an answer reaches people: on the site for all, for members only, or by e-mail alone. */
export const PUBLICATIONS = ['public', 'members', 'private'] as const;
export type Publication = (typeof PUBLICATIONS)[number];

export interface NewQuestion {
  /** Chosen by the service: the follow link is derived from it. */
  id: string;
  status: QuestionStatus;
  askerName: string;
  askerEmail: string;
  askerId: string | null;
  locale: string;
  theme: string;
  country: string | null;
  question: string;
  fingerprint: string;
  keepPrivate: boolean;
  confirmTokenHash: string | null;
  followTokenHash: string;
  confirmedAt: Date | null;
  /** When it was asked, by the app's clock (limits and duplicates are counted by it). */
  createdAt: Date;
}

/** What the asker sees of their question through its follow link. */
export interface FollowedQuestion {
  id: string;
  status: QuestionStatus;
  locale: string;
  theme: string;
  country: string | null;
  question: string;
  keepPrivate: boolean;
  createdAt: Date;
  rejectionReason: string;
  /** Set once answered: where the answer was published (or that it was sent privately). */
  publication: Publication | null;
  /** The published answer to read: this question's, or that of the one it was merged into. */
  publishedAnswer: string | null;
  /** The answer, for the asker (published or private). */
  answer: string;
  summary: string;
  answeredAt: Date | null;
}

/** The Experts' facility's reads and writes of questions. */
export function createExpertsRepository(db: Db) {
  return {
    /** Stores a new question; its id. */
    async createQuestion(question: NewQuestion): Promise<string> {
      const [row] = await db.insert(questions).values(question).returning({ id: questions.id });
      if (!row) throw new Error('question not stored');
      return row.id;
    },

    /** Questions sent from an address since a moment, confirmed or waiting for confirmation. */
    async countAskedSince(
      email: string,
      since: Date,
      which: 'confirmed' | 'unconfirmed',
    ): Promise<number> {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(questions)
        .where(
          and(
            eq(questions.askerEmail, email),
            gte(questions.createdAt, since),
            which === 'confirmed'
              ? ne(questions.status, 'unconfirmed')
              : eq(questions.status, 'unconfirmed'),
          ),
        );
      return row?.count ?? 0;
    },

    /** Whether the address already sent (and confirmed) the same question since a moment. */
    async hasAsked(email: string, fingerprint: string, since: Date): Promise<boolean> {
      const rows = await db
        .select({ id: questions.id })
        .from(questions)
        .where(
          and(
            eq(questions.askerEmail, email),
            eq(questions.fingerprint, fingerprint),
            ne(questions.status, 'unconfirmed'),
            gte(questions.createdAt, since),
          ),
        )
        .limit(1);
      return rows.length > 0;
    },

    /** An unconfirmed question by its confirmation token's hash, if asked since `since`. */
    async findUnconfirmed(
      tokenHash: string,
      since: Date,
    ): Promise<{
      id: string;
      askerName: string;
      askerEmail: string;
      locale: string;
      fingerprint: string;
    } | null> {
      const [row] = await db
        .select({
          id: questions.id,
          askerName: questions.askerName,
          askerEmail: questions.askerEmail,
          locale: questions.locale,
          fingerprint: questions.fingerprint,
        })
        .from(questions)
        .where(
          and(
            eq(questions.confirmTokenHash, tokenHash),
            eq(questions.status, 'unconfirmed'),
            gte(questions.createdAt, since),
          ),
        );
      return row ?? null;
    },

    /** Confirms a question and gives it a new follow link (its hash); false when already done. */
    async confirm(id: string, followTokenHash: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(questions)
        .set({
          status: 'new',
          confirmTokenHash: null,
          followTokenHash,
          confirmedAt: at,
          updatedAt: at,
        })
        .where(and(eq(questions.id, id), eq(questions.status, 'unconfirmed')))
        .returning({ id: questions.id });
      return rows.length > 0;
    },

    /** The question behind a follow link's token hash, or null. */
    async findByFollowToken(tokenHash: string): Promise<FollowedQuestion | null> {
      const [row] = await db
        .select({
          id: questions.id,
          status: questions.status,
          locale: questions.locale,
          theme: questions.theme,
          country: questions.country,
          question: questions.question,
          keepPrivate: questions.keepPrivate,
          createdAt: questions.createdAt,
          rejectionReason: questions.rejectionReason,
          publication: questions.publication,
          answer: questions.answer,
          summary: questions.summary,
          answeredAt: questions.answeredAt,
          mergedInto: questions.mergedInto,
        })
        .from(questions)
        .where(eq(questions.followTokenHash, tokenHash));
      if (!row) return null;
      const answered = row.status === 'answered';
      // A question merged into another is answered by that one's published answer.
      const [merged] =
        row.status === 'merged' && row.mergedInto
          ? await db
              .select({ id: questions.id })
              .from(questions)
              .where(
                and(
                  eq(questions.id, row.mergedInto),
                  eq(questions.status, 'answered'),
                  inArray(questions.publication, ['public', 'members']),
                ),
              )
          : [];
      return {
        id: row.id,
        locale: row.locale,
        theme: row.theme,
        country: row.country,
        question: row.question,
        keepPrivate: row.keepPrivate,
        createdAt: row.createdAt,
        rejectionReason: row.rejectionReason,
        answeredAt: row.answeredAt,
        status: row.status as QuestionStatus,
        publishedAnswer: answered && row.publication !== 'private' ? row.id : (merged?.id ?? null),
        publication: answered ? (row.publication as Publication) : null,
        // Drafts are the desk's until published.
        answer: answered ? row.answer : '',
        summary: answered ? row.summary : '',
      };
    },
  };
}

export type ExpertsRepository = ReturnType<typeof createExpertsRepository>;
