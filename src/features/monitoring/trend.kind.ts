/**
 * Trend notes as a kind of content: the News feed (news items and trend notes together), a page
 * per note in the sitemap, /api/trends, the trends as CSV or JSON, the site search and the
 * Article data of a note's page — each read through the trends repository as the reader.
 * The canary is a members-only note.
 */
import type { Db } from '../../platform/db/database.js';
import { sql } from 'drizzle-orm';
import { defineKind, type FeedEntry, type MetadataReader } from '../../channels/kind.js';
import type { EntryMetadata } from '../../ui/components/metadata.js';
import { excerpt } from '../../ui/format.js';
import type { Viewer } from '../access/index.js';
import { isUuid } from '../../platform/db/columns.js';
import { firstValue, pageOf, type Query } from '../../platform/http/query.js';
import type { TrendNote, TrendsRepository } from './trends.repository.js';
import type { NewsItems } from './news.js';
import { trendFollow } from './trend.follow.js';

export const trendPath = (note: { id: string }) => `/news/trends/${note.id}`;

/** What a note's page tells link previews and search engines. */
export function trendMetadata(note: TrendNote, reader: MetadataReader): EntryMetadata {
  const url = `${reader.publicUrl}/${reader.locale}${trendPath(note)}`;
  return {
    openGraph: {
      type: 'article',
      title: note.title,
      description: excerpt(note.note, 200) || null,
      url,
      locale: note.locale,
    },
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: note.title,
      description: excerpt(note.note, 300),
      url,
      inLanguage: note.locale,
      datePublished: note.date.toISOString(),
      dateModified: note.updatedAt.toISOString(),
      about: reader.text(`vocabularies.theme.${note.theme}`),
      isBasedOn: note.url || undefined,
      sourceOrganization: { '@type': 'Organization', name: note.sourceName },
      publisher: { '@type': 'Organization', name: reader.text('common.site.name') },
    },
  };
}

const noteEntry = (note: TrendNote): FeedEntry => ({
  key: note.id,
  path: trendPath(note),
  title: note.title,
  summary: excerpt(note.note, 500),
  date: note.date,
  categories: [{ term: note.theme, name: note.theme }],
});

const summarySchema = {
  type: 'object',
  required: ['id', 'title', 'note', 'source', 'link', 'theme', 'language', 'date', 'url'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    title: { type: 'string' },
    note: { type: 'string', description: 'The editors’ note, Markdown.' },
    source: { type: 'string' },
    link: { type: 'string', description: 'Where the development was reported.' },
    theme: { type: 'string' },
    countries: { type: 'array', items: { type: 'string' } },
    language: { type: 'string' },
    date: { type: 'string', format: 'date-time' },
    url: { type: 'string', format: 'uri' },
  },
};

export function trendKind(deps: {
  db: Db;
  trends: TrendsRepository;
  news: NewsItems;
  publicUrl: string;
  themeKeys(): Promise<readonly string[]>;
}) {
  const { trends, publicUrl } = deps;
  const present = (note: TrendNote, locale: string) => ({
    id: note.id,
    title: note.title,
    note: note.note,
    source: note.sourceName,
    link: note.url,
    theme: note.theme,
    countries: note.countries,
    language: note.locale,
    date: note.date.toISOString(),
    url: `${publicUrl}/${locale}${trendPath(note)}`,
  });
  const filterOf = async (query: Query) => {
    const theme = firstValue(query.theme);
    const country = firstValue(query.country);
    return {
      theme: theme && (await deps.themeKeys()).includes(theme) ? theme : undefined,
      country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    };
  };
  return defineKind({
    name: 'trend',
    plural: 'trends',
    feeds: [
      {
        path: '/news',
        title: async (_params, t) => t.t('monitoring.news.feedTitle'),
        async read(viewer: Viewer, _params, t, limit) {
          const [notes, items] = await Promise.all([
            trends.latest(viewer, limit),
            deps.news.latest(viewer, t.locale, limit),
          ]);
          return [...notes.map(noteEntry), ...items]
            .sort((a, b) => b.date.getTime() - a.date.getTime())
            .slice(0, limit);
        },
      },
    ],
    sitemap: {
      count: async (viewer) => (await trends.list(viewer, {}, 1, 1)).total,
      async read(viewer, offset, limit) {
        const notes = await trends.all(viewer);
        return notes
          .slice(offset, offset + limit)
          .map((note) => ({ path: trendPath(note), updatedAt: note.updatedAt }));
      },
    },
    api: {
      key: 'id',
      parameters: [
        { name: 'theme', in: 'query', description: 'A theme key.', schema: { type: 'string' } },
        {
          name: 'country',
          in: 'query',
          description: 'ISO 3166-1 alpha-2 code.',
          schema: { type: 'string' },
        },
        {
          name: 'page',
          in: 'query',
          description: 'Page of results, from 1 (30 a page).',
          schema: { type: 'integer', minimum: 1, default: 1 },
        },
      ],
      summaries: {
        list: 'List the trend notes, newest first.',
        find: 'One trend note.',
      },
      schemas: { summary: summarySchema, detail: summarySchema },
      descriptions: {
        list: 'One page of trend notes.',
        find: 'The trend note.',
        membersOnly: 'The note is for members of the network only.',
        notFound: 'No such trend note.',
      },
      async list(viewer, query, locale) {
        const listed = await trends.list(viewer, await filterOf(query), pageOf(query), 30);
        return {
          page: listed.page,
          pages: listed.pages,
          total: listed.total,
          items: listed.rows.map((note) => present(note, locale)),
        };
      },
      async find(viewer, key, locale) {
        const note = isUuid(key) ? await trends.find(viewer, key) : null;
        if (note === null || note === 'members-only') return note;
        return present(note, locale);
      },
    },
    export: {
      path: '/news/trends',
      accepts: () => true,
      fileName: () => 'trends',
      async rows(viewer, _params, query, locale, limit) {
        const listed = await trends.list(viewer, await filterOf(query), 1, limit);
        return listed.rows.map((note) => {
          const row = present(note, locale);
          return { ...row, countries: row.countries.join(' ') };
        });
      },
    },
    search: {
      async documents(viewer) {
        return (await trends.all(viewer)).map((note) => ({
          key: note.id,
          locale: note.locale,
          title: note.title,
          snippet: excerpt(note.note, 200) || null,
          text: `${note.note}\n${note.sourceName}`,
          url: trendPath(note),
          date: note.date,
        }));
      },
    },
    metadata: {
      async describe(viewer, key, reader) {
        const note = isUuid(key) ? await trends.find(viewer, key) : null;
        if (note === null || note === 'members-only') return note;
        return trendMetadata(note, reader);
      },
    },
    follow: trendFollow(deps.db),
    canary: {
      async plant(db, text) {
        const planted = await db.execute<{ id: string }>(sql`
          INSERT INTO trend_notes (title, note, url, source_name, locale, theme, access, date)
          VALUES (${`${text} trend`}, ${`${text} note`}, 'https://example.org/canary',
                  ${`${text} source`}, 'en', 'housing', 'members', now())
          RETURNING id`);
        return { key: planted.rows[0]?.id ?? '' };
      },
    },
  });
}
