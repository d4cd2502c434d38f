/**
 * Replies by e-mail: the mailbox of reply addresses (reply+<watch>.<thread>.<signature>@domain).
 * A reply is posted as the person who watches — only when it comes from that person's own
 * address, and only where they may still read and write. Anything else (a forwarded message
 * answered by someone else, a person who left the working group, an auto-reply) posts nothing.
 */
import type { Logger } from '../../platform/logging/logger.js';
import type { InboundMail, Mailbox } from '../../platform/mail/inbound.js';
import type { DialogueService } from './dialogue.service.js';
import type { NotificationsService } from './notifications.service.js';
import type { ThreadsRepository } from './threads.repository.js';
import type { WatchesRepository } from './watches.repository.js';

/** Lines where the quoted message begins, in the languages of the platform and beyond. */
const QUOTE_START = [
  /^>/,
  /^-{2,}\s*(original message|message d’origine|message d'origine|ursprüngliche nachricht|mensaje original|messaggio originale)/i,
  /^(on|le|am|el|il)\s.+(wrote|a écrit|schrieb|escribió|ha scritto)\s*:?\s*$/i,
  /^from:\s/i,
  /^-- $/,
  /^_{5,}/,
];

/** The words a person wrote above the message they answer, without the quote or signature. */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const end = lines.findIndex((line) => QUOTE_START.some((pattern) => pattern.test(line)));
  return (end === -1 ? lines : lines.slice(0, end)).join('\n').trim();
}

export function createRepliesMailbox(deps: {
  notifications: NotificationsService;
  watches: WatchesRepository;
  threads: ThreadsRepository;
  dialogue: DialogueService;
  log: Logger;
}): Mailbox {
  const { notifications, log } = deps;

  async function receiveOne(address: string, mail: InboundMail): Promise<void> {
    const target = await notifications.replyTarget(address);
    if (!target) return log.info('reply to an unknown or forged address ignored');
    const reader = await deps.watches.reader(target.watch.userId);
    if (!reader || reader.email.toLowerCase() !== mail.from)
      return log.info({ watch: target.watch.id }, 'reply from another sender ignored');
    const thread = await deps.threads.findByNumber(reader, target.number);
    const space = thread ? await deps.dialogue.space(reader, thread.spaceSlug) : null;
    if (!thread || !space || space === 'hidden')
      return log.info({ watch: target.watch.id }, 'reply to a thread out of reach ignored');
    const posted = await deps.dialogue.reply(reader, space, thread, { body: replyText(mail.text) });
    if (!posted.ok) log.info({ errors: posted.errors }, 'reply by e-mail refused');
  }

  return {
    accepts: (address) => notifications.isReplyAddress(address),
    async receive(mail) {
      if (mail.automatic) return log.info('automatic reply ignored');
      for (const address of mail.to) await receiveOne(address, mail);
    },
  };
}
