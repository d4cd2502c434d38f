/** A real SMTP server (smtp-server) on 127.0.0.1 that keeps what it receives, parsed. */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtpServer {
  url: string;
  received: ParsedMail[];
  /** Envelope recipients of each message, in order. */
  recipients: string[][];
  /** Addresses the server refuses (550) while they are in the set, like a full or gone mailbox. */
  refuse: Set<string>;
  /** Addresses the server asks to try later (450), like a busy mailbox. */
  defer: Set<string>;
  /** While true, the server refuses the sender (530), as one whose sign-in is misconfigured. */
  refuseSender: boolean;
  /**
   * When a number: how many more messages are taken before every next one fails for now (451),
   * as a server that goes away part-way through a run; null: all are taken.
   */
  failAfter: number | null;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  const recipients: string[][] = [];
  const refuse = new Set<string>();
  const defer = new Set<string>();
  const state: { failAfter: number | null; refuseSender: boolean } = {
    failAfter: null,
    refuseSender: false,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!state.refuseSender) return callback();
      callback(Object.assign(new Error('Authentication required'), { responseCode: 530 }));
    },
    onRcptTo(address, _session, callback) {
      if (defer.has(address.address))
        return callback(Object.assign(new Error('Mailbox busy'), { responseCode: 450 }));
      if (!refuse.has(address.address)) return callback();
      const refusal = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
      callback(refusal);
    },
    onData(stream, session, callback) {
      if (state.failAfter !== null && state.failAfter <= 0) {
        stream.resume();
        stream.on('end', () =>
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 })),
        );
        return;
      }
      if (state.failAfter !== null) state.failAfter -= 1;
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          recipients.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    recipients,
    refuse,
    defer,
    get refuseSender() {
      return state.refuseSender;
    },
    set refuseSender(value: boolean) {
      state.refuseSender = value;
    },
    get failAfter() {
      return state.failAfter;
    },
    set failAfter(value: number | null) {
      state.failAfter = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
