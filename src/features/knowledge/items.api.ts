/**
 * Knowledge Centre items in the JSON API: what an entry of a list and one item carry, and the
 * filters a list understands, described for OpenAPI.
 */
import { ITEM_SECTIONS, ITEM_TYPES } from './items.types.js';
import type { ItemSummaryView, ItemView } from './items.repository.js';

export const filterParameters = [
  {
    name: 'type',
    in: 'query',
    description: 'Kind of item.',
    schema: { type: 'string', enum: [...ITEM_TYPES] },
  },
  {
    name: 'theme',
    in: 'query',
    description: 'Theme key, e.g. housing.',
    schema: { type: 'string' },
  },
  {
    name: 'sdg',
    in: 'query',
    description: 'Sustainable Development Goal, 1 to 17.',
    schema: { type: 'integer', minimum: 1, maximum: 17 },
  },
  {
    name: 'country',
    in: 'query',
    description: 'ISO 3166-1 alpha-2 country code.',
    schema: { type: 'string', pattern: '^[A-Z]{2}$' },
  },
  {
    name: 'language',
    in: 'query',
    description: 'Items that have a text in this language.',
    schema: { type: 'string' },
  },
  {
    name: 'year',
    in: 'query',
    description: 'Year of the item’s date.',
    schema: { type: 'integer' },
  },
  {
    name: 'page',
    in: 'query',
    description: 'Page of results, from 1.',
    schema: { type: 'integer', minimum: 1, default: 1 },
  },
];

export const itemSummary = {
  type: 'object',
  required: ['type', 'section', 'slug', 'title', 'summary', 'language', 'date', 'themes', 'url'],
  properties: {
    type: { type: 'string', enum: [...ITEM_TYPES] },
    section: { type: 'string', enum: [...ITEM_SECTIONS] },
    slug: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    language: { type: 'string', description: 'Language of the title and summary.' },
    date: { type: 'string', format: 'date' },
    themes: { type: 'array', items: { type: 'string' } },
    url: { type: 'string', format: 'uri' },
  },
};

/** The list's own parameters, before the filters shared with search. */
export const listParameters = [
  {
    name: 'section',
    in: 'query',
    description: 'Knowledge Centre section.',
    schema: { type: 'string', enum: [...ITEM_SECTIONS] },
  },
  {
    name: 'right',
    in: 'query',
    description: 'Article of the Universal Declaration of Human Rights, 1 to 30.',
    schema: { type: 'integer', minimum: 1, maximum: 30 },
  },
  ...filterParameters,
];

/** One item, beyond its summary. */
export const itemDetail = {
  type: 'object',
  properties: {
    body: { type: ['string', 'null'] },
    fields: {
      type: 'object',
      additionalProperties: { type: ['string', 'null'] },
    },
    withheld: { type: 'array', items: { type: 'string' } },
    attributes: { type: 'object', additionalProperties: { type: 'string' } },
    sdgs: { type: 'array', items: { type: 'integer' } },
    sdgTargets: { type: 'array', items: { type: 'string' } },
    rights: { type: 'array', items: { type: 'integer' } },
    countries: { type: 'array', items: { type: 'string' } },
    translations: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          language: { type: 'string' },
          status: {
            type: 'string',
            enum: ['original', 'reviewed', 'needs-review'],
          },
        },
      },
    },
    related: { type: 'array', items: itemSummary },
    files: {
      type: 'array',
      description: 'Attached files the caller may download.',
      items: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          fileName: { type: 'string' },
          mediaType: { type: 'string' },
          size: { type: 'integer', description: 'Bytes.' },
          language: { type: 'string' },
          url: { type: 'string', format: 'uri' },
        },
      },
    },
    withheldFiles: {
      type: 'integer',
      description: 'Attached files for network members only.',
    },
  },
};

/** An item in a list, in the API's words. */
export function presentSummary(item: ItemSummaryView, locale: string, publicUrl: string) {
  return {
    type: item.type,
    section: item.section,
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    language: item.locale,
    date: item.date,
    themes: item.themes,
    url: `${publicUrl}/${locale}/knowledge/${item.section}/${item.slug}`,
  };
}

/** One item, without the parts the caller may not read, in the API's words. */
export function presentItem(item: ItemView, locale: string, publicUrl: string) {
  return {
    ...presentSummary(item, locale, publicUrl),
    body: item.body,
    fields: item.fields,
    withheld: item.withheld,
    attributes: item.attributes,
    sdgs: item.sdgs,
    sdgTargets: item.sdgTargets,
    rights: item.rights,
    countries: item.countries,
    translations: item.translations.map((translation) => ({
      language: translation.locale,
      status: translation.status,
    })),
    related: item.related.map((related) => presentSummary(related, locale, publicUrl)),
    files: item.files.map((file) => ({
      title: file.title,
      fileName: file.fileName,
      mediaType: file.mediaType,
      size: file.sizeBytes,
      language: file.locale,
      url: `${publicUrl}/${locale}/files/${file.id}/${encodeURIComponent(file.fileName)}`,
    })),
    withheldFiles: item.withheldFiles,
  };
}
