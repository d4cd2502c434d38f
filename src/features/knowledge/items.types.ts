/**
 * The kinds of knowledge item, what each holds beyond title, summary and body, and the editorial
 * states. Pure data: pages, forms, validation and search all read it from here.
 */
import type { KnowledgeSection } from './knowledge.sections.js';

export const ITEM_TYPES = [
  'publication',
  'resource',
  'practice',
  'institution',
  'thematic-issue',
  'news',
  'page',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export function isItemType(value: unknown): value is ItemType {
  return typeof value === 'string' && (ITEM_TYPES as readonly string[]).includes(value);
}

/** Sections items can be listed in (the useful links are a directory of their own). */
export const ITEM_SECTIONS = [
  'publications',
  'good-practices',
  'institutions',
  'thematic-issues',
  'other-issues',
  'human-rights-framework',
  'work-in-progress',
] as const satisfies readonly KnowledgeSection[];
export type ItemSection = (typeof ITEM_SECTIONS)[number];

/** Where a new item of each type is listed unless the editor chooses otherwise. */
export const DEFAULT_SECTION: Record<ItemType, ItemSection> = {
  publication: 'publications',
  resource: 'publications',
  practice: 'good-practices',
  institution: 'institutions',
  'thematic-issue': 'thematic-issues',
  news: 'other-issues',
  page: 'work-in-progress',
};

/**
 * Translated Markdown fields of a type, beyond title, summary and body. A good practice is a
 * structured case record.
 */
export const TYPE_FIELDS = {
  practice: ['problem', 'approach', 'results', 'successFactors', 'transferability', 'contacts'],
} as const satisfies Partial<Record<ItemType, readonly string[]>>;
export type ItemField = (typeof TYPE_FIELDS)['practice'][number];

export function fieldsOf(type: ItemType): readonly ItemField[] {
  return type === 'practice' ? TYPE_FIELDS.practice : [];
}

/** Untranslated facts of a type (plain text; `url` is an http(s) address). */
export const TYPE_ATTRIBUTES = {
  publication: ['authors', 'publisher', 'url'],
  resource: ['resourceKind', 'url'],
  practice: ['city'],
  institution: ['url'],
  'thematic-issue': [],
  news: ['url', 'source'],
  page: [],
} as const satisfies Record<ItemType, readonly string[]>;
export type ItemAttribute = (typeof TYPE_ATTRIBUTES)[ItemType][number];

export const RESOURCE_KINDS = ['tool', 'methodology', 'model', 'guide'] as const;

/** Parts of an item that can be for members only; title and summary follow the whole item. */
export function restrictableFields(type: ItemType): readonly string[] {
  return ['body', ...fieldsOf(type)];
}

/** A good practice's public summary, and its detail for the members layer, by default. */
export const DEFAULT_RESTRICTED: Record<ItemType, readonly string[]> = {
  publication: [],
  resource: [],
  practice: ['results', 'successFactors', 'transferability', 'contacts'],
  institution: [],
  'thematic-issue': [],
  news: [],
  page: [],
};

export const ITEM_STATUSES = ['draft', 'review', 'published', 'archived'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The moves an editor may make from each state. */
export const TRANSITIONS: Record<ItemStatus, readonly ItemStatus[]> = {
  draft: ['review', 'published'],
  review: ['draft', 'published'],
  published: ['draft', 'archived'],
  archived: ['draft'],
};

export const TRANSLATION_STATUSES = ['original', 'reviewed', 'needs-review'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];
