/** The ask form of the Experts' facility. Messages are catalogue keys. */
import { z } from 'zod';

export const QUESTION_MIN_LENGTH = 20;
export const QUESTION_MAX_LENGTH = 4000;

const optionalText = (max: number) =>
  z.string().trim().max(max, 'experts.errors.tooLong').optional().default('');

export const askFormSchema = z.object({
  name: optionalText(200),
  /** Required of visitors; a signed-in person's account address is used instead. */
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'experts.errors.emailInvalid')
    .optional()
    .default(''),
  theme: z.string().trim().min(1, 'experts.errors.themeRequired').max(100),
  country: z
    .string()
    .regex(/^([A-Z]{2})?$/, 'experts.errors.countryInvalid')
    .optional()
    .default(''),
  question: z
    .string()
    .trim()
    .min(QUESTION_MIN_LENGTH, 'experts.errors.questionTooShort')
    .max(QUESTION_MAX_LENGTH, 'experts.errors.tooLong'),
  keepPrivate: z
    .literal('yes')
    .optional()
    .transform((value) => value === 'yes'),
  consent: z.literal('yes', 'experts.errors.consentRequired'),
  /** The honeypot: a field people do not see and leave empty. */
  website: z.string().optional().default(''),
  /** When the form was sent to the browser, signed by the server. */
  started: z.string().optional().default(''),
});

export type AskForm = z.infer<typeof askFormSchema>;
