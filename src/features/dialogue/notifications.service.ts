/**
 * Watching and its e-mails: a person watches a thread (those they start or reply to, by
 * themselves) or a space; new replies reach them in at most one message an hour per thread,
 * each read as they may read it now (a person who left a working group is told nothing more).
 * Every message carries a one-click way to stop (List-Unsubscribe with List-Unsubscribe-Post,
 * RFC 8058) and, when inbound mail is set up, an address to reply to. The links carry a signature
 * of the watch's id made with the platform's secret: nothing secret is stored.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import type { Logger } from '../../platform/logging/logger.js';
import { composeMail } from '../../platform/mail/compose.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { oneClickUnsubscribe, signValue, verifyValue } from '../../platform/mail/signed-links.js';
import type { Notify } from '../feature.js';
import type { ThreadsRepository } from './threads.repository.js';
import { dateTimeFormat } from '../../platform/i18n/dates.js';
import type { ModerationMessage } from './dialogue.types.js';
import type { WatchTarget, WatchesRepository } from './watches.repository.js';

export interface NotificationsDeps {
  watches: WatchesRepository;
  threads: ThreadsRepository;
  mailer: Mailer;
  catalogue: Catalogue;
  log: Logger;
  publicUrl: string;
  secret: string;
  clock: () => Date;
  /** The domain of reply addresses (reply+<watch>.<signature>@domain), or null: no replies. */
  replyDomain: string | null;
  /** Tells a person on their notification page (following). */
  notify: Notify;
}

/** How many people and threads one run of the job serves at most. */
const RUN_LIMIT = 500;

const plain = (markdown: string): string => markdown.replace(/\r\n/g, '\n').trim();

/** A mention in a post: @ and a person's handle, not inside a word or an address. */
export const MENTION = /(?<![\w@./])@([a-z0-9]+(?:-[a-z0-9]+)*)/g;

