/** Form schemas of the access module. Error messages are catalogue keys, shown localised. */
import { z } from 'zod';
import { isCommonPassword } from './password-policy.js';

export const MIN_PASSWORD_LENGTH = 12;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('account.errors.emailInvalid').max(254, 'account.errors.emailInvalid'));
const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, 'account.errors.passwordTooShort')
  .max(1024, 'account.errors.passwordTooLong')
  .refine((password) => !isCommonPassword(password), 'account.errors.passwordCommon');

const newAccount = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'account.errors.nameRequired')
    .max(200, 'account.errors.nameTooLong'),
  email,
  password: newPassword,
  passwordConfirmation: z.string(),
});

const samePasswords = (form: { password: string; passwordConfirmation: string }): boolean =>
  form.password === form.passwordConfirmation;
const mismatch = { path: ['passwordConfirmation'], message: 'account.errors.passwordMismatch' };

/** A new account from the public form: the privacy notice must be acknowledged. */
export const signUpFormSchema = newAccount
  .extend({ consent: z.literal('yes', 'account.errors.consentRequired') })
  .refine(samePasswords, mismatch);

export const signInFormSchema = z.object({
  email,
  password: z
    .string()
    .min(1, 'account.errors.passwordRequired')
    .max(1024, 'account.errors.passwordTooLong'),
});

export const forgotFormSchema = z.object({ email });

export const passwordFormSchema = z.object({
  password: z
    .string()
    .min(1, 'account.errors.passwordRequired')
    .max(1024, 'account.errors.passwordTooLong'),
});

/** A 6-digit code from the authenticator app, or a recovery code. */
export const secondFactorFormSchema = z.object({
  code: z
    .string()
    .transform((code) => code.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^(\d{6}|[A-Za-z0-9-]{8,24})$/, 'account.errors.codeInvalid')),
});

export const resetFormSchema = z
  .object({ password: newPassword, passwordConfirmation: z.string() })
  .refine((form) => form.password === form.passwordConfirmation, {
    path: ['passwordConfirmation'],
    message: 'account.errors.passwordMismatch',
  });

/** The first administrator's form: a new account, made by whoever runs the installation. */
export const setupFormSchema = newAccount.refine(samePasswords, mismatch);
export type SetupForm = z.infer<typeof setupFormSchema>;
export type SetupField = keyof SetupForm;

/** Field → catalogue key of its first problem. */
export type FieldErrors = Record<string, string>;

/** Validates a form; on failure, the first message of each field (catalogue keys). */
export function validateForm<T>(
  schema: z.ZodType<T>,
  form: unknown,
): { ok: true; value: T } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(form);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message.includes('.errors.') ? issue.message : 'account.errors.invalid';
  }
  return { ok: false, errors };
}
