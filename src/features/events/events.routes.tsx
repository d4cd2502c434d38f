/**
 * Readers' addresses of events: the list, the public calendar, each event's page and its
 * iCalendar file, and registering and cancelling (plain forms, no script needed). Every route:
 * validate → authorise → act → present.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors/errors.js';
import { firstValue, type Query } from '../../platform/http/query.js';
import type { Translator } from '../../platform/i18n/catalogue.js';
import { MembersTeaserPage } from '../../ui/pages/message.page.js';
import { sendPage, type PageCache } from '../../ui/render.js';
import { typedValues, type FormValues } from '../../ui/components/form.js';
import {
  ANONYMOUS,
  PRIVATE,
  formPost,
  signedInOrRedirect,
  type Ctx,
  type LocaleParams,
  type SignedInViewer,
  type Viewer,
} from '../access/index.js';
import type { EventsRepository, EventView } from './events.repository.js';
import type { EventsService } from './events.service.js';
import { eventFilter, pageOf } from './filters.js';
import { calendarOf, type CalendarEvent } from './ics.js';
import { EventPage, type EventNotice, type RegistrationState } from './pages/event.page.js';
import { EventsPage } from './pages/events.page.js';
import { MonthPage, monthWindow } from './pages/month.page.js';

export interface EventRouteDeps {
  events: EventsRepository;
  service: EventsService;
  themeKeys(): Promise<readonly string[]>;
  publicUrl: string;
  translator(locale: string): Translator;
  clock: () => Date;
  pages: PageCache;
  /** The signed-in reader's own time zone, when they chose one. */
  ownZone(viewer: SignedInViewer): Promise<string | null>;
  /** The discussion spaces tied to an event, as the viewer may read them. */
  discussions(
    viewer: Viewer,
    eventSlug: string,
  ): Promise<readonly { slug: string; name: string }[]>;
}

type EventParams = LocaleParams & { slug: string };

const NOTICES: readonly EventNotice[] = ['confirmed', 'waiting', 'cancelled', 'too-late'];

/** The filters of a list as a query string, for the links to its other pages. */
const filterQuery = (query: Query): string =>
  new URLSearchParams(
    ['when', 'kind', 'theme', 'mode', 'country', 'month'].flatMap((name) => {
      const value = firstValue(query[name]);
      return value ? [[name, value]] : [];
    }),
  ).toString();

