/** The newsletter's forms, as zod schemas whose messages are catalogue keys. */
import { z } from 'zod';

const text = (max: number, message: string) =>
  z
    .string(message)
    .default('')
    .transform((value) => value.replace(/\r\n/g, '\n').trim())
    .pipe(z.string().max(max, message));

const list = (max: number, message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : typeof value === 'string' ? [value] : value))
    .pipe(z.array(z.string()).max(max, message));

/** A visitor's subscription: address, language, themes, and consent to the privacy notice. */
export const subscribeFormSchema = z.object({
  email: text(254, 'newsletter.errors.email').pipe(z.string().min(3, 'newsletter.errors.email')),
  locale: text(10, 'newsletter.errors.locale').pipe(z.string().min(2, 'newsletter.errors.locale')),
  themes: list(100, 'newsletter.errors.themes'),
  /** "yes" when ticked; checked with the other fields, so that every problem is told at once. */
  consent: text(10, 'newsletter.errors.consent'),
  /** Left empty by people; filled by bots. */
  website: text(500, 'newsletter.errors.email'),
});

export const SUBSCRIBE_FIELDS = ['email', 'locale', 'themes', 'consent'];

/** The fields of the issue form, in the order of its error summary (texts per language first). */
export const issueFields = (locales: readonly string[]): string[] => [
  ...locales.flatMap((locale) => [`subject-${locale}`, `introduction-${locale}`]),
  'picks',
  'locales',
  'themes',
  'audience',
  'archive',
];

/** Longest subject and introduction. */
export const SUBJECT_MAX = 200;
export const INTRODUCTION_MAX = 10_000;
/** Entries an issue may pick. */
export const PICKS_MAX = 30;

/** The scheduling form: a time in UTC, as a datetime-local field gives it. */
export const scheduleFormSchema = z.object({
  scheduledAt: text(30, 'newsletter.errors.scheduledAt').pipe(
    z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'newsletter.errors.scheduledAt'),
  ),
});
