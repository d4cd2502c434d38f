/** The forms of the dialogue, as zod schemas whose messages are catalogue keys. */
import { z } from 'zod';
import {
  FLAG_REASONS,
  POST_MAX,
  SPACE_AUDIENCES,
  TITLE_MAX,
  type ThreadsFilterShow,
} from './dialogue.types.js';

const trimmed = (max: number, message: string) =>
  z
    .string(message)
    .transform((value) => value.replace(/\r\n/g, '\n').trim())
    .pipe(z.string().min(1, message).max(max, message));

/** A post's words: Markdown, not empty, at most POST_MAX characters. */
export const postBody = trimmed(POST_MAX, 'dialogue.errors.body');

export const threadFormSchema = z.object({
  title: z
    .string('dialogue.errors.title')
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(5, 'dialogue.errors.title').max(TITLE_MAX, 'dialogue.errors.title')),
  body: postBody,
  theme: z.string('dialogue.errors.theme').default(''),
});

export const replyFormSchema = z.object({ body: postBody });

export const editFormSchema = z.object({
  body: postBody,
  title: z.string().optional(),
});

export const flagFormSchema = z.object({
  reason: z.enum(FLAG_REASONS, 'dialogue.errors.flagReason'),
  note: z
    .string()
    .default('')
    .transform((value) => value.trim())
    .pipe(z.string().max(1000, 'dialogue.errors.flagNote')),
});

/** A moderator's reason for hiding a post or suspending a person: told to them. */
export const reasonSchema = trimmed(1000, 'dialogue.errors.reason');

const list = (max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.string()).max(max));

export const spaceFormSchema = z.object({
  slug: z
    .string('dialogue.errors.slug')
    .transform((value) => value.trim().toLowerCase())
    .pipe(
      z
        .string()
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'dialogue.errors.slug')
        .max(80),
    ),
  name: trimmed(120, 'dialogue.errors.name'),
  description: z
    .string()
    .default('')
    .transform((value) => value.trim())
    .pipe(z.string().max(5000, 'dialogue.errors.description')),
  locale: z.string('dialogue.errors.locale'),
  languages: list(20),
  audience: z.enum(SPACE_AUDIENCES, 'dialogue.errors.audience'),
  organisations: list(200),
  theme: z.string().default(''),
  eventSlug: z
    .string()
    .default('')
    .transform((value) => value.trim()),
  itemPath: z
    .string()
    .default('')
    .transform((value) => value.trim()),
  archived: z
    .string()
    .optional()
    .transform((value) => value === 'on' || value === 'true'),
  /** The addresses of the people appointed to moderate it, one per line (or comma). */
  moderators: z
    .string()
    .default('')
    .transform((value) =>
      [...new Set(value.split(/[\s,;]+/).map((address) => address.trim().toLowerCase()))].filter(
        Boolean,
      ),
    )
    .pipe(z.array(z.string().max(254)).max(50, 'dialogue.errors.moderators')),
});

export type SpaceForm = z.infer<typeof spaceFormSchema>;

/** The list of a space's threads: every one by latest activity, or the unanswered. */
export function threadsShow(value: unknown): ThreadsFilterShow {
  return value === 'unanswered' ? 'unanswered' : 'latest';
}
