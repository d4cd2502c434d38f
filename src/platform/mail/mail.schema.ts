/** The outbox: where e-mail goes when no SMTP server is configured, for administrators to read. */
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('mail_outbox_created_idx').on(table.createdAt)],
);

/**
 * Addresses that no bulk message (digest, newsletter) goes to any more: the receiving server
 * refused them for good (a hard bounce, SMTP 5xx on the recipient) or their owner complained.
 * Messages a person asked for (a password reset, a confirmation) are still tried.
 */
export const mailSuppressions = pgTable('mail_suppressions', {
  /** Lower-cased address. */
  address: text('address').primaryKey(),
  /** 'hard-bounce' | 'complaint'. */
  reason: text('reason').notNull(),
  /** The server's words, for the administrators. */
  detail: text('detail').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
