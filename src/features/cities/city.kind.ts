/**
 * The cities' profiles as a kind of content: a feed of profiles as they are published, their
 * pages in the sitemap, /api/cities, a city's indicator values as CSV or JSON, the site search,
 * and the City data of their pages — each read through the cities service as the reader, so a
 * members-only value reaches members only. The canary is a members-only value.
 */
import type { Db } from '../../platform/db/database.js';
import { sql } from 'drizzle-orm';
import { defineKind, type FeedEntry } from '../../channels/kind.js';
import { firstValue, pageOf } from '../../platform/http/query.js';
import type { Viewer } from '../access/index.js';
import { indicatorName, type CitiesService, type ReadCity } from './cities.service.js';
import { cityMetadata } from './city.metadata.js';
import type { Indicator } from './profiles.repository.js';
import { cityFollow } from './city.follow.js';

const PAGE_SIZE = 50;

const summarySchema = {
  type: 'object',
  required: ['slug', 'name', 'membership', 'stage', 'url'],
  properties: {
    slug: { type: 'string' },
    name: { type: 'string' },
    country: { type: ['string', 'null'] },
    membership: { type: 'string', enum: ['guest', 'associate'] },
    stage: { type: ['string', 'null'] },
    published: { type: ['string', 'null'], format: 'date-time' },
    url: { type: 'string', format: 'uri' },
  },
};

