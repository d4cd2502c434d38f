/**
 * Sent issues as a kind of content: the archive's feed, a page per issue in the sitemap, the site
 * search and the Article data of an issue's page, each read through the archive's one
 * visibility-filtered query as the reader. Not in the JSON API nor exported: an issue is a
 * message whose substance, the entries it picked, is there already through their own kinds; its
 * introduction is on its page and in the feed. The canary is an issue archived for members only.
 */
import { sql } from 'drizzle-orm';
import { defineKind, type FeedEntry, type MetadataReader } from '../../channels/kind.js';
import { isUuid } from '../../platform/db/columns.js';
import type { EntryMetadata } from '../../ui/components/metadata.js';
import { excerpt } from '../../ui/format.js';
import { textsIn } from './issue.js';
import { NEWSLETTER_KIND } from './editing.service.js';
import type { Newsletter, NewslettersRepository } from './newsletters.repository.js';

export const issuePath = (letter: { id: string }) => `/newsletter/archive/${letter.id}`;

/** Every sent issue a reader may read (the archive is small: one issue a month or so). */
const ALL = 1000;

/** What an issue's page tells link previews and search engines. */
export function issueMetadata(letter: Newsletter, reader: MetadataReader): EntryMetadata {
  const texts = textsIn(letter, reader.locale);
  const url = `${reader.publicUrl}/${reader.locale}${issuePath(letter)}`;
  return {
    openGraph: {
      type: 'article',
      title: texts.subject,
      description: excerpt(texts.introduction, 200) || null,
      url,
      locale: texts.locale,
    },
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: texts.subject,
      description: excerpt(texts.introduction, 300),
      url,
      inLanguage: texts.locale,
      datePublished: (letter.sentAt ?? letter.updatedAt).toISOString(),
      publisher: { '@type': 'Organization', name: reader.text('common.site.name') },
    },
  };
}

export function newsletterKind(deps: { newsletters: NewslettersRepository }) {
  const { newsletters } = deps;
  const entryOf = (letter: Newsletter, locale: string): FeedEntry => {
    const texts = textsIn(letter, locale);
    return {
      key: letter.id,
      path: issuePath(letter),
      title: texts.subject,
      summary: excerpt(texts.introduction, 500),
      date: letter.sentAt ?? letter.updatedAt,
      categories: [],
    };
  };
  return defineKind({
    name: NEWSLETTER_KIND,
    plural: 'newsletters',
    feeds: [
      {
        path: '/newsletter/archive',
        title: async (_params, t) => t.t('newsletter.archive.feedTitle'),
        async read(viewer, _params, t, limit) {
          const rows = await newsletters.latestArchived(viewer, limit);
          return rows.map((letter) => entryOf(letter, t.locale));
        },
      },
    ],
    sitemap: {
      count: async (viewer) => (await newsletters.archived(viewer, 1, 1)).total,
      async read(viewer, offset, limit) {
        const { rows } = await newsletters.archived(viewer, 1, ALL);
        return rows
          .slice(offset, offset + limit)
          .map((letter) => ({ path: issuePath(letter), updatedAt: letter.updatedAt }));
      },
    },
    api: null,
    export: null,
    search: {
      async documents(viewer) {
        const { rows } = await newsletters.archived(viewer, 1, ALL);
        return rows.flatMap((letter) =>
          Object.entries(letter.texts)
            .filter(([, texts]) => texts.subject !== '')
            .map(([locale, texts]) => ({
              key: letter.id,
              locale,
              title: texts.subject,
              snippet: excerpt(texts.introduction, 200) || null,
              text: texts.introduction,
              url: issuePath(letter),
              date: letter.sentAt ?? letter.updatedAt,
            })),
        );
      },
    },
    metadata: {
      async describe(viewer, key, reader) {
        const letter = isUuid(key) ? await newsletters.findArchived(viewer, key) : null;
        if (letter === null || letter === 'members-only') return letter;
        return issueMetadata(letter, reader);
      },
    },
    follow: null,
    canary: {
      async plant(db, text) {
        const texts = { en: { subject: `${text} issue`, introduction: `${text} introduction` } };
        const planted = await db.execute<{ id: string }>(sql`
          INSERT INTO newsletters (status, default_locale, texts, archive, started_at, sent_at)
          VALUES ('sent', 'en', ${JSON.stringify(texts)}::jsonb, 'members', now(), now())
          RETURNING id`);
        return { key: planted.rows[0]?.id ?? '' };
      },
    },
  });
}
