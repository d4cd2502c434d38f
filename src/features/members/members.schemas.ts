/** Form schemas of the members module. Messages are catalogue keys. */
import { z } from 'zod';
import { MEMBERSHIPS, ORGANISATION_KINDS } from './members.repository.js';

const text = (max: number, required: string) =>
  z.string().trim().min(1, required).max(max, 'membership.errors.tooLong');

/** A web address starting with http(s), or nothing. */
const website = z
  .string()
  .trim()
  .max(500, 'membership.errors.tooLong')
  .refine(
    (value) => value === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(value),
    'membership.errors.websiteInvalid',
  )
  .optional()
  .default('');

/** A country code (ISO 3166-1 alpha-2), or nothing. */
const optionalCountry = z
  .string()
  .optional()
  .default('')
  .refine((value) => value === '' || /^[A-Z]{2}$/.test(value), 'membership.errors.countryRequired');

/** Guest members are the reference European human rights cities (the seeds' "Who we are"). */
const guestIsACity = {
  path: ['membership'],
  message: 'membership.errors.guestIsACity',
};

export const applicationFormSchema = z
  .object({
    name: text(200, 'membership.errors.nameRequired'),
    kind: z.enum(ORGANISATION_KINDS, 'membership.errors.kindRequired'),
    membership: z.enum(['guest', 'associate'], 'membership.errors.membershipRequired'),
    country: z.string().regex(/^[A-Z]{2}$/, 'membership.errors.countryRequired'),
    city: z.string().trim().max(200, 'membership.errors.tooLong').optional().default(''),
    website,
    motivation: text(4000, 'membership.errors.motivationRequired'),
    contactName: text(200, 'membership.errors.contactNameRequired'),
    contactEmail: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email('membership.errors.emailInvalid').max(254, 'membership.errors.emailInvalid')),
    consent: z.literal('yes', 'membership.errors.consentRequired'),
  })
  .refine((form) => form.membership !== 'guest' || form.kind === 'municipality', guestIsACity);

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

/** A form value that may come once (a string) or several times (an array), as a list. */
const list = z.preprocess(
  (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string().max(100, 'membership.errors.tooLong')).max(100, 'membership.errors.tooLong'),
);

const optionalText = (max: number) =>
  z.string().trim().max(max, 'membership.errors.tooLong').optional().default('');

const optionalNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .default('')
    .transform((value) => value.replace(',', '.'))
    .refine(
      (value) =>
        value === '' ||
        (Number.isFinite(Number(value)) && Number(value) >= min && Number(value) <= max),
      message,
    )
    .transform((value) => (value === '' ? null : Number(value)));

/** "a, b\nc" → ["a", "b", "c"]: short free words, without repeats. */
export const wordList = z
  .string()
  .optional()
  .default('')
  .transform((value) => [
    ...new Set(
      value
        .split(/[,;\n]/)
        .map((word) => word.trim().replace(/\s+/g, ' '))
        .filter(Boolean),
    ),
  ])
  .refine((words) => words.length <= 30, 'membership.errors.tooManyWords')
  .refine((words) => words.every((word) => word.length <= 80), 'membership.errors.wordTooLong');

/** The organisation profile; descriptions come as description_<locale> fields. */
export const profileFormSchema = (locales: readonly string[]) =>
  z
    .object({
      ...Object.fromEntries(locales.map((locale) => [`description_${locale}`, optionalText(8000)])),
      country: optionalCountry,
      city: optionalText(200),
      latitude: optionalNumber(-90, 90, 'membership.errors.latitude'),
      longitude: optionalNumber(-180, 180, 'membership.errors.longitude'),
      website,
      themes: list,
      sdgs: list,
      expertise: wordList,
      contactName: optionalText(200),
      contactEmail: z
        .string()
        .trim()
        .toLowerCase()
        .max(254, 'membership.errors.emailInvalid')
        .refine(
          (value) => value === '' || z.email().safeParse(value).success,
          'membership.errors.emailInvalid',
        )
        .optional()
        .default(''),
      contactPhone: z
        .string()
        .trim()
        .max(40, 'membership.errors.tooLong')
        .refine(
          (value) => value === '' || /^\+?[0-9 ().-]{5,}$/.test(value),
          'membership.errors.phoneInvalid',
        )
        .optional()
        .default(''),
    })
    .refine((form) => (form.latitude === null) === (form.longitude === null), {
      path: ['latitude'],
      message: 'membership.errors.positionPair',
    });

export const inviteFormSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('membership.errors.emailInvalid').max(254, 'membership.errors.emailInvalid')),
  role: z.enum(['member', 'admin'], 'membership.errors.inviteRole'),
});

export const joinFormSchema = z.object({
  message: optionalText(2000),
});

export const joinDecisionSchema = z.object({
  decision: z.enum(['accept', 'decline'], 'membership.errors.joinDecision'),
});

export const MEMBERSHIP_STATUSES = ['active', 'lapsed', 'left'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const statusFormSchema = z
  .object({
    status: z.enum(MEMBERSHIP_STATUSES, 'membership.errors.status'),
    reason: optionalText(2000),
  })
  .refine((form) => form.status === 'active' || form.reason.length > 0, {
    path: ['reason'],
    message: 'membership.errors.statusReason',
  });

/** What an organisation is and how it belongs to the network, as an administrator sets them. */
export const classFormSchema = z
  .object({
    kind: z.enum(ORGANISATION_KINDS, 'membership.errors.kindRequired'),
    membership: z.enum(MEMBERSHIPS, 'membership.errors.membershipRequired'),
  })
  .refine((form) => form.membership !== 'guest' || form.kind === 'municipality', guestIsACity);

const visibility = z.enum(['public', 'members', 'nobody'], 'people.errors.visibility');

/** A person's profile, and who may see each field. */
export const personProfileSchema = z.object({
  affiliation: optionalText(200),
  position: optionalText(200),
  country: optionalCountry,
  languages: list,
  expertise: wordList,
  themes: list,
  visibility_affiliation: visibility,
  visibility_position: visibility,
  visibility_country: visibility,
  visibility_languages: visibility,
  visibility_expertise: visibility,
  visibility_themes: visibility,
  inDirectory: z
    .string()
    .optional()
    .transform((value) => value === 'yes'),
});

export const introductionSchema = z.object({
  message: z
    .string()
    .trim()
    .min(20, 'people.errors.messageShort')
    .max(2000, 'membership.errors.tooLong'),
});
