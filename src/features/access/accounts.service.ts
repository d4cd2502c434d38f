/**
 * Account use cases on top of better-auth: sign-up, e-mail confirmation, sign-in, sign-out,
 * password reset, and who is behind a request. Results carry the cookies to set, so the web layer
 * stays in charge of the response.
 */
import { APIError } from 'better-auth/api';
import type { SQL } from 'drizzle-orm';
import { createViewerReader } from './viewers.js';
import type { Viewer } from './access.policy.js';
import type { AccessRepository } from './access.repository.js';
import { PRIVACY_NOTICE } from './consents.js';
import type { PersonalData } from '../feature.js';
import { hashPassword, verifyPassword } from './password.js';
import {
  forgotFormSchema,
  passwordFormSchema,
  secondFactorFormSchema,
  resetFormSchema,
  signInFormSchema,
  signUpFormSchema,
  validateForm,
  type FieldErrors,
} from './access.schemas.js';
import type { AuditLog } from './audit.js';
import type { AccountMail, Auth } from './auth.js';
import type { SignInThrottle } from './sign-in-throttle.js';

export type { SignedInViewer } from './viewers.js';
import type { SignedInViewer } from './viewers.js';

export type FormResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; errors: FieldErrors; message?: string; retryAfterSeconds?: number };

/** Where a request comes from, for the audit log. */
export interface RequestOrigin {
  ip: string | null;
  /** The signed-in person, if any. */
  actorId?: string | null;
}

/** Messages to one address per hour, at most (sign-up confirmations, reset links). */
export const MAILS_PER_ADDRESS_PER_HOUR = 3;

export interface AccountsDeps {
  auth: Auth;
  /** The account's messages, for the one the service sends itself (an address already used). */
  mail: AccountMail;
  publicUrl: string;
  repository: AccessRepository;
  audit: AuditLog;
  throttle: SignInThrottle;
  /** Signs the session cookie (better-auth's secret). */
  secret: string;
  /** The SQL of a person's organisations (from the members module): `[{ organisationId, role, active }]`. */
  membershipsSql: (userId: SQL) => SQL;
  /** Other features' facts about the person, read in the same query (AccessNeeds.viewerFactsSql). */
  factsSql: Readonly<Record<string, (userId: SQL) => SQL>>;
  /** What every feature holds about a person, for "download my data". */
  personalDataOf: PersonalData;
  clock?: () => Date;
  /** How long a session read is used again; VIEWER_WINDOW_MS when absent. */
  viewerWindowMs?: number;
}

const setCookiesOf = (response: Response): string[] => response.headers.getSetCookie();

