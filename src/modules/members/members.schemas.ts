/** Form schemas of the members module. Messages are catalogue keys. */
import { z } from 'zod';
import { ORGANISATION_KINDS } from './members.repository.js';

const text = (max: number, required: string) =>
  z.string().trim().min(1, required).max(max, 'membership.errors.tooLong');

export const applicationFormSchema = z.object({
  name: text(200, 'membership.errors.nameRequired'),
  kind: z.enum(
    ORGANISATION_KINDS.filter((kind) => kind !== 'guest-city'),
    'membership.errors.kindRequired',
  ),
  country: z.string().regex(/^[A-Z]{2}$/, 'membership.errors.countryRequired'),
  city: z.string().trim().max(200, 'membership.errors.tooLong').optional().default(''),
  website: z
    .string()
    .trim()
    .max(500, 'membership.errors.tooLong')
    .refine(
      (value) => value === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(value),
      'membership.errors.websiteInvalid',
    )
    .optional()
    .default(''),
  motivation: text(4000, 'membership.errors.motivationRequired'),
  contactName: text(200, 'membership.errors.contactNameRequired'),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('membership.errors.emailInvalid').max(254, 'membership.errors.emailInvalid')),
  consent: z.literal('yes', 'membership.errors.consentRequired'),
});

export type ApplicationForm = z.infer<typeof applicationFormSchema>;

export const DECISIONS = ['approved', 'rejected', 'more-information'] as const;
export type Decision = (typeof DECISIONS)[number];

export const decisionFormSchema = z
  .object({
    decision: z.enum(DECISIONS, 'membership.errors.reasonRequired'),
    reason: z.string().trim().max(2000, 'membership.errors.tooLong').optional().default(''),
  })
  .refine((form) => form.decision === 'approved' || form.reason.length > 0, {
    path: ['reason'],
    message: 'membership.errors.reasonRequired',
  });
