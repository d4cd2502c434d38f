/**
 * Events as a kind of content: the upcoming events' feed (and so the home page's and the site's
 * "what's new"), the sitemap, the JSON API, the CSV export of a list, the site search, and the
 * Event data of their pages, each read through the viewer's layers. The canary is planted both
 * in a members-only event and in a public event's online link and room details, which no
 * channel may show.
 */
import { sql } from 'drizzle-orm';
import { defineKind } from '../../channels/kind.js';
import type { Db } from '../../platform/db/database.js';
import { readableLevels } from '../access/index.js';
import { eventMetadata } from './event.metadata.js';
import { createEventsRepository, type EventSummary } from './events.repository.js';
import { EVENT_KINDS } from './events.types.js';
import { eventFilter, pageOf } from './filters.js';
import { eventFollow } from './event.follow.js';

export interface EventKindDeps {
  db: Db;
  clock: () => Date;
  publicUrl: string;
  themeKeys(): Promise<readonly string[]>;
}

const summarySchema = {
  type: 'object',
  required: ['slug', 'kind', 'status', 'title', 'summary', 'language', 'start', 'end', 'url'],
  properties: {
    slug: { type: 'string' },
    kind: { type: 'string', enum: [...EVENT_KINDS] },
    status: { type: 'string', enum: ['published', 'cancelled', 'postponed', 'closed'] },
    title: { type: 'string' },
    summary: { type: 'string' },
    language: { type: 'string' },
    start: { type: 'string', format: 'date-time' },
    end: { type: 'string', format: 'date-time' },
    timeZone: { type: 'string', description: 'IANA time zone the event is held in.' },
    place: { type: 'string' },
    city: { type: 'string' },
    country: { type: ['string', 'null'] },
    online: { type: 'boolean', description: 'Held online; the link goes to registrants only.' },
    themes: { type: 'array', items: { type: 'string' } },
    url: { type: 'string', format: 'uri' },
    calendar: { type: 'string', format: 'uri', description: 'The event as iCalendar.' },
  },
};

const present = (event: EventSummary, locale: string, publicUrl: string) => ({
  slug: event.slug,
  kind: event.kind,
  status: event.status,
  title: event.title,
  summary: event.summary,
  language: event.locale,
  start: event.startsAt.toISOString(),
  end: event.endsAt.toISOString(),
  timeZone: event.timeZone,
  place: event.place,
  city: event.city,
  country: event.country,
  online: event.online,
  themes: event.themes,
  url: `${publicUrl}/${locale}/events/${event.slug}`,
  calendar: `${publicUrl}/${locale}/events/${event.slug}/event.ics`,
});