export function createAccountsService(deps: AccountsDeps) {
  const { auth, audit, throttle } = deps;
  const now = deps.clock ?? (() => new Date());
  const viewers = createViewerReader({ ...deps, audit });
  const hourAgo = (): Date => new Date(now().getTime() - 60 * 60 * 1000);
  return {
    /** Who is signed in, from the cookies (null: nobody): viewers.ts. */
    viewerOf: viewers.viewerOf,
    /** Forgets every session read recently: something a page shows of its person may have changed. */
    forgetViewers: viewers.forgetViewers,

    /**
     * Creates an account and sends the confirmation message. An address already registered gets
     * the same answer, so the form tells nobody who has an account.
     */
    async signUp(
      form: unknown,
      locale: string,
      origin: RequestOrigin,
    ): Promise<FormResult<{ email: string }>> {
      const valid = validateForm(signUpFormSchema, form);
      if (!valid.ok) return valid;
      const { name, email, password } = valid.value;
      // Past the limit, the answer is the same but no more mail goes to that address.
      if ((await audit.count('sign-up', email, hourAgo())) >= MAILS_PER_ADDRESS_PER_HOUR)
        return { ok: true, email };
      // A registered address gets the same answer and no new account, but the same work as a
      // new one (a password hashed, one message sent), so that the time the answer takes does not
      // tell whether someone has an account: its owner is told that the address was used.
      const owner = await deps.repository.findUserByEmail(email);
      const existing = owner !== null;
      if (owner) {
        await hashPassword(password);
        await deps.mail(owner, 'existing', (language) => `${deps.publicUrl}/${language}/sign-in`);
      } else {
        const created = await auth.api.signUpEmail({ body: { name, email, password, locale } });
        await deps.repository.recordConsent({ userId: created.user.id, ...PRIVACY_NOTICE, locale });
      }
      await audit.record({ type: 'sign-up', subject: email, ip: origin.ip, details: { existing } });
      return { ok: true, email };
    },

    /** Confirms an address; returns the cookies of the session it opens, or null if the link is bad. */
    async verifyEmail(token: string, origin: RequestOrigin): Promise<string[] | null> {
      const response = await auth.api.verifyEmail({ query: { token }, asResponse: true });
      if (!response.ok) return null;
      const cookies = setCookiesOf(response);
      // The session the link opened says whose address it was.
      const opened = await auth.api.getSession({
        headers: new Headers({ cookie: cookies.map((cookie) => cookie.split(';')[0]).join('; ') }),
      });
      await audit.record({
        type: 'email.verified',
        actorId: opened?.user.id ?? null,
        subject: opened?.user.email ?? null,
        ip: origin.ip,
      });
      return cookies;
    },

    async signIn(
      form: unknown,
      headers: Headers,
      origin: RequestOrigin,
    ): Promise<FormResult<{ cookies: string[]; secondFactor: boolean }>> {
      const valid = validateForm(signInFormSchema, form);
      if (!valid.ok) return valid;
      const { email, password } = valid.value;
      const wait = await throttle.waitFor(email);
      if (wait > 0) {
        await audit.record({ type: 'sign-in.locked', subject: email, ip: origin.ip });
        return { ok: false, errors: {}, message: 'account.signIn.locked', retryAfterSeconds: wait };
      }
      const response = await auth.api.signInEmail({
        body: { email, password },
        headers,
        asResponse: true,
      });
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as {
        code?: string;
        user?: { id?: string };
        twoFactorRedirect?: boolean;
      };
      if (response.ok && body.twoFactorRedirect) {
        // Right password; the session opens once the second factor is given.
        return { ok: true, cookies: setCookiesOf(response), secondFactor: true };
      }
      if (response.ok) {
        await throttle.succeed(email);
        await audit.record({
          type: 'sign-in.success',
          actorId: body.user?.id ?? null,
          subject: email,
          ip: origin.ip,
        });
        return { ok: true, cookies: setCookiesOf(response), secondFactor: false };
      }
      const reason = body.code ?? String(response.status);
      await audit.record({
        type: 'sign-in.failure',
        subject: email,
        ip: origin.ip,
        details: { reason },
      });
      if (reason === 'EMAIL_NOT_VERIFIED') {
        return { ok: false, errors: {}, message: 'account.signIn.notVerified' };
      }
      const locked = await throttle.fail(email);
      return locked > 0
        ? { ok: false, errors: {}, message: 'account.signIn.locked', retryAfterSeconds: locked }
        : { ok: false, errors: {}, message: 'account.signIn.failed' };
    },

    /**
     * The second step of a sign-in with two factors: a code from the authenticator app, or one of
     * the recovery codes. Returns the cookies of the session it opens.
     */
    async verifySecondFactor(
      form: unknown,
      headers: Headers,
      origin: RequestOrigin,
    ): Promise<FormResult<{ cookies: string[] }>> {
      const valid = validateForm(secondFactorFormSchema, form);
      if (!valid.ok) return valid;
      const { code } = valid.value;
      const response = /^\d{6}$/.test(code)
        ? await auth.api.verifyTOTP({ body: { code }, headers, asResponse: true })
        : await auth.api.verifyBackupCode({ body: { code }, headers, asResponse: true });
      if (response.ok) {
        const body = (await response
          .clone()
          .json()
          .catch(() => ({}))) as { user?: { id?: string } };
        await audit.record({
          type: 'sign-in.success',
          actorId: body.user?.id ?? null,
          ip: origin.ip,
          details: { secondFactor: true },
        });
        return { ok: true, cookies: setCookiesOf(response) };
      }
      await audit.record({ type: 'sign-in.second-factor-failed', ip: origin.ip });
      return { ok: false, errors: { code: 'account.errors.codeInvalid' } };
    },

    /** Starts setting up two-factor sign-in: checks the password, returns the secret and recovery codes. */
    async startTwoFactor(
      form: unknown,
      headers: Headers,
    ): Promise<FormResult<{ totpUri: string; recoveryCodes: string[] }>> {
      const valid = validateForm(passwordFormSchema, form);
      if (!valid.ok) return valid;
      try {
        const result = await auth.api.enableTwoFactor({
          body: { password: valid.value.password, method: 'totp' },
          headers,
        });
        if (result.method !== 'totp') throw new Error('expected a TOTP set-up');
        return { ok: true, totpUri: result.totpURI, recoveryCodes: result.backupCodes };
      } catch (error) {
        if (error instanceof APIError)
          return { ok: false, errors: { password: 'account.errors.passwordWrong' } };
        throw error;
      }
    },

    /** Finishes the set-up with a first code from the authenticator app. */
    async confirmTwoFactor(
      form: unknown,
      headers: Headers,
      origin: RequestOrigin,
    ): Promise<FormResult<{ cookies: string[] }>> {
      const valid = validateForm(secondFactorFormSchema, form);
      if (!valid.ok) return valid;
      const response = await auth.api.verifyTOTP({
        body: { code: valid.value.code },
        headers,
        asResponse: true,
      });
      if (!response.ok) return { ok: false, errors: { code: 'account.errors.codeInvalid' } };
      await audit.record({
        type: 'two-factor.enabled',
        actorId: origin.actorId ?? null,
        ip: origin.ip,
      });
      // Turning it on renews the session: its cookie must reach the browser.
      return { ok: true, cookies: setCookiesOf(response) };
    },

    /** The texts the person accepted, oldest first. */
    consentsOf: (viewer: SignedInViewer) => deps.repository.consentsOf(viewer.id),

    /**
     * "Download my data": everything every feature holds about the person (the features'
     * personalData contract), as a JSON-ready object.
     */
    async exportPersonalData(viewer: SignedInViewer, origin: RequestOrigin) {
      await audit.record({
        type: 'data.exported',
        actorId: viewer.id,
        subject: viewer.email,
        ip: origin.ip,
      });
      const data = await deps.personalDataOf({ id: viewer.id, email: viewer.email });
      return { exportedAt: now().toISOString(), ...data };
    },

    /** Deletes the account after checking the password; returns the cookies that end the session. */
    async deleteAccount(
      viewer: SignedInViewer,
      form: unknown,
      headers: Headers,
    ): Promise<FormResult<{ cookies: string[] }>> {
      const valid = validateForm(passwordFormSchema, form);
      if (!valid.ok) return valid;
      const hash = await deps.repository.passwordHashOf(viewer.id);
      if (!hash || !(await verifyPassword(valid.value.password, hash))) {
        return { ok: false, errors: { password: 'account.errors.passwordWrong' } };
      }
      const cookies = setCookiesOf(await auth.api.signOut({ headers, asResponse: true }));
      await deps.repository.deleteUserAndAnonymise(viewer.id, viewer.email);
      // Recorded as a bare fact: nothing in it points to the person any more.
      await audit.record({ type: 'account.deleted' });
      return { ok: true, cookies };
    },

    /** Ends the session on the server; returns the cookies that clear it in the browser. */
    async signOut(headers: Headers, origin: RequestOrigin): Promise<string[]> {
      const response = await auth.api.signOut({ headers, asResponse: true });
      if (origin.actorId)
        await audit.record({ type: 'sign-out', actorId: origin.actorId, ip: origin.ip });
      return setCookiesOf(response);
    },

    /** Sends a reset link when the address has an account; answers the same either way. */
    async requestPasswordReset(
      form: unknown,
      origin: RequestOrigin,
    ): Promise<FormResult<{ email: string }>> {
      const valid = validateForm(forgotFormSchema, form);
      if (!valid.ok) return valid;
      const { email } = valid.value;
      if (
        (await audit.count('password.reset-requested', email, hourAgo())) <
        MAILS_PER_ADDRESS_PER_HOUR
      ) {
        await auth.api.requestPasswordReset({ body: { email } });
        await audit.record({ type: 'password.reset-requested', subject: email, ip: origin.ip });
      }
      return { ok: true, email };
    },

    async resetPassword(
      token: string,
      form: unknown,
      origin: RequestOrigin,
    ): Promise<FormResult | { ok: false; invalidToken: true }> {
      const valid = validateForm(resetFormSchema, form);
      if (!valid.ok) return valid;
      try {
        await auth.api.resetPassword({ body: { newPassword: valid.value.password, token } });
        await audit.record({ type: 'password.reset', ip: origin.ip });
        return { ok: true };
      } catch (error) {
        if (error instanceof APIError && error.status === 'BAD_REQUEST')
          return { ok: false, invalidToken: true };
        throw error;
      }
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
export type { Viewer };
