/**
 * Account use cases on top of better-auth: sign-up, e-mail confirmation, sign-in, sign-out,
 * password reset, and who is behind a request. Results carry the cookies to set, so the web layer
 * stays in charge of the response.
 */
import { APIError } from 'better-auth/api';
import { ROLES, type Role, type Viewer } from './access.policy.js';
import {
  forgotFormSchema,
  resetFormSchema,
  signInFormSchema,
  signUpFormSchema,
  validateForm,
  type FieldErrors,
} from './access.schemas.js';
import type { Auth } from './auth.js';

/** The viewer of a signed-in request, with what pages show of them. */
export interface SignedInViewer {
  kind: 'user';
  id: string;
  role: Role;
  name: string;
  email: string;
}

export type FormResult<T = object> =
  ({ ok: true } & T) | { ok: false; errors: FieldErrors; message?: string };

const setCookiesOf = (response: Response): string[] => response.headers.getSetCookie();

const asRole = (value: unknown): Role =>
  (ROLES as readonly string[]).includes(String(value)) ? (value as Role) : 'registered';

export function createAccountsService(auth: Auth) {
  return {
    /** Who is signed in, from the request's headers (cookie); null when nobody is. */
    async viewerOf(headers: Headers): Promise<SignedInViewer | null> {
      const found = await auth.api.getSession({ headers });
      if (!found) return null;
      const user = found.user as typeof found.user & { role?: unknown };
      return {
        kind: 'user',
        id: user.id,
        role: asRole(user.role),
        name: user.name,
        email: user.email,
      };
    },

    /**
     * Creates an account and sends the confirmation message. An address already registered gets
     * the same answer, so the form tells nobody who has an account.
     */
    async signUp(form: unknown, locale: string): Promise<FormResult<{ email: string }>> {
      const valid = validateForm(signUpFormSchema, form);
      if (!valid.ok) return valid;
      const { name, email, password } = valid.value;
      try {
        await auth.api.signUpEmail({ body: { name, email, password, locale } });
      } catch (error) {
        if (!(error instanceof APIError) || error.status !== 'UNPROCESSABLE_ENTITY') throw error;
      }
      return { ok: true, email };
    },

    /** Confirms an address; returns the cookies of the session it opens, or null if the link is bad. */
    async verifyEmail(token: string): Promise<string[] | null> {
      const response = await auth.api.verifyEmail({ query: { token }, asResponse: true });
      return response.ok ? setCookiesOf(response) : null;
    },

    async signIn(form: unknown, headers: Headers): Promise<FormResult<{ cookies: string[] }>> {
      const valid = validateForm(signInFormSchema, form);
      if (!valid.ok) return valid;
      const response = await auth.api.signInEmail({
        body: { email: valid.value.email, password: valid.value.password },
        headers,
        asResponse: true,
      });
      if (response.ok) return { ok: true, cookies: setCookiesOf(response) };
      const body = (await response.json().catch(() => ({}))) as { code?: string };
      return {
        ok: false,
        errors: {},
        message:
          body.code === 'EMAIL_NOT_VERIFIED'
            ? 'account.signIn.notVerified'
            : 'account.signIn.failed',
      };
    },

    /** Ends the session on the server; returns the cookies that clear it in the browser. */
    async signOut(headers: Headers): Promise<string[]> {
      const response = await auth.api.signOut({ headers, asResponse: true });
      return setCookiesOf(response);
    },

    /** Sends a reset link when the address has an account; answers the same either way. */
    async requestPasswordReset(form: unknown): Promise<FormResult<{ email: string }>> {
      const valid = validateForm(forgotFormSchema, form);
      if (!valid.ok) return valid;
      await auth.api.requestPasswordReset({ body: { email: valid.value.email } });
      return { ok: true, email: valid.value.email };
    },

    async resetPassword(
      token: string,
      form: unknown,
    ): Promise<FormResult | { ok: false; invalidToken: true }> {
      const valid = validateForm(resetFormSchema, form);
      if (!valid.ok) return valid;
      try {
        await auth.api.resetPassword({ body: { newPassword: valid.value.password, token } });
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
