/** Questions put to the Experts' facility, from the public form to their answer. */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/columns.js';
import { personRef, users, uuidKey } from '../access/access.schema.js';

export const questions = pgTable(
  'questions',
  {
    id: uuidKey(),
    /** One of QuestionStatus: "unconfirmed" until the asker follows the e-mailed link. */
    status: text('status').notNull().default('unconfirmed'),
    /** The asker as they gave themselves; never shown on a published page. */
    askerName: text('asker_name').notNull().default(''),
    askerEmail: text('asker_email').notNull(),
    /** Set when a signed-in person asked (no e-mail confirmation then). */
    askerId: uuid('asker_id').references(() => users.id, { onDelete: 'set null' }),
    /** The language the asker wrote in and is written to in. */
    locale: text('locale').notNull(),
    /** A theme key (vocabularies): the topic. */
    theme: text('theme').notNull(),
    country: text('country'),
    question: text('question').notNull(),
    /** SHA-256 of the question lower-cased with spaces folded, to recognise the same question twice. */
    fingerprint: text('fingerprint').notNull(),
    /** The asker wants the answer by e-mail only, never published. */
    keepPrivate: boolean('keep_private').notNull().default(false),
    /** SHA-256 of the confirmation link's token; null once confirmed. */
    confirmTokenHash: text('confirm_token_hash'),
    /** SHA-256 of the token of the link that shows the question's progress without an account. */
    followTokenHash: text('follow_token_hash').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** When an editor first acted on it (assigned, rejected, merged or answered): the first response. */
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    /** The day the assigned experts are asked to submit their answer by. */
    dueOn: date('due_on', { mode: 'string' }),
    /** Why the editors turned it down, as the asker was told. */
    rejectionReason: text('rejection_reason').notNull().default(''),
    /** The question this one was merged into, as a duplicate. */
    mergedInto: uuid('merged_into').references((): AnyPgColumn => questions.id, {
      onDelete: 'set null',
    }),
    /** An expert asked the editors for help and no editor has written since. */
    helpWanted: boolean('help_wanted').notNull().default(false),
    /** The question as published: the editors take out anything that names the asker. */
    publicQuestion: text('public_question').notNull().default(''),
    /** The answer in Markdown, drafted by the experts and edited by the editors. */
    answer: text('answer').notNull().default(''),
    answerSavedAt: timestamp('answer_saved_at', { withTimezone: true }),
    /** When an expert submitted the draft to the editors. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The editors' summary, shown above the answer. */
    summary: text('summary').notNull().default(''),
    /** Relevant links: { url, title }. */
    links: jsonb('links').$type<{ url: string; title: string }[]>().notNull().default([]),
    /** Slugs of related Knowledge Centre items. */
    related: text('related')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** One of Publication, set when answered: public, members only, or private by e-mail. */
    publication: text('publication'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('questions_confirm_token_key').on(table.confirmTokenHash),
    uniqueIndex('questions_follow_token_key').on(table.followTokenHash),
    // Rate limits per address and duplicate detection look at one asker's recent questions.
    index('questions_asker_idx').on(table.askerEmail, table.createdAt),
    index('questions_status_idx').on(table.status, table.createdAt),
    // The archive: answered questions by publication, newest first.
    index('questions_answered_idx').on(table.publication, table.answeredAt),
  ],
);

/** Experts a question is assigned to. */
export const questionAssignments = pgTable(
  'question_assignments',
  {
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    expertId: personRef('expert_id'),
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    /** The expert agrees to be named on the published answer. */
    credited: boolean('credited').notNull().default(false),
    /** When the expert was last reminded of the due date. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.questionId, table.expertId] }),
    index('question_assignments_expert_idx').on(table.expertId),
  ],
);

/** The editors' and experts' internal notes on a question; the asker never sees them. */
export const questionNotes = pgTable(
  'question_notes',
  {
    id: uuidKey(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** "note", or "help" when an expert asks the editors for help. */
    kind: text('kind').notNull().default('note'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('question_notes_question_idx').on(table.questionId, table.createdAt)],
);
