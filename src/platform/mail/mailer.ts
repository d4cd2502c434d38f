/**
 * Sending e-mail: through SMTP (nodemailer) when SMTP_URL is set, otherwise into the outbox table
 * that administrators read in the browser, so that a new installation loses no message.
 */
import { desc, inArray } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import { mailOutbox, mailSuppressions } from './mail.schema.js';

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
  /**
   * A message sent to many (a digest, a newsletter): never sent to an address on the suppression
   * list, and a hard bounce of it is an answer ('bounced'), not an error.
   */
  bulk?: boolean;
}

/** What became of a message: sent (or kept in the outbox), not sent to a suppressed address, or refused for good. */
export type Sent = 'sent' | 'suppressed' | 'bounced';

export interface Mailer {
  /** 'smtp' or 'outbox': where messages go. */
  kind: 'smtp' | 'outbox';
  /** Sends; a hard bounce puts the address on the suppression list (and throws unless bulk). */
  send(mail: OutgoingMail): Promise<Sent>;
  /** The addresses among these on the suppression list (lower-cased). */
  suppressed(addresses: readonly string[]): Promise<Set<string>>;
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

/**
 * The server's words when it refused the recipient for good (5xx to RCPT TO), as nodemailer
 * reports it; null for anything else. A refused sender (MAIL FROM), a refused DATA or a failed
 * sign-in is the sending side's fault: the address is not to blame, and nothing is suppressed.
 */
function hardBounce(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { responseCode, response, code, command } = error as {
    responseCode?: number;
    response?: string;
    code?: string;
    command?: string;
  };
  if (code !== 'EENVELOPE' || command !== 'RCPT TO') return null;
  if (!responseCode || responseCode < 500 || responseCode > 599) return null;
  return response ?? String(responseCode);
}

/**
 * True when a sending error is the mail server's or the connection's (it would fail for anyone:
 * a run should stop and try later), false when it is this one message's (a mailbox busy now).
 */
export function transportFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return true;
  const { code, command } = error as { code?: string; command?: string };
  return !(code === 'EENVELOPE' && command === 'RCPT TO');
}

export function createMailer(options: MailerOptions): Mailer {
  const { db } = options;
  async function suppressed(addresses: readonly string[]): Promise<Set<string>> {
    if (addresses.length === 0) return new Set();
    const rows = await db
      .select({ address: mailSuppressions.address })
      .from(mailSuppressions)
      .where(
        inArray(
          mailSuppressions.address,
          addresses.map((address) => address.toLowerCase()),
        ),
      );
    return new Set(rows.map((row) => row.address));
  }
  /** Whether a bulk message may go: not to a suppressed address. */
  const blocked = async (mail: OutgoingMail): Promise<boolean> =>
    Boolean(mail.bulk) && (await suppressed([mail.to])).size > 0;

  if (!options.smtpUrl) {
    return {
      kind: 'outbox',
      suppressed,
      async send(mail) {
        if (await blocked(mail)) return 'suppressed';
        await options.db.insert(mailOutbox).values({
          recipient: mail.to,
          subject: mail.subject,
          textBody: mail.text,
          htmlBody: mail.html ?? null,
        });
        options.log.info({ subject: mail.subject }, 'mail kept in the outbox (no SMTP_URL)');
        return 'sent';
      },
      close() {},
    };
  }
  // A pool of connections kept open: a digest run sends thousands of messages, each would
  // otherwise open its own connection (and TLS session) to the server.
  const transport = nodemailer.createTransport(
    `${options.smtpUrl}${options.smtpUrl.includes('?') ? '&' : '?'}pool=true&maxConnections=4`,
  );
  return {
    kind: 'smtp',
    suppressed,
    async send(mail) {
      if (await blocked(mail)) return 'suppressed';
      const { calendar, bulk, ...message } = mail;
      const info = await transport
        .sendMail({
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
        })
        .catch(async (error: unknown) => {
          const refusal = hardBounce(error);
          if (refusal === null) throw error;
          await db
            .insert(mailSuppressions)
            .values({ address: mail.to.toLowerCase(), reason: 'hard-bounce', detail: refusal })
            .onConflictDoNothing();
          options.log.warn({ subject: mail.subject }, 'address refused for good: suppressed');
          if (!bulk) throw error;
          return null;
        });
      if (!info) return 'bounced';
      options.log.info({ messageId: info.messageId, subject: mail.subject }, 'mail sent');
      return 'sent';
    },
    close: () => transport.close(),
  };
}

/** The most recent messages of the outbox, newest first. */
export async function readOutbox(db: Db, limit = 50) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}
