/**
 * The sending job (every minute): an issue that comes due has its recipients frozen by its
 * segment, then its rows are claimed and mailed in batches of a second's share of the configured
 * rate, at most a minute's worth per run. Each message is read as its recipient (a subscriber
 * without an account reads as a visitor) in their language, with their own unsubscribe link.
 * When the mail server fails, the batch's rows are let go and the run stops: the next run resumes
 * with the rows not yet settled, so nobody is mailed twice and nobody is forgotten.
 */
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import type { Logger } from '../../platform/logging/logger.js';
import { transportFailure, type Mailer } from '../../platform/mail/mailer.js';
import { ANONYMOUS, canSeeMembersLayer, type Viewer } from '../access/index.js';
import {
  MAX_ATTEMPTS,
  type Candidate,
  type DeliveriesRepository,
  type Delivery,
} from './deliveries.repository.js';
import type { IssueReader, ReadIssue } from './issue.js';
import { issueMail } from './newsletter.mail.js';
import type { Newsletter, NewslettersRepository } from './newsletters.repository.js';
import type { SubscriptionsService } from './subscriptions.service.js';

export const NEWSLETTER_JOBS = {
  send: { name: 'newsletter.send', cron: '* * * * *' },
} as const;

/** How long a sender holds the rows it claimed: past it, another takes them again. */
const LEASE_MS = 10 * 60 * 1000;
/** The wait before a message refused for a reason of its own is tried again, times its tries. */
const RETRY_MS = 15 * 60 * 1000;

export interface SendingDeps {
  newsletters: NewslettersRepository;
  deliveries: DeliveriesRepository;
  subscriptions: SubscriptionsService;
  issues: IssueReader;
  mailer: Mailer;
  catalogue: Catalogue;
  log: Logger;
  publicUrl: string;
  /** Messages a minute at most. */
  ratePerMinute: number;
  clock: () => Date;
  /** A sent issue joins the archive, its feed and the search: cached pages must go. */
  contentChanged(): Promise<void>;
}

/** The candidates an issue's segment names: languages, themes, members or not. */
export function inSegment(letter: Newsletter, candidates: Candidate[]): Candidate[] {
  return candidates.filter(
    (candidate) =>
      (letter.segmentLocales.length === 0 || letter.segmentLocales.includes(candidate.locale)) &&
      (letter.segmentThemes.length === 0 ||
        candidate.themes.length === 0 ||
        candidate.themes.some((theme) => letter.segmentThemes.includes(theme))) &&
      (letter.audience === 'everyone' ||
        (letter.audience === 'members') === canSeeMembersLayer(candidate.viewer)),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSendingService(deps: SendingDeps) {
  const { newsletters, deliveries } = deps;

  /** The issue's page in the archive, when this reader may open it. */
  const onlineUrl = (letter: Newsletter, viewer: Viewer, locale: string): string | null =>
    letter.archive === 'public' || (letter.archive === 'members' && canSeeMembersLayer(viewer))
      ? `${deps.publicUrl}/${locale}/newsletter/archive/${letter.id}`
      : null;

  /** Mails a batch; false when the mail server failed (the rest of the batch is let go). */
  async function sendBatch(letter: Newsletter, batch: Delivery[]): Promise<boolean> {
    // A visitor's reading of an issue is the same for every visitor of a language.
    const asVisitor = new Map<string, ReadIssue>();
    for (const [index, delivery] of batch.entries()) {
      const viewer = delivery.userId ? await deliveries.readerOf(delivery.userId) : ANONYMOUS;
      const locale = deps.catalogue.isSupported(delivery.locale) ? delivery.locale : 'en';
      let issue = viewer.kind === 'anonymous' ? asVisitor.get(locale) : undefined;
      if (!issue) {
        issue = await deps.issues.read(letter, viewer, locale);
        if (viewer.kind === 'anonymous') asVisitor.set(locale, issue);
      }
      try {
        const outcome = await deps.mailer.send(
          issueMail(issue, {
            to: delivery.email,
            t: deps.catalogue.translator(locale),
            unsubscribeUrl: deps.subscriptions.unsubscribeUrl({
              id: delivery.subscriberId,
              locale,
            }),
            onlineUrl: onlineUrl(letter, viewer, locale),
          }),
        );
        await deliveries.settle(delivery.id, outcome, deps.clock());
      } catch (error) {
        if (!transportFailure(error)) {
          // This message's alone (a busy mailbox): tried again later, given up after a few.
          deps.log.warn({ err: error, newsletter: letter.id }, 'newsletter: message refused');
          if (delivery.attempts >= MAX_ATTEMPTS)
            await deliveries.settle(delivery.id, 'failed', deps.clock());
          else
            await deliveries.postpone(
              delivery.id,
              new Date(deps.clock().getTime() + RETRY_MS * delivery.attempts),
            );
          continue;
        }
        deps.log.error({ err: error, newsletter: letter.id }, 'newsletter: mail server failed');
        await deliveries.release(batch.slice(index).map((row) => row.id));
        return false;
      }
    }
    return true;
  }

  return {
    /** One run of the job; the number of messages settled. */
    async run(): Promise<number> {
      await deps.subscriptions.purgeUnconfirmed();
      for (const id of await deliveries.due(deps.clock())) {
        const letter = await newsletters.find(id);
        if (letter)
          await deliveries.freeze(id, deps.clock(), (candidates) => inSegment(letter, candidates));
      }
      let budget = deps.ratePerMinute;
      const perSecond = Math.max(1, Math.ceil(deps.ratePerMinute / 60));
      let settled = 0;
      for (const letter of await newsletters.sending()) {
        while (budget > 0) {
          const started = Date.now();
          const size = Math.min(perSecond, budget);
          const now = deps.clock();
          const batch = await deliveries.claim(
            letter.id,
            size,
            now,
            new Date(now.getTime() + LEASE_MS),
          );
          if (batch.length === 0) break;
          const ok = await sendBatch(letter, batch);
          if (!ok) return settled;
          settled += batch.length;
          budget -= batch.length;
          // A second per batch: the rate holds however fast the mail server answers.
          if (batch.length === size && budget > 0) await sleep(1000 - (Date.now() - started));
        }
        if (await newsletters.finish(letter.id, deps.clock())) {
          deps.log.info({ newsletter: letter.id }, 'newsletter sent');
          await deps.contentChanged();
        }
        if (budget <= 0) break;
      }
      return settled;
    },
  };
}

export type SendingService = ReturnType<typeof createSendingService>;
