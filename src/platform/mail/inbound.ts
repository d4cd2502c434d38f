/**
 * The app's own SMTP server for mail addressed to it (replies to its messages), behind the
 * domain's mail server that relays them. It takes a message only for an address a mailbox
 * accepts (550 for any other, so it can never be used as a relay), parses it with mailparser
 * and hands it over. A message a mailbox then refuses is dropped quietly: bouncing it would
 * answer forged senders.
 */
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Logger } from '../logging/logger.js';

/** A message received, reduced to what a mailbox reads. */
export interface InboundMail {
  /** The sender's address (From), lower-cased. */
  from: string;
  /** The envelope's recipients that a mailbox accepted. */
  to: readonly string[];
  subject: string;
  /** The plain-text body (the HTML one turned to text when there is no plain one). */
  text: string;
  /** Set by auto-replies and mailing software (RFC 3834): never posted. */
  automatic: boolean;
}

/** Where received mail goes: a feature's addresses. */
export interface Mailbox {
  accepts(address: string): boolean;
  receive(mail: InboundMail): Promise<void>;
}

export interface InboundServer {
  port: number;
  close(): Promise<void>;
}

/** Largest message taken, in bytes: a reply, not an archive. */
const MAX_BYTES = 1_000_000;

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  [field ?? []]
    .flat()
    .flatMap((group) => group.value.map((entry) => entry.address?.toLowerCase() ?? ''))
    .filter(Boolean);

export async function startInboundSmtp(options: {
  host: string;
  port: number;
  mailbox: Mailbox;
  log: Logger;
}): Promise<InboundServer> {
  const { mailbox, log } = options;
  const server = new SMTPServer({
    // Plain SMTP from the relay in front; no accounts, no relaying.
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_BYTES,
    banner: 'replies',
    logger: false,
    onRcptTo(address, _session, callback) {
      if (mailbox.accepts(address.address.toLowerCase())) return callback();
      const refused = Object.assign(new Error('No such recipient here'), { responseCode: 550 });
      callback(refused);
    },
    onData(stream, session, callback) {
      simpleParser(stream, { skipImageLinks: true })
        .then(async (parsed) => {
          if (stream.sizeExceeded) {
            callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
            return;
          }
          const autoSubmitted = parsed.headers.get('auto-submitted');
          const mail: InboundMail = {
            from: addresses(parsed.from)[0] ?? '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            automatic:
              (typeof autoSubmitted === 'string' && autoSubmitted.toLowerCase() !== 'no') ||
              parsed.headers.has('list-id'),
          };
          await mailbox.receive(mail);
          callback();
        })
        .catch((error: unknown) => {
          log.error({ err: error }, 'inbound mail not handled');
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  server.on('error', (error) => log.error({ err: error }, 'inbound SMTP server'));
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