export function eventKind(deps: EventKindDeps) {
  const { db, publicUrl } = deps;
  const events = createEventsRepository(db, deps.clock);
  return defineKind({
    name: 'event',
    plural: 'events',
    feeds: [
      {
        path: '/events',
        title: async (_params, t) => t.t('events.feed.title'),
        async read(viewer, _params, t, limit) {
          const rows = await events.latest(viewer, t.locale, { when: 'upcoming' }, limit);
          return rows
            .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
            .map((event) => ({
              key: event.slug,
              path: `/events/${event.slug}`,
              title: event.title,
              summary: event.summary,
              date: event.updatedAt,
              categories: [{ term: event.kind, name: t.t(`events.kind.${event.kind}`) }],
            }));
        },
      },
    ],
    sitemap: {
      async count(viewer) {
        const counted = await db.execute<{ n: number }>(sql`
          SELECT count(*)::int AS n FROM events
           WHERE status <> 'draft' AND access = ANY(${sql.param(readableLevels(viewer))}::access_level[])`);
        return counted.rows[0]?.n ?? 0;
      },
      async read(viewer, offset, limit) {
        const rows = await db.execute<{ slug: string; updated_at: Date }>(sql`
          SELECT slug, updated_at FROM events
           WHERE status <> 'draft' AND access = ANY(${sql.param(readableLevels(viewer))}::access_level[])
           ORDER BY starts_at DESC, id LIMIT ${limit} OFFSET ${offset}`);
        return rows.rows.map((row) => ({
          path: `/events/${row.slug}`,
          updatedAt: new Date(row.updated_at),
        }));
      },
    },
    api: {
      key: 'slug',
      parameters: [
        {
          name: 'when',
          in: 'query',
          description: 'upcoming (soonest first, the default) or past (latest first).',
          schema: { type: 'string', enum: ['upcoming', 'past'] },
        },
        {
          name: 'kind',
          in: 'query',
          description: 'Kind of event.',
          schema: { type: 'string', enum: [...EVENT_KINDS] },
        },
        {
          name: 'theme',
          in: 'query',
          description: 'Theme key, e.g. housing.',
          schema: { type: 'string' },
        },
        {
          name: 'page',
          in: 'query',
          description: 'Page of results, from 1.',
          schema: { type: 'integer', minimum: 1, default: 1 },
        },
      ],
      summaries: {
        list: 'List events, upcoming or past.',
        find: 'One event (its online link goes to registrants only, never here).',
      },
      schemas: {
        summary: summarySchema,
        detail: {
          ...summarySchema,
          properties: {
            ...summarySchema.properties,
            description: { type: 'string', description: 'Markdown.' },
            speakers: { type: 'array', items: { type: 'string' } },
          },
        },
      },
      descriptions: {
        list: 'One page of events (20 a page).',
        find: 'The event.',
        membersOnly: 'The event is for network members only.',
        notFound: 'No such event.',
      },
      async list(viewer, query, locale) {
        const filter = eventFilter(query, await deps.themeKeys());
        const page = pageOf(query);
        const { rows, total } = await events.list(viewer, locale, filter, page);
        return {
          page,
          pages: Math.max(1, Math.ceil(total / 20)),
          total,
          items: rows.map((event) => present(event, locale, publicUrl)),
        };
      },
      async find(viewer, slug, locale) {
        const event = await events.find(viewer, slug, locale);
        if (event === null || event === 'members-only') return event;
        return {
          ...present(event, locale, publicUrl),
          description: event.description,
          speakers: event.speakers,
        };
      },
    },
    export: {
      path: '/events',
      accepts: () => true,
      fileName: () => `events-${new Date().toISOString().slice(0, 10)}`,
      async rows(viewer, _params, query, locale, limit) {
        const filter = eventFilter(query, await deps.themeKeys());
        const { rows } = await events.list(viewer, locale, filter, 1, limit);
        return rows.map((event) => {
          const row = present(event, locale, publicUrl);
          return {
            title: row.title,
            kind: row.kind,
            status: row.status,
            start: row.start,
            end: row.end,
            timeZone: row.timeZone,
            place: row.place,
            city: row.city,
            country: row.country ?? '',
            online: row.online ? 'yes' : 'no',
            themes: row.themes.join(' '),
            url: row.url,
          };
        });
      },
    },
    search: {
      // Every event the viewer may read, in each language it is written in.
      async documents(viewer) {
        const rows = await db.execute<{
          slug: string;
          locale: string;
          title: string;
          summary: string;
          description: string;
          place: string;
          city: string;
          updated_at: Date;
        }>(sql`
          SELECT e.slug, t.locale, t.title, t.summary, t.description, e.place, e.city, e.updated_at
            FROM events e JOIN event_translations t ON t.event_id = e.id
           WHERE e.status <> 'draft'
             AND e.access = ANY(${sql.param(readableLevels(viewer))}::access_level[])`);
        return rows.rows.map((row) => ({
          key: row.slug,
          locale: row.locale,
          title: row.title,
          snippet: row.summary || null,
          text: `${row.summary}\n${row.description}\n${row.place}\n${row.city}`,
          url: `/events/${row.slug}`,
          date: new Date(row.updated_at),
        }));
      },
    },
    metadata: {
      async describe(viewer, key, reader) {
        const event = await events.find(viewer, key, reader.locale);
        return event === null || event === 'members-only' ? event : eventMetadata(event, reader);
      },
    },
    follow: eventFollow(db),
    canary: {
      async plant(target, text) {
        const planted = await target.execute<{ slug: string }>(sql`
          WITH members AS (
            INSERT INTO events (slug, kind, status, access, original_locale, time_zone, starts_at,
                                ends_at, place, city, online_url, room_details, registration)
            VALUES ('canary-members-event', 'workshop', 'published', 'members', 'en',
                    'Europe/Vienna', now() + interval '30 days', now() + interval '30 days 2 hours',
                    ${`${text} place`}, ${`${text} city`}, ${`https://meet.example/${text}`},
                    ${`${text} room`}, 'open')
            RETURNING id, slug),
          open_event AS (
            INSERT INTO events (slug, kind, status, access, original_locale, time_zone, starts_at,
                                ends_at, online_url, room_details, registration)
            VALUES ('canary-public-event', 'webinar', 'published', 'public', 'en',
                    'Europe/Vienna', now() + interval '31 days', now() + interval '31 days 1 hour',
                    ${`https://meet.example/public-${text}`}, ${`${text} public room`}, 'open')
            RETURNING id),
          texts AS (
            INSERT INTO event_translations (event_id, locale, title, summary, description)
            SELECT id, 'en', ${`${text} title`}, ${`${text} summary`}, ${`${text} description`}
              FROM members
            UNION ALL
            SELECT id, 'en', 'A public webinar', 'Its link is for registrants.', 'Open to all.'
              FROM open_event)
          SELECT slug FROM members`);
        return { key: planted.rows[0]?.slug };
      },
    },
  });
}
