/** The editors' forms for Knowledge Centre items. Messages are catalogue keys. */
import { z } from 'zod';
import {
  ITEM_SECTIONS,
  ITEM_STATUSES,
  RESOURCE_KINDS,
  TYPE_ATTRIBUTES,
  fieldsOf,
  restrictableFields,
  type ItemType,
} from './items.types.js';

const tooLong = 'editor.errors.tooLong';

/** A form value that may come once (a string) or several times (an array), as a list. */
const list = (max: number) =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.string().max(100, tooLong)).max(max, tooLong),
  );

const optionalText = (max: number) => z.string().trim().max(max, tooLong).optional().default('');

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** The item form; the type comes from the address, not the form, and decides the fields. */
export function itemFormSchema(type: ItemType, themeKeys: ReadonlySet<string>) {
  const attributes = Object.fromEntries(
    TYPE_ATTRIBUTES[type].map((name) => [
      `attr_${name}`,
      name === 'url'
        ? optionalText(1000).refine((value) => value === '' || URL.test(value), 'editor.errors.url')
        : name === 'resourceKind'
          ? z
              .enum(['', ...RESOURCE_KINDS], 'editor.errors.resourceKind')
              .optional()
              .default('')
          : optionalText(500),
    ]),
  );
  const fields = Object.fromEntries(
    fieldsOf(type).map((name) => [`field_${name}`, optionalText(20_000)]),
  );
  return z.object({
    title: z.string().trim().min(1, 'editor.errors.titleRequired').max(300, tooLong),
    summary: optionalText(1000),
    body: optionalText(100_000),
    ...fields,
    ...attributes,
    slug: optionalText(80).refine(
      (value) => value === '' || SLUG.test(value),
      'editor.errors.slug',
    ),
    section: z.enum(ITEM_SECTIONS, 'editor.errors.section'),
    access: z.enum(['public', 'members'], 'editor.errors.access'),
    date: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'editor.errors.date')
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'editor.errors.date'),
    restricted: list(20).refine(
      (values) => values.every((value) => restrictableFields(type).includes(value)),
      'editor.errors.invalid',
    ),
    themes: list(100).refine(
      (values) => values.every((value) => themeKeys.has(value)),
      'editor.errors.theme',
    ),
    sdgs: list(17)
      .transform((values) => values.map(Number))
      .refine(
        (values) => values.every((value) => Number.isInteger(value) && value >= 1 && value <= 17),
        'editor.errors.sdg',
      ),
    rights: list(30)
      .transform((values) => values.map(Number))
      .refine(
        (values) => values.every((value) => Number.isInteger(value) && value >= 1 && value <= 30),
        'editor.errors.right',
      ),
    countries: list(249).refine(
      (values) => values.every((value) => /^[A-Z]{2}$/.test(value)),
      'editor.errors.country',
    ),
    sdgTargets: optionalText(2000)
      .transform((value) => value.split(/[\s,;]+/).filter(Boolean))
      .refine(
        (values) => values.every((value) => /^(1[0-7]|[1-9])\.([1-9]|1[0-9]|[a-d])$/.test(value)),
        'editor.errors.sdgTargets',
      ),
    related: optionalText(4000)
      .transform((value) => [...new Set(value.split(/[\s,]+/).filter(Boolean))])
      .refine((values) => values.every((value) => SLUG.test(value)), 'editor.errors.related'),
    translationStatus: z.enum(['reviewed', 'needs-review']).optional().default('reviewed'),
  });
}

export const statusFormSchema = z.object({
  status: z.enum(ITEM_STATUSES, 'editor.errors.status'),
  /** A local date and time from <input type="datetime-local">, in UTC; empty for now. */
  publishAt: z
    .string()
    .trim()
    .optional()
    .default('')
    .refine(
      (value) => value === '' || !Number.isNaN(Date.parse(`${value}Z`)),
      'editor.errors.publishAt',
    ),
});

/** The order of the form's fields, for the error summary. */
export function itemFormFields(type: ItemType): string[] {
  return [
    'title',
    'summary',
    'body',
    ...fieldsOf(type).map((name) => `field_${name}`),
    ...TYPE_ATTRIBUTES[type].map((name) => `attr_${name}`),
    'slug',
    'section',
    'access',
    'date',
    'restricted',
    'themes',
    'sdgs',
    'sdgTargets',
    'rights',
    'countries',
    'related',
  ];
}
