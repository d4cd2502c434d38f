/**
 * Sending e-mail: through SMTP (nodemailer) when SMTP_URL is set, otherwise into the outbox table
 * that administrators read in the browser, so that a new installation loses no message.
 */
import { desc } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import { mailOutbox } from './mail.schema.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  /** The plain-text part: every message has one. */
  text: string;
  /** The HTML part, when the message has one. */
  html?: string;
  /** Where answers go, when not to the platform (e.g. the person asking for an introduction). */
  replyTo?: string;
  /**
   * A calendar invitation (iCalendar, RFC 5546): REQUEST adds or updates the entry in the
   * recipient's calendar, CANCEL removes it. Sent as a text/calendar part calendars act on; the
   * outbox keeps the text only.
   */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
  /** More header fields, e.g. List-Unsubscribe (RFC 2369) with its one-click POST (RFC 8058). */
  headers?: Readonly<Record<string, string>>;
}

export interface Mailer {
  /** 'smtp' or 'outbox': where messages go. */
  kind: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  /** smtp://user:pass@host:587 or smtps://…:465; null for the outbox. */
  smtpUrl: string | null;
  /** The From header, e.g. "Human Rights Cities Network <no-reply@example.org>". */
  from: string;
  db: Db;
  log: Logger;
}

export function createMailer(options: MailerOptions): Mailer {
  if (!options.smtpUrl) {
    return {
      kind: 'outbox',
      async send(mail) {
        await options.db.insert(mailOutbox).values({
          recipient: mail.to,
          subject: mail.subject,
          textBody: mail.text,
          htmlBody: mail.html ?? null,
        });
        options.log.info({ subject: mail.subject }, 'mail kept in the outbox (no SMTP_URL)');
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    kind: 'smtp',
    async send(mail) {
      const { calendar, ...message } = mail;
      const info = await transport.sendMail({
        from: options.from,
        ...message,
        ...(calendar
          ? {
              icalEvent: {
                method: calendar.method,
                filename: 'invitation.ics',
                content: calendar.content,
              },
            }
          : {}),
      });
      options.log.info({ messageId: info.messageId, subject: mail.subject }, 'mail sent');
    },
    close: () => transport.close(),
  };
}

/** The most recent messages of the outbox, newest first. */
export async function readOutbox(db: Db, limit = 50) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}
