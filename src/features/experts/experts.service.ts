/**
 * The Experts' facility's use cases. This part: anyone asks a question (a visitor confirms it by
 * an e-mailed link; a signed-in person needs not), with spam defences that ask no puzzle: a field
 * people leave empty, a minimum time to fill the form, limits per address (and per IP at the
 * route), a limit on links, and the same question twice refused. The asker follows the question
 * through a link that needs no account.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { validateForm, type SignedInViewer } from '../access/index.js';
import { hashToken, newLinkToken } from '../../platform/secrets.js';
import type { ExpertsMail } from './experts.mail.js';
import type { ExpertsRepository, FollowedQuestion } from './experts.repository.js';
import { askFormSchema } from './experts.schemas.js';

/** A person takes longer than this to write a question; a script does not. */
export const MIN_FILL_MS = 3_000;
/** A form older than this is sent again with a fresh stamp. */
export const FORM_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Questions an address may send in a day (confirmed ones: nobody can use up someone else's). */
export const QUESTIONS_PER_DAY = 3;
/** Confirmation e-mails an address is sent in a day, at most: the form is no way to flood it. */
const CONFIRMATIONS_PER_DAY = 3;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Links a question may hold. */
export const MAX_LINKS = 2;
/** How long a confirmation link works. */
export const CONFIRMATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** The same question from the same address within this time is a duplicate. */
const DUPLICATE_WINDOW_MS = 30 * DAY_MS;

export interface ExpertsServiceDeps {
  repository: ExpertsRepository;
  mail: ExpertsMail;
  publicUrl: string;
  /** Signs the form's start time (the app's cookie secret). */
  secret: string;
  themeKeys: () => Promise<readonly string[]>;
  /** ISO 3166-1 codes a question's country may take. */
  countries: readonly string[];
  clock?: () => Date;
}

type Errors = Record<string, string>;
/** What following a confirmation link did; a refusal only its holder (the address) learns. */
export type ConfirmOutcome =
  | { done: true; followUrl: string }
  | { done: false; reason: 'invalid' | 'duplicate' | 'tooManyToday' };
type AskResult =
  | { ok: true; email: string; confirmationSent: boolean; followUrl: string | null }
  | { ok: false; errors: Errors };

/** A hash of the question lower-cased with spaces folded: the same words are the same question. */
const fingerprintOf = (question: string): string =>
  hashToken(question.toLowerCase().replace(/\s+/g, ' ').trim());
/** Web addresses in a text, each counted once ("https://www.…" too). */
const linksIn = (text: string): number => (text.match(/\b(?:https?:\/\/|www\.)\S+/gi) ?? []).length;

/** The Experts' facility's use cases, with their mail; see the file's comment. */
export function createExpertsService(deps: ExpertsServiceDeps) {
  const now = deps.clock ?? (() => new Date());
  const sign = (value: string): string =>
    createHmac('sha256', deps.secret).update(`experts.ask:${value}`).digest('base64url');

  /** Milliseconds since the stamped form was sent, or null when the stamp is not ours. */
  const elapsed = (stamp: string): number | null => {
    const [time = '', signature = ''] = stamp.split('.');
    const expected = Buffer.from(sign(time));
    const given = Buffer.from(signature);
    if (!/^\d{1,15}$/.test(time) || expected.length !== given.length) return null;
    if (!timingSafeEqual(expected, given)) return null;
    return now().getTime() - Number(time);
  };

  /** Why an address may not send this question now (among its confirmed ones), or null. */
  const limitsRefuse = async (
    email: string,
    fingerprint: string,
    at: Date,
  ): Promise<'duplicate' | 'tooManyToday' | null> => {
    const since = new Date(at.getTime() - DUPLICATE_WINDOW_MS);
    if (await deps.repository.hasAsked(email, fingerprint, since)) return 'duplicate';
    const day = new Date(at.getTime() - DAY_MS);
    if ((await deps.repository.countAskedSince(email, day, 'confirmed')) >= QUESTIONS_PER_DAY)
      return 'tooManyToday';
    return null;
  };

  return {
    /**
     * The stamp of an ask form: when it was first sent, signed. A form sent back with problems
     * keeps its stamp while it is ours and not too old, so that its time still counts.
     */
    formStamp(previous = ''): string {
      const age = elapsed(previous);
      if (age !== null && age >= 0 && age <= FORM_LIFETIME_MS) return previous;
      const time = String(now().getTime());
      return `${time}.${sign(time)}`;
    },

    /**
     * A question from the public form. A visitor is sent a confirmation link; a signed-in person's
     * question goes to the editors at once. Every refusal is a catalogue key, the form's values kept.
     */
    async ask(form: unknown, locale: string, viewer: SignedInViewer | null): Promise<AskResult> {
      const valid = validateForm(askFormSchema, form);
      const values = valid.ok ? valid.value : null;
      const errors: Errors = valid.ok ? {} : { ...valid.errors };
      const body = (form ?? {}) as Record<string, unknown>;
      // Spam defences first: they speak of the whole form, whatever else is wrong.
      if (typeof body.website === 'string' && body.website.trim() !== '')
        return { ok: false, errors: { ...errors, form: 'experts.errors.honeypot' } };
      const age = elapsed(typeof body.started === 'string' ? body.started : '');
      if (age === null || age > FORM_LIFETIME_MS)
        return { ok: false, errors: { ...errors, form: 'experts.errors.formExpired' } };
      if (age < MIN_FILL_MS)
        return { ok: false, errors: { ...errors, form: 'experts.errors.tooFast' } };
      const email = viewer ? viewer.email.toLowerCase() : (values?.email ?? '');
      if (!viewer && !z.email().safeParse(email).success)
        errors.email = 'experts.errors.emailInvalid';
      if (typeof body.theme !== 'string' || !(await deps.themeKeys()).includes(body.theme))
        errors.theme = 'experts.errors.themeRequired';
      if (values?.country && !deps.countries.includes(values.country))
        errors.country = 'experts.errors.countryInvalid';
      if (values && linksIn(values.question) > MAX_LINKS)
        errors.question = 'experts.errors.tooManyLinks';
      if (!values || Object.keys(errors).length > 0) return { ok: false, errors };

      const at = now();
      const fingerprint = fingerprintOf(values.question);
      // A signed-in person is told at once; a visitor, only once the link proved the address
      // (anyone may type an address, and must learn nothing of its questions).
      if (viewer) {
        const refusal = await limitsRefuse(email, fingerprint, at);
        if (refusal) return { ok: false, errors: { form: `experts.errors.${refusal}` } };
      } else if (
        (await deps.repository.countAskedSince(
          email,
          new Date(at.getTime() - DAY_MS),
          'unconfirmed',
        )) >= CONFIRMATIONS_PER_DAY
      ) {
        // The same answer as when a link is sent, and nothing sent.
        return { ok: true, email, confirmationSent: true, followUrl: null };
      }

      const name = viewer ? values.name || viewer.name : values.name;
      const greeted = viewer ? name : '';
      const confirmToken = viewer ? null : newLinkToken();
      const id = randomUUID();
      await deps.repository.createQuestion({
        id,
        status: viewer ? 'new' : 'unconfirmed',
        askerName: name,
        askerEmail: email,
        askerId: viewer?.id ?? null,
        locale,
        theme: values.theme,
        country: values.country || null,
        question: values.question,
        fingerprint,
        keepPrivate: values.keepPrivate,
        confirmTokenHash: confirmToken ? hashToken(confirmToken) : null,
        followTokenHash: deps.mail.followTokenHash(id),
        confirmedAt: viewer ? at : null,
        createdAt: at,
      });
      if (confirmToken) {
        await deps.mail.send({
          to: email,
          locale,
          kind: 'confirm',
          name: greeted,
          action: `${deps.publicUrl}/${locale}/experts/confirm/${confirmToken}`,
        });
        return { ok: true, email, confirmationSent: true, followUrl: null };
      }
      const followUrl = deps.mail.followUrl(locale, id);
      await deps.mail.send({ to: email, locale, kind: 'received', name, action: followUrl });
      return { ok: true, email, confirmationSent: false, followUrl };
    },

    /** Whether a confirmation link is one that still works. */
    async confirmable(token: string): Promise<boolean> {
      const since = new Date(now().getTime() - CONFIRMATION_LIFETIME_MS);
      return (await deps.repository.findUnconfirmed(hashToken(token), since)) !== null;
    },

    /**
     * Confirms a question: it goes to the editors, and the asker is sent the link to follow it
     * (also returned, should the e-mail not arrive). Refused when the link is unknown, used or too
     * old, when the address already sent this question, or sent its three questions today.
     */
    async confirm(token: string): Promise<ConfirmOutcome> {
      const at = now();
      const question = await deps.repository.findUnconfirmed(
        hashToken(token),
        new Date(at.getTime() - CONFIRMATION_LIFETIME_MS),
      );
      if (!question) return { done: false, reason: 'invalid' };
      const refusal = await limitsRefuse(question.askerEmail, question.fingerprint, at);
      if (refusal) return { done: false, reason: refusal };
      if (!(await deps.repository.confirm(question.id, deps.mail.followTokenHash(question.id), at)))
        return { done: false, reason: 'invalid' };
      const url = deps.mail.followUrl(question.locale, question.id);
      await deps.mail.send({
        to: question.askerEmail,
        locale: question.locale,
        kind: 'received',
        name: question.askerName,
        action: url,
      });
      return { done: true, followUrl: url };
    },

    /** The question behind a follow link, or null. */
    async follow(token: string): Promise<FollowedQuestion | null> {
      if (!/^[\w-]{20,100}$/.test(token)) return null;
      return deps.repository.findByFollowToken(hashToken(token));
    },
  };
}

export type ExpertsService = ReturnType<typeof createExpertsService>;
