/** Questions put to the Experts' facility, from the public form to their answer. */
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/columns.js';
import { users } from '../access/access.schema.js';

export const questions = pgTable(
  'questions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
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
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('questions_confirm_token_key').on(table.confirmTokenHash),
    uniqueIndex('questions_follow_token_key').on(table.followTokenHash),
    // Rate limits per address and duplicate detection look at one asker's recent questions.
    index('questions_asker_idx').on(table.askerEmail, table.createdAt),
    index('questions_status_idx').on(table.status, table.createdAt),
  ],
);
