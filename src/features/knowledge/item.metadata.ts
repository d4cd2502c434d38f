/**
 * An item's page as link previews and search engines read it: Open Graph and schema.org, built
 * from the item as the reader reads it (never a withheld part). The page and the item kind's
 * `metadata` both use it.
 */
import type { EntryMetadata, MetadataReader } from '../../ui/components/metadata.js';
import type { ItemView } from './item.repository.js';
import type { ItemType } from './items.types.js';

/** schema.org types: a publication may be a book, a report or an article, so a creative work. */
const SCHEMA_TYPES: Record<ItemType, string> = {
  publication: 'CreativeWork',
  resource: 'CreativeWork',
  practice: 'Article',
  institution: 'Organization',
  'thematic-issue': 'Article',
  news: 'NewsArticle',
  page: 'WebPage',
};

const organisation = (name: string) => ({ '@type': 'Organization', name });

export function itemMetadata(item: ItemView, reader: MetadataReader): EntryMetadata {
  const url = `${reader.publicUrl}/${reader.locale}/knowledge/${item.section}/${item.slug}`;
  const description = item.summary || null;
  const { authors, publisher } = item.attributes;
  const jsonLd: Record<string, unknown> =
    item.type === 'institution'
      ? {
          '@context': 'https://schema.org',
          '@type': SCHEMA_TYPES.institution,
          name: item.title,
          description: description ?? undefined,
          url: item.attributes.url || url,
          mainEntityOfPage: url,
        }
      : {
          '@context': 'https://schema.org',
          '@type': SCHEMA_TYPES[item.type],
          name: item.title,
          headline: item.title,
          description: description ?? undefined,
          inLanguage: item.locale,
          url,
          datePublished: item.date,
          dateModified: item.updatedAt.toISOString(),
          author: authors ? organisation(authors) : undefined,
          publisher: organisation(publisher || reader.text('common.site.name')),
          keywords: item.themes.map((key) => reader.text(`vocabularies.theme.${key}`)),
          isAccessibleForFree: true,
        };
  return {
    openGraph: { type: 'article', title: item.title, description, url, locale: item.locale },
    jsonLd,
  };
}
