/**
 * Sign-in with better-auth: e-mail and password, verification, reset, sessions in the database.
 * Everything is called server-side (auth.api.*) from the platform's own forms; better-auth's
 * HTTP handler is not mounted, so every request goes through our CSRF, rate limits and pages.
 */
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor } from 'better-auth/plugins/two-factor';
import type { Catalogue } from '../../platform/i18n/catalogue.js';
import type { Db } from '../../platform/db/database.js';
import type { Logger } from '../../platform/logging/logger.js';
import { composeMail } from '../../platform/mail/compose.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { MIN_PASSWORD_LENGTH } from './access.schemas.js';
import { accounts, sessions, twoFactors, users, verifications } from './access.schema.js';

export interface AuthDeps {
  db: Db;
  secret: string;
  publicUrl: string;
  mailer: Mailer;
  catalogue: Catalogue;
  log: Logger;
}

/** Cookie prefix: the session cookie is `hrcn.session_token` (`__Secure-` prefixed over HTTPS). */
export const AUTH_COOKIE_PREFIX = 'hrcn';

/** How long a session lasts without use, and how often its end moves on with use. */
export const SESSION_LIFETIME_S = 30 * 24 * 60 * 60;
export const SESSION_UPDATE_AGE_S = 24 * 60 * 60;

/** The messages of an account: confirm the address, reset the password, an address already used. */
export type AccountMail = (
  user: { email: string; name: string },
  kind: 'verify' | 'reset' | 'existing',
  /** The address of the action, given the user's language. */
  url: (locale: string) => string,
) => Promise<void>;

/** The user's interface language (an additional field better-auth's types do not list). */
function localeOf(catalogue: Catalogue, user: object): string {
  const locale = (user as { locale?: unknown }).locale;
  return typeof locale === 'string' && catalogue.isSupported(locale) ? locale : 'en';
}

export function createAccountMail(deps: Pick<AuthDeps, 'catalogue' | 'mailer'>): AccountMail {
  const { catalogue, mailer } = deps;
  return async (user, kind, url) => {
    const locale = localeOf(catalogue, user);
    const t = catalogue.translator(locale);
    await mailer.send(
      composeMail({
        to: user.email,
        locale,
        subject: t.t(`mail.${kind}.subject`),
        greeting: t.t('mail.greeting', { name: user.name }),
        paragraphs: [t.t(`mail.${kind}.body`)],
        action: { label: t.t(`mail.${kind}.action`), url: url(locale) },
        footer: t.t(`mail.${kind}.footer`),
      }),
    );
  };
}

export function createAuth(deps: AuthDeps) {
  const { publicUrl } = deps;
  const message = createAccountMail(deps);

  return betterAuth({
    appName: 'Human Rights Cities Network',
    baseURL: publicUrl,
    secret: deps.secret,
    database: drizzleAdapter(deps.db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        twoFactor: twoFactors,
      },
    }),
    telemetry: { enabled: false },
    // better-auth's own messages go to the platform's structured log, at their level.
    logger: {
      level: 'info',
      log: (level, message) =>
        deps.log[level === 'debug' ? 'debug' : level]({ component: 'better-auth' }, message),
    },
    advanced: {
      cookiePrefix: AUTH_COOKIE_PREFIX,
      useSecureCookies: publicUrl.startsWith('https://'),
      database: { generateId: 'uuid' },
    },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'registered', input: false },
        locale: { type: 'string', required: false, defaultValue: 'en', input: true },
      },
    },
    session: { expiresIn: SESSION_LIFETIME_S, updateAge: SESSION_UPDATE_AGE_S },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 1024,
      requireEmailVerification: true,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) =>
        message(
          user,
          'reset',
          (locale) => `${publicUrl}/${locale}/reset-password?token=${encodeURIComponent(token)}`,
        ),
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 60 * 60,
      sendVerificationEmail: async ({ user, token }) =>
        message(
          user,
          'verify',
          (locale) => `${publicUrl}/${locale}/verify-email?token=${encodeURIComponent(token)}`,
        ),
    },
    plugins: [
      twoFactor({
        issuer: 'Human Rights Cities Network',
        backupCodeOptions: { amount: 10, length: 10 },
      }),
    ],
    // Limits are enforced by the platform's own rate limiter on its forms.
    rateLimit: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