export function cityKind(deps: { db: Db; cities: CitiesService; publicUrl: string }) {
  const { cities, publicUrl } = deps;
  const profiled = async (viewer: Viewer) =>
    (await cities.list(viewer)).filter((city) => city.profile !== null);
  const present = (city: ReadCity, locale: string) => ({
    slug: city.slug,
    name: city.name,
    country: city.country,
    membership: city.membership,
    stage: city.profile?.stage ?? null,
    published: city.publishedAt?.toISOString() ?? null,
    url: `${publicUrl}/${locale}/cities/${city.slug}`,
  });
  const valueRows = (city: ReadCity, indicators: readonly Indicator[], locale: string) => {
    const byKey = new Map(indicators.map((indicator) => [indicator.key, indicator]));
    return (city.profile?.values ?? []).flatMap((value) => {
      const indicator = byKey.get(value.indicator);
      if (!indicator) return [];
      return [
        {
          city: city.name,
          indicator: indicator.key,
          name: indicatorName(indicator, locale),
          year: String(value.year),
          value: String(value.value),
          unit: indicator.unit,
          source: value.source,
        },
      ];
    });
  };
  return defineKind({
    name: 'city',
    plural: 'cities',
    feeds: [
      {
        path: '/cities',
        title: async (_params, t) => t.t('cities.feed.title'),
        async read(viewer, _params, t, limit) {
          return (await profiled(viewer))
            .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
            .slice(0, limit)
            .map((city): FeedEntry => ({
              key: city.slug,
              path: `/cities/${city.slug}`,
              title: city.name,
              summary: city.profile?.stage ? t.t(`cities.stage.${city.profile.stage}`) : '',
              date: city.publishedAt ?? new Date(0),
              categories: [],
            }));
        },
      },
    ],
    sitemap: {
      count: async (viewer) => (await profiled(viewer)).length,
      async read(viewer, offset, limit) {
        return (await profiled(viewer)).slice(offset, offset + limit).map((city) => ({
          path: `/cities/${city.slug}`,
          updatedAt: city.publishedAt ?? undefined,
        }));
      },
    },
    api: {
      key: 'slug',
      parameters: [
        {
          name: 'page',
          in: 'query',
          description: `Page of results, from 1 (${PAGE_SIZE} a page).`,
          schema: { type: 'integer', minimum: 1, default: 1 },
        },
      ],
      summaries: {
        list: 'List the member cities with their stage.',
        find: 'One city’s human rights profile: stage, commitments, indicator values, practices.',
      },
      schemas: {
        summary: summarySchema,
        detail: {
          ...summarySchema,
          properties: {
            ...summarySchema.properties,
            steps: { type: 'object', additionalProperties: { type: 'string', format: 'date' } },
            commitments: { type: 'array', items: { type: 'object' } },
            values: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  indicator: { type: 'string' },
                  name: { type: 'string' },
                  year: { type: 'integer' },
                  value: { type: 'number' },
                  unit: { type: 'string' },
                  source: { type: 'string' },
                },
              },
            },
            practices: { type: 'array', items: { type: 'string' } },
            transfers: { type: 'array', items: { type: 'object' } },
          },
        },
      },
      descriptions: {
        list: 'One page of member cities.',
        find: 'The city’s profile as the reader may read it.',
        membersOnly: 'Not used: profiles are public, their members-only values left out.',
        notFound: 'No member city has this address.',
      },
      async list(viewer, query, locale) {
        const all = await cities.list(viewer);
        const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
        const page = Math.min(pageOf(query), pages);
        return {
          page,
          pages,
          total: all.length,
          items: all
            .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
            .map((city) => present(city, locale)),
        };
      },
      async find(viewer, key, locale) {
        const found = await cities.city(viewer, key, locale);
        if (!found) return null;
        const { city } = found;
        const readable = new Set(found.practices.map((practice) => practice.slug));
        return {
          ...present(city, locale),
          steps: city.profile?.steps ?? {},
          commitments: (city.profile?.commitments ?? []).map((commitment) => ({
            ...commitment,
            document: readable.has(commitment.document) ? commitment.document : '',
          })),
          values: valueRows(city, found.indicators, locale).map((row) => ({
            indicator: row.indicator,
            name: row.name,
            year: Number(row.year),
            value: Number(row.value),
            unit: row.unit,
            source: row.source,
          })),
          practices: (city.profile?.practices ?? []).filter((slug) => readable.has(slug)),
          transfers: found.takenUp.map((transfer) => ({
            practice: transfer.practice,
            from: transfer.from,
            status: transfer.status,
            started: transfer.started,
            changed: transfer.changed,
          })),
        };
      },
    },
    export: {
      path: '/cities/:city',
      accepts: (params) => /^[a-z0-9-]{1,120}$/.test(params.city ?? ''),
      fileName: (params) => `city-${params.city ?? ''}`,
      async rows(viewer, params, query, locale, limit) {
        const found = await cities.city(viewer, params.city ?? '', locale);
        if (!found) return [];
        const indicator = firstValue(query.indicator);
        return valueRows(found.city, found.indicators, locale)
          .filter((row) => !indicator || row.indicator === indicator)
          .slice(0, limit);
      },
    },
    search: {
      async documents(viewer) {
        const indicators = await cities.indicators();
        const whole = (await cities.listWhole(viewer)).filter((city) => city.profile !== null);
        return whole.map((city) => ({
          key: city.slug,
          locale: 'und',
          title: city.name,
          snippet: null,
          text: [
            city.city ?? '',
            ...(city.profile?.commitments ?? []).map((commitment) => commitment.name),
            ...valueRows(city, indicators, 'en').map((row) => `${row.name} ${row.source}`),
          ].join('\n'),
          url: `/cities/${city.slug}`,
          date: city.publishedAt ?? new Date(0),
        }));
      },
    },
    metadata: {
      async describe(viewer, key, reader) {
        const found = await cities.city(viewer, key, reader.locale);
        return found ? cityMetadata(found.city, found.indicators, reader) : null;
      },
    },
    follow: cityFollow(deps.db),
    canary: {
      async plant(db, text) {
        await db.execute(sql`
          WITH city AS (
            INSERT INTO organisations (slug, name, kind, membership, status, country)
            VALUES ('canary-city', 'Canary City', 'municipality', 'associate', 'active', 'FR')
            RETURNING id),
          indicator AS (
            INSERT INTO indicators (key, organisation_id, names, unit)
            SELECT 'canary-city-indicator', id, '{"en": "Canary measure"}'::jsonb, '%' FROM city)
          INSERT INTO city_profiles (organisation_id, draft, published, published_at)
          SELECT id, '{}'::jsonb,
                 jsonb_build_object('stage', 'committed', 'values', jsonb_build_array(
                   jsonb_build_object('indicator', 'canary-city-indicator', 'year', 2024,
                                      'value', 42, 'source', ${`${text} source`}::text,
                                      'membersOnly', true))),
                 now()
            FROM city`);
        return { params: { city: 'canary-city' }, key: 'canary-city' };
      },
    },
  });
}