export function registerEventRoutes(site: FastifyInstance, deps: EventRouteDeps, ctxOf: Ctx) {
  const limited = formPost(site, 20);
  const host = new URL(deps.publicUrl).host;

  const calendarEntry = (event: EventView, locale: string): CalendarEvent => ({
    ...event,
    url: `${deps.publicUrl}/${locale}/events/${event.slug}`,
  });

  const sendCalendar = (reply: FastifyReply, body: string, name: string, shared = true) =>
    reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.ics"`)
      .header('cache-control', shared ? 'public, max-age=300' : 'private, no-store')
      .send(body);

  site.get<{ Params: LocaleParams; Querystring: Query }>('/events', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const themes = await deps.themeKeys();
    const filter = eventFilter(request.query, themes);
    const page = pageOf(request.query);
    const viewer = request.viewer ?? ANONYMOUS;
    if (firstValue(request.query.view) === 'month') {
      const month = filter.month ?? deps.clock().toISOString().slice(0, 7);
      const { from, to } = monthWindow(month);
      const events = await deps.events.between(viewer, ctx.locale, from, to, filter);
      const query = new URLSearchParams(filterQuery(request.query));
      for (const name of ['when', 'month']) query.delete(name);
      const view = <MonthPage ctx={ctx} month={month} events={events} query={query.toString()} />;
      return request.viewer ? sendPage(reply, view, PRIVATE) : deps.pages.sendShared(reply, view);
    }
    const { rows, total } = await deps.events.list(viewer, ctx.locale, filter, page);
    const view = (
      <EventsPage
        ctx={ctx}
        filter={filter}
        events={rows}
        total={total}
        page={page}
        pages={Math.max(1, Math.ceil(total / 20))}
        themes={themes}
        countries={await deps.events.countries(viewer)}
        query={filterQuery(request.query)}
      />
    );
    return request.viewer ? sendPage(reply, view, PRIVATE) : deps.pages.sendShared(reply, view);
  });

  // The public calendar: every public event of the last year and the years ahead, or a theme's.
  site.get<{ Params: LocaleParams; Querystring: Query }>(
    '/events/calendar.ics',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const theme = firstValue(request.query.theme);
      if (theme !== undefined && !(await deps.themeKeys()).includes(theme))
        throw new NotFoundError();
      const now = deps.clock();
      const from = new Date(now.getTime() - 365 * 24 * 3600 * 1000);
      const to = new Date(now.getTime() + 5 * 365 * 24 * 3600 * 1000);
      const events = (await deps.events.between(ANONYMOUS, ctx.locale, from, to)).filter(
        (event) =>
          event.datePrecision === 'time' && (theme === undefined || event.themes.includes(theme)),
      );
      const entries = await Promise.all(
        events.map(async (event) => {
          const full = await deps.events.find(ANONYMOUS, event.slug, ctx.locale);
          return full && full !== 'members-only' ? [calendarEntry(full, ctx.locale)] : [];
        }),
      );
      const t = deps.translator(ctx.locale);
      const name = theme
        ? t.t('events.calendar.themeName', { theme: t.t(`vocabularies.theme.${theme}`) })
        : t.t('events.calendar.name');
      return sendCalendar(
        reply,
        calendarOf(entries.flat(), { name, host }),
        theme ? `events-${theme}` : 'events',
      );
    },
  );

  site.get<{ Params: EventParams }>('/events/:slug/event.ics', async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = request.viewer ?? ANONYMOUS;
    const event = await deps.events.find(viewer, request.params.slug, ctx.locale);
    if (event === null || event === 'members-only' || event.datePrecision !== 'time')
      throw new NotFoundError();
    // A registrant's copy holds the online link and the room details; nobody else's.
    const own = request.viewer ? await deps.service.own(request.viewer, event.id) : null;
    const details =
      own?.status === 'confirmed'
        ? new Map([[event.id, { onlineUrl: own.onlineUrl, roomDetails: own.roomDetails }]])
        : undefined;
    const name = deps.translator(ctx.locale).t('events.calendar.name');
    const body = calendarOf([calendarEntry(event, ctx.locale)], {
      name,
      host,
      privateDetails: details,
    });
    return sendCalendar(reply, body, event.slug, !details && event.access === 'public');
  });

  site.get<{ Params: EventParams; Querystring: { done?: string } }>(
    '/events/:slug',
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = request.viewer;
      const event = await deps.events.find(viewer ?? ANONYMOUS, request.params.slug, ctx.locale);
      if (event === null) throw new NotFoundError();
      if (event === 'members-only')
        return sendPage(reply, <MembersTeaserPage ctx={ctx} />, PRIVATE);
      const registration = await registrationState(request, reply, event);
      const notice = NOTICES.find((notice) => notice === request.query.done);
      const ownZone = viewer ? await deps.ownZone(viewer) : null;
      const page = (
        <EventPage
          ctx={ctx}
          event={event}
          registration={registration}
          notice={notice}
          ownZone={ownZone}
          discussions={await deps.discussions(viewer ?? ANONYMOUS, event.slug)}
        />
      );
      return viewer ? sendPage(reply, page, PRIVATE) : deps.pages.sendShared(reply, page);
    },
  );

  /** Where the viewer stands with the event's registration. */
  async function registrationState(
    request: FastifyRequest,
    reply: FastifyReply,
    event: EventView,
    typed: { values: FormValues; errors: Record<string, string> } = { values: {}, errors: {} },
  ): Promise<RegistrationState> {
    if (event.registration === 'none') return { kind: 'none' };
    const viewer = request.viewer;
    const own = viewer ? await deps.service.own(viewer, event.id) : null;
    const now = deps.clock();
    if (viewer && own) {
      const until = event.cancellationClosesAt ?? event.startsAt;
      return {
        kind: 'registered',
        own,
        csrfToken: reply.generateCsrf(),
        canCancel: until > now,
        participants: await deps.service.participants(own, event),
      };
    }
    const closes = event.registrationClosesAt ?? event.startsAt;
    if (event.status !== 'published' || closes <= now) return { kind: 'closed' };
    if (!viewer) return { kind: 'sign-in' };
    const eligible = await deps.service.mayRegister(viewer, event);
    if (!eligible.ok) return { kind: eligible.reason };
    return { kind: 'open', csrfToken: reply.generateCsrf(), ...typed };
  }

  site.post<{ Params: EventParams; Body: Record<string, unknown> }>(
    '/events/:slug/register',
    limited,
    async (request, reply) => {
      const ctx = ctxOf(request, reply);
      const viewer = signedInOrRedirect(request, reply, ctx);
      if (!viewer) return reply;
      const body = request.body ?? {};
      const result = await deps.service.register(viewer, request.params.slug, ctx.locale, body);
      if (!result.ok && result.reason === 'answers') {
        // The answers as typed, with a message at each problem.
        const event = await deps.service.readable(viewer, request.params.slug, ctx.locale);
        const registration = await registrationState(request, reply, event, {
          values: typedValues(body),
          errors: result.errors,
        });
        return sendPage(reply, <EventPage ctx={ctx} event={event} registration={registration} />, {
          ...PRIVATE,
          status: 422,
        });
      }
      const done = result.ok ? result.status : '';
      return reply.redirect(
        ctx.href(`/events/${request.params.slug}${done ? `?done=${done}` : ''}`),
        303,
      );
    },
  );

  site.post<{ Params: EventParams }>('/events/:slug/cancel', limited, async (request, reply) => {
    const ctx = ctxOf(request, reply);
    const viewer = signedInOrRedirect(request, reply, ctx);
    if (!viewer) return reply;
    const result = await deps.service.cancel(viewer, request.params.slug, ctx.locale);
    const done = result.ok ? 'cancelled' : result.reason === 'too-late' ? 'too-late' : '';
    return reply.redirect(
      ctx.href(`/events/${request.params.slug}${done ? `?done=${done}` : ''}`),
      303,
    );
  });
}