export function createNotificationsService(deps: NotificationsDeps) {
  const { watches, threads } = deps;

  /** The signature of a watch's id: proof that a link or reply address was made here. */
  const sign = (watchId: string): string => signValue(deps.secret, 'dialogue-watch', watchId);

  const verified = (watchId: string, signature: string): boolean =>
    verifyValue(deps.secret, 'dialogue-watch', watchId, signature);

  /** The signature of a reply address: the watch and the thread it answers. */
  const signReply = (watchId: string, number: number): string =>
    createHmac('sha256', deps.secret)
      .update(`dialogue-reply:${watchId}:${number}`)
      .digest('base64url')
      .slice(0, 24)
      .toLowerCase();

  /** The watch and thread of a reply address, when it is one of ours with a true signature. */
  function parseReplyAddress(address: string): { watchId: string; number: number } | null {
    const match = /^reply\+([0-9a-f-]{36})\.(\d{1,9})\.([a-z0-9_-]{24})@(.+)$/.exec(address);
    if (!match || !deps.replyDomain || match[4] !== deps.replyDomain.toLowerCase()) return null;
    const [, watchId = '', number = '', signature = ''] = match;
    const expected = Buffer.from(signReply(watchId, Number(number)));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    return { watchId, number: Number(number) };
  }

  const unsubscribeUrl = (watchId: string, locale: string) =>
    `${deps.publicUrl}/${locale}/dialogue/unsubscribe/${watchId}/${sign(watchId)}`;

  /** Tells one person of a thread's new posts; the last post they were told of. */
  async function tell(owed: Awaited<ReturnType<WatchesRepository['owed']>>[number]) {
    const now = deps.clock();
    const reader = await watches.reader(owed.userId);
    const thread = reader ? await threads.findById(reader, owed.threadId) : null;
    if (!reader || !thread) {
      // Out of their reach now: nothing is sent; asked again in an hour.
      await watches.delivered(owed.userId, owed.threadId, owed.after, now);
      return;
    }
    const posts = (
      await threads.posts(reader, thread.id, owed.after + 1, thread.lastPosition)
    ).filter(
      (post) =>
        post.state === 'shown' &&
        post.body !== null &&
        post.authorId !== reader.id &&
        post.createdAt > owed.since,
    );
    const last = posts.at(-1)?.position ?? thread.lastPosition;
    if (posts.length > 0) {
      const t = deps.catalogue.translator(reader.locale);
      const first = posts[0]?.position ?? 1;
      const page = `${deps.publicUrl}/${reader.locale}/dialogue/${thread.spaceSlug}/${thread.number}?post=${first}#p${first}`;
      const unsubscribe = unsubscribeUrl(owed.watchId, reader.locale);
      const replyTo = deps.replyDomain
        ? `reply+${owed.watchId}.${thread.number}.${signReply(owed.watchId, thread.number)}@${deps.replyDomain}`
        : undefined;
      await deps.mailer.send(
        composeMail({
          to: reader.email,
          locale: reader.locale,
          subject: t.t('dialogue.mail.subject', { title: thread.title, count: posts.length }),
          greeting: t.t('mail.greeting', { name: reader.name }),
          paragraphs: [
            t.t('dialogue.mail.body', { title: thread.title, count: posts.length }),
            ...posts.map(
              (post) =>
                `${t.t('dialogue.mail.wrote', {
                  name: post.authorName ?? t.t('dialogue.formerMember'),
                  number: post.position,
                })}\n${plain(post.body ?? '')}`,
            ),
            ...(replyTo ? [t.t('dialogue.mail.reply')] : []),
          ],
          action: { label: t.t('dialogue.mail.action'), url: page },
          footer: t.t('dialogue.mail.footer', { url: unsubscribe }),
          ...(replyTo ? { replyTo } : {}),
          headers: oneClickUnsubscribe(unsubscribe),
        }),
      );
    }
    await watches.delivered(owed.userId, owed.threadId, last, now);
  }

  return {
    sign,
    verified,

    /**
     * The watch and thread a reply address names (reply+<watch>.<number>.<signature>@domain),
     * when its signature holds; else null.
     */
    async replyTarget(address: string) {
      const parsed = parseReplyAddress(address);
      const watch = parsed ? await watches.byId(parsed.watchId) : null;
      return parsed && watch ? { watch, number: parsed.number } : null;
    },

    /** True when an address is a reply address made here (its signature holds). */
    isReplyAddress: (address: string): boolean => parseReplyAddress(address) !== null,
    watch: (userId: string, target: WatchTarget) => watches.watch(userId, target),
    unwatch: (userId: string, target: WatchTarget) => watches.unwatch(userId, target),
    isWatching: (userId: string, target: WatchTarget) => watches.isWatching(userId, target),

    /** The watch a signed link or reply address names, when its signature holds. */
    async watchOf(watchId: string, signature: string) {
      if (!/^[0-9a-f-]{36}$/.test(watchId) || !verified(watchId, signature)) return null;
      return watches.byId(watchId);
    },

    /** Stops a watch from a signed link (the e-mail's one-click unsubscribe); false if unknown. */
    async unsubscribe(watchId: string, signature: string): Promise<boolean> {
      const watch = await this.watchOf(watchId, signature);
      if (!watch) return false;
      await watches.remove(watch.id);
      return true;
    },

    /**
     * Tells the people a shown post mentions (`@ana-lopez`) who may read it, at once, in their
     * language; never its author.
     */
    async mentions(
      threadId: string,
      post: { authorId: string; authorName: string; body: string; position: number },
    ): Promise<void> {
      const handles = [...post.body.matchAll(MENTION)].map((match) => match[1] ?? '');
      const people = await watches.mentioned([...new Set(handles)].slice(0, 20));
      for (const userId of people.filter((id) => id !== post.authorId)) {
        const reader = await watches.reader(userId);
        const thread = reader ? await threads.findById(reader, threadId) : null;
        if (!reader || !thread) continue;
        const t = deps.catalogue.translator(reader.locale);
        const url = `${deps.publicUrl}/${reader.locale}/dialogue/${thread.spaceSlug}/${thread.number}?post=${post.position}#p${post.position}`;
        await deps.mailer.send(
          composeMail({
            to: reader.email,
            locale: reader.locale,
            subject: t.t('dialogue.mail.mention.subject', {
              name: post.authorName,
              title: thread.title,
            }),
            greeting: t.t('mail.greeting', { name: reader.name }),
            paragraphs: [
              t.t('dialogue.mail.mention.body', { name: post.authorName, title: thread.title }),
              plain(post.body),
            ],
            action: { label: t.t('dialogue.mail.action'), url },
            footer: t.t('dialogue.mail.mention.footer'),
          }),
        );
        await deps.notify(userId, {
          message: 'following.notice.mention',
          values: { name: post.authorName },
          path: `/dialogue/${thread.spaceSlug}/${thread.number}?post=${post.position}#p${post.position}`,
          entry: { kind: 'thread', key: String(thread.number) },
        });
      }
    },

    /** Tells a person of a moderator's decision about them, in their language. */
    async tell(userId: string, message: ModerationMessage): Promise<void> {
      const reader = await watches.reader(userId);
      if (!reader) return;
      const t = deps.catalogue.translator(reader.locale);
      const values: Record<string, string> =
        message.kind === 'hidden'
          ? { reason: message.reason, title: message.title }
          : {
              reason: message.reason,
              until: dateTimeFormat(reader.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
                new Date(`${message.until}T00:00:00Z`),
              ),
            };
      await deps.mailer.send(
        composeMail({
          to: reader.email,
          locale: reader.locale,
          subject: t.t(`dialogue.mail.${message.kind}.subject`, values),
          greeting: t.t('mail.greeting', { name: reader.name }),
          paragraphs: [t.t(`dialogue.mail.${message.kind}.body`, values)],
          ...(message.kind === 'hidden'
            ? {
                action: {
                  label: t.t('dialogue.mail.action'),
                  url: `${deps.publicUrl}/${reader.locale}${message.path}`,
                },
              }
            : {}),
          footer: t.t('dialogue.mail.moderationFooter'),
        }),
      );
    },

    /** The job: every message owed now. A failed one is logged and owed again at the next run. */
    async deliver(): Promise<number> {
      const owed = await watches.owed(deps.clock(), RUN_LIMIT);
      let sent = 0;
      for (const entry of owed) {
        try {
          await tell(entry);
          sent += 1;
        } catch (error) {
          deps.log.error({ err: error, thread: entry.threadId }, 'dialogue message not sent');
        }
      }
      return sent;
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
