/** The desk's forms: triage, notes, the expert's draft and the editors' answer. Messages are catalogue keys. */
import { z } from 'zod';
import { PUBLICATIONS } from './experts.repository.js';

export const ANSWER_MAX_LENGTH = 20_000;
export const NOTE_MAX_LENGTH = 4_000;
/** A reason told to an asker is more than a word. */
export const REASON_MIN_LENGTH = 10;
export const LINKS_MAX = 12;

const listOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((entry): entry is string => typeof entry === 'string')
    : typeof value === 'string' && value !== ''
      ? [value]
      : [];

export const assignFormSchema = z.object({
  experts: z.preprocess(listOf, z.array(z.uuid()).min(1, 'experts.desk.errors.chooseExpert')),
  dueOn: z.iso.date('experts.desk.errors.dueInvalid'),
});

export const rejectFormSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(REASON_MIN_LENGTH, 'experts.desk.errors.reasonRequired')
    .max(NOTE_MAX_LENGTH, 'experts.errors.tooLong'),
});

export const mergeFormSchema = z.object({
  into: z.uuid('experts.desk.errors.mergeChoose'),
});

export const noteFormSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, 'experts.desk.errors.noteRequired')
    .max(NOTE_MAX_LENGTH, 'experts.errors.tooLong'),
});

/** The version of the answer the writer started from: the time of the save they saw, or empty. */
const basedOn = z
  .string()
  .optional()
  .default('')
  .refine((value) => value === '' || !Number.isNaN(Date.parse(value)), 'errors.badRequest.message')
  .transform((value) => (value === '' ? null : new Date(value)));

export const draftFormSchema = z.object({
  answer: z.string().trim().max(ANSWER_MAX_LENGTH, 'experts.errors.tooLong'),
  credited: z
    .literal('yes')
    .optional()
    .transform((value) => value === 'yes'),
  basedOn,
  intent: z.enum(['save', 'submit']).optional().default('save'),
});

/** "https://… Title" per line: the address, then what the link is called. */
const linksText = z
  .string()
  .optional()
  .default('')
  .transform((text, context) => {
    const links: { url: string; title: string }[] = [];
    for (const line of text.split('\n').map((entry) => entry.trim())) {
      if (!line) continue;
      const [url = '', ...words] = line.split(/\s+/);
      const parsed = URL.canParse(url) ? new URL(url) : null;
      if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
        context.addIssue({ code: 'custom', message: 'experts.desk.errors.linkInvalid' });
        return z.NEVER;
      }
      links.push({ url: parsed.href, title: words.join(' ').slice(0, 200) });
    }
    if (links.length > LINKS_MAX) {
      context.addIssue({ code: 'custom', message: 'experts.desk.errors.tooManyLinks' });
      return z.NEVER;
    }
    return links;
  });

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const answerFormSchema = z.object({
  publicQuestion: z.string().trim().max(ANSWER_MAX_LENGTH, 'experts.errors.tooLong'),
  summary: z.string().trim().max(1_000, 'experts.errors.tooLong'),
  answer: z.string().trim().max(ANSWER_MAX_LENGTH, 'experts.errors.tooLong'),
  links: linksText,
  related: z
    .string()
    .optional()
    .default('')
    .transform((text) => [
      ...new Set(
        text
          .split(/[\s,]+/)
          .map((slug) => slug.trim())
          .filter(Boolean),
      ),
    ])
    .refine(
      (slugs) => slugs.every((slug) => SLUG.test(slug)),
      'experts.desk.errors.relatedUnknown',
    ),
  publication: z.enum(PUBLICATIONS).optional(),
  basedOn,
  intent: z.enum(['save', 'publish']).optional().default('save'),
});
