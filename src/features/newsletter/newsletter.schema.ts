/**
 * The newsletter: its subscribers (visitors by a confirmed address, or signed-in people by their
 * account), the issues editors compose (texts per language, picked entries named by kind and key,
 * a segment), and the recipients of an issue, frozen when it starts so that a send resumes where
 * it stopped and never mails anyone twice.
 */
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { textArray, timestamps } from '../../platform/db/columns.js';
import { users, uuidKey } from '../access/access.schema.js';

/** One address that asked for the newsletter, and the consent it gave. */
export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    id: uuidKey(),
    /** Lower-cased. */
    email: text('email').notNull(),
    /** The account that opted in, whose deletion removes the subscription. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The language the newsletter is sent in (BCP 47, one of the site's). */
    locale: text('locale').notNull(),
    /** Themes chosen; none: every issue. */
    themes: textArray('themes'),
    /** One of SubscriberStatus: "pending" until the e-mailed link is followed. */
    status: text('status').notNull().default('pending'),
    /** SHA-256 of the confirmation link's token; null once confirmed. */
    confirmTokenHash: text('confirm_token_hash'),
    /** When the confirmation link was sent, and how many were sent in the hour since `mailWindowAt`. */
    confirmSentAt: timestamp('confirm_sent_at', { withTimezone: true }),
    mailWindowAt: timestamp('mail_window_at', { withTimezone: true }),
    mailsInWindow: integer('mails_in_window').notNull().default(0),
    /** The privacy notice version agreed to, when, and in which language. */
    consentVersion: text('consent_version').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    consentLocale: text('consent_locale').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('newsletter_subscribers_email_key').on(table.email),
    uniqueIndex('newsletter_subscribers_user_key').on(table.userId),
    uniqueIndex('newsletter_subscribers_token_key').on(table.confirmTokenHash),
  ],
);

/** An issue of the newsletter, from draft to sent. */
export const newsletters = pgTable(
  'newsletters',
  {
    id: uuidKey(),
    /** One of NewsletterStatus: draft, scheduled, sending, sent. */
    status: text('status').notNull().default('draft'),
    /** The language every other falls back to (the editor's when they began it). */
    defaultLocale: text('default_locale').notNull(),
    /** Per language: { subject, introduction (Markdown) }. */
    texts: jsonb('texts')
      .$type<Record<string, { subject: string; introduction: string }>>()
      .notNull()
      .default({}),
    /** The entries picked, named as the content contract names them. */
    picks: jsonb('picks').$type<{ kind: string; key: string }[]>().notNull().default([]),
    /** Who receives it: languages and themes (none: all), and members, non-members or everyone. */
    segmentLocales: textArray('segment_locales'),
    segmentThemes: textArray('segment_themes'),
    audience: text('audience').notNull().default('everyone'),
    /** In the public archive (public), for members only (members), or not at all (hidden). */
    archive: text('archive').notNull().default('public'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (table) => [
    index('newsletters_due_idx')
      .on(table.scheduledAt)
      .where(sql`${table.status} IN ('scheduled', 'sending')`),
    index('newsletters_sent_idx').on(table.sentAt),
  ],
);

/** One recipient of an issue, frozen when it started: each is mailed at most once. */
export const newsletterRecipients = pgTable(
  'newsletter_recipients',
  {
    id: uuidKey(),
    newsletterId: uuid('newsletter_id')
      .notNull()
      .references(() => newsletters.id, { onDelete: 'cascade' }),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => newsletterSubscribers.id, { onDelete: 'cascade' }),
    /** One of RecipientStatus: pending, sent, bounced, suppressed, failed. */
    status: text('status').notNull().default('pending'),
    /** While a sender holds the row (the lease): no other sender takes it before then. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('newsletter_recipients_key').on(table.newsletterId, table.subscriberId),
    index('newsletter_recipients_pending_idx')
      .on(table.newsletterId)
      .where(sql`${table.status} = 'pending'`),
  ],
);
