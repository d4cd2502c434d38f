/**
 * Subscribing: a visitor gives an address, a language, themes and their consent, and confirms by
 * an e-mailed link (double opt-in; only the SHA-256 of the link's token is stored); a signed-in
 * person opts in with their account's address. The answer to the form never tells whether an
 * address was known, and an address is sent at most a few messages an hour. Every issue's link
 * stops the subscription without a sign-in: it carries an HMAC of the subscriber's id.
 */
import { z } from 'zod';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { signValue, verifyValue } from '../../platform/mail/signed-links.js';
import { hashToken, newLinkToken } from '../../platform/secrets.js';
import { PRIVACY_NOTICE, type SignedInViewer } from '../access/index.js';
import { alreadyMail, confirmationMail } from './newsletter.mail.js';
import { subscribeFormSchema } from './newsletter.schemas.js';
import type { Subscriber, SubscribersRepository } from './subscribers.repository.js';

/** Messages the form may cause to one address in an hour. */
export const MAILS_PER_HOUR = 3;
/** How long a confirmation link works. */
export const CONFIRMATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** Addresses never confirmed are forgotten after this. */
export const UNCONFIRMED_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
const PURPOSE = 'newsletter-unsubscribe';

export interface SubscriptionsDeps {
  subscribers: SubscribersRepository;
  mailer: Mailer;
  catalogue: Catalogue;
  log: Logger;
  publicUrl: string;
  secret: string;
  themeKeys(): Promise<readonly string[]>;
  clock: () => Date;
}

type Errors = Record<string, string>;

export function createSubscriptionsService(deps: SubscriptionsDeps) {
  const { subscribers } = deps;
  const signature = (id: string) => signValue(deps.secret, PURPOSE, id);

  /** The signed address that stops a subscription, in the subscriber's language. */
  const unsubscribeUrl = (subscriber: { id: string; locale: string }): string =>
    `${deps.publicUrl}/${subscriber.locale}/newsletter/unsubscribe/${subscriber.id}/${signature(subscriber.id)}`;

  /** Sends a message the form caused, within the hourly limit; a failure is only logged. */
  const sendLimited = async (subscriber: Subscriber, send: () => Promise<void>) => {
    if (!(await subscribers.countMail(subscriber.id, deps.clock(), MAILS_PER_HOUR))) return;
    await send().catch((error: unknown) =>
      deps.log.error({ err: error }, 'newsletter confirmation not sent'),
    );
  };

  return {
    unsubscribeUrl,

    /**
     * A visitor's subscription. Whatever the address's state, the answer is the same ("look in
     * your inbox"); only its owner learns more, by mail. Errors are catalogue keys by field.
     */
    async subscribe(
      form: unknown,
    ): Promise<{ ok: true; email: string } | { ok: false; errors: Errors }> {
      const parsed = subscribeFormSchema.safeParse(form);
      const errors: Errors = {};
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          errors[String(issue.path[0] ?? 'form')] ??= issue.message;
      const values = parsed.success ? parsed.data : null;
      if (values && values.consent !== 'yes') errors.consent = 'newsletter.errors.consent';
      if (values && !z.email().safeParse(values.email).success)
        errors.email = 'newsletter.errors.email';
      if (values && !deps.catalogue.isSupported(values.locale))
        errors.locale = 'newsletter.errors.locale';
      const known = await deps.themeKeys();
      if (values?.themes.some((theme) => !known.includes(theme)))
        errors.themes = 'newsletter.errors.themes';
      if (!values || Object.keys(errors).length > 0) return { ok: false, errors };
      // A bot fills every field; a person leaves this hidden one empty. Answered as a success.
      if (values.website !== '') return { ok: true, email: values.email };

      const request = {
        email: values.email.toLowerCase(),
        locale: values.locale,
        themes: values.themes,
        consentVersion: PRIVACY_NOTICE.version,
      };
      const now = deps.clock();
      let subscriber = await subscribers.byEmail(request.email);
      if (!subscriber) {
        await subscribers.insertPending(request, now);
        subscriber = await subscribers.byEmail(request.email);
      }
      if (!subscriber) return { ok: true, email: request.email };
      const t = deps.catalogue.translator(request.locale);
      if (subscriber.status === 'confirmed') {
        const found = subscriber;
        await sendLimited(found, async () => {
          await deps.mailer.send(alreadyMail(request.email, t, unsubscribeUrl(found)));
        });
        return { ok: true, email: request.email };
      }
      const found = subscriber;
      await sendLimited(found, async () => {
        const token = newLinkToken();
        await subscribers.renewPending(found.id, request, hashToken(token), now);
        const url = `${deps.publicUrl}/${request.locale}/newsletter/confirm/${token}`;
        await deps.mailer.send(confirmationMail(request.email, t, url));
      });
      return { ok: true, email: request.email };
    },

    /** True when a confirmation link still works (shown as a button: scanners open links). */
    confirmable(token: string): Promise<boolean> {
      const since = new Date(deps.clock().getTime() - CONFIRMATION_LIFETIME_MS);
      return subscribers.confirmable(hashToken(token), since);
    },

    /** Confirms the address of a link; false when the link is used, old or unknown. */
    confirm(token: string): Promise<boolean> {
      const now = deps.clock();
      const since = new Date(now.getTime() - CONFIRMATION_LIFETIME_MS);
      return subscribers.confirm(hashToken(token), since, now);
    },

    /** A signed-in person's subscription, if any (by account, else by their address). */
    async ofViewer(viewer: SignedInViewer): Promise<Subscriber | null> {
      return (await subscribers.byUser(viewer.id)) ?? (await subscribers.byEmail(viewer.email));
    },

    /** A signed-in person opts in (themes checked against the vocabulary) or stops. */
    async setForViewer(
      viewer: SignedInViewer,
      locale: string,
      body: Record<string, unknown>,
    ): Promise<'subscribed' | 'unsubscribed'> {
      const known = await deps.themeKeys();
      const themes = [body.themes ?? []]
        .flat()
        .filter((theme): theme is string => typeof theme === 'string' && known.includes(theme));
      const now = deps.clock();
      if (body.subscribe === 'no') {
        const subscriber = await this.ofViewer(viewer);
        if (subscriber) await subscribers.unsubscribe(subscriber.id, now);
        return 'unsubscribed';
      }
      await subscribers.optIn(
        { id: viewer.id, email: viewer.email, locale },
        themes,
        PRIVACY_NOTICE.version,
        now,
      );
      return 'subscribed';
    },

    /** The subscriber a signed link names, when its signature holds. */
    async bySignedLink(id: string, given: string): Promise<Subscriber | null> {
      if (!/^[0-9a-f-]{36}$/.test(id) || !verifyValue(deps.secret, PURPOSE, id, given)) return null;
      return subscribers.byId(id);
    },

    /** Stops the subscription a signed link names; false when the link is not ours. */
    async unsubscribe(id: string, given: string): Promise<boolean> {
      const subscriber = await this.bySignedLink(id, given);
      if (!subscriber) return false;
      await subscribers.unsubscribe(subscriber.id, deps.clock());
      return true;
    },

    /** Forgets addresses never confirmed after a while. */
    purgeUnconfirmed: () =>
      subscribers.purgeUnconfirmed(new Date(deps.clock().getTime() - UNCONFIRMED_RETENTION_MS)),
  };
}

export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;
