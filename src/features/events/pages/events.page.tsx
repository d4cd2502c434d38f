/** The events list: upcoming or past, with filters, as cards with when and where. */
import { countryName, countryOptions, themeChoices } from '../../vocabularies/index.js';
import { EmptyState, PageHeader, Pagination } from '../../../ui/components/content.js';
import { FeedLinks } from '../../../ui/components/feed-links.js';
import { FilterSelect } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { EventFilter, EventSummary } from '../events.repository.js';
import { EVENT_KINDS } from '../events.types.js';
import { eventWhen, machineWhen } from './when.js';
import { FollowButton } from '../../../ui/components/follow.js';

export const kindLabel = (ctx: PageContext, kind: string): string =>
  ctx.text(`events.kind.${kind}` as MessageKey);

/** Where an event happens, in a few words: the place, the city, "online". */
export function whereText(ctx: PageContext, event: EventSummary): string {
  const place = [event.place, event.city, event.country && countryName(event.country, ctx.locale)]
    .filter(Boolean)
    .join(', ');
  if (event.online && place) return ctx.text('events.where.both', { place });
  return event.online ? ctx.text('events.where.online') : place;
}

/** The state a reader must see before anything else: cancelled, postponed, closed. */
export function StatusBadge(props: { ctx: PageContext; event: EventSummary }): JSX.Element {
  const { ctx, event } = props;
  if (event.status === 'published') return '';
  return <strong class="badge">{ctx.t(`events.status.${event.status}` as MessageKey)}</strong>;
}

function EventCard(props: { ctx: PageContext; event: EventSummary }): JSX.Element {
  const { ctx, event } = props;
  const lang = event.locale !== ctx.locale ? event.locale : undefined;
  return (
    <li class="card">
      <h3 lang={lang}>
        <a href={ctx.href(`/events/${event.slug}`)} safe>
          {event.title}
        </a>
      </h3>
      <p class="meta">
        <StatusBadge ctx={ctx} event={event} /> <span safe>{kindLabel(ctx, event.kind)}</span>
        {' · '}
        <time datetime={machineWhen(event)} safe>
          {eventWhen(ctx, event)}
        </time>
        {' · '}
        <span safe>{whereText(ctx, event)}</span>
      </p>
      {event.summary ? (
        <p lang={lang} safe>
          {event.summary}
        </p>
      ) : (
        ''
      )}
    </li>
  );
}

export function EventsPage(props: {
  ctx: PageContext;
  filter: EventFilter;
  events: readonly EventSummary[];
  total: number;
  page: number;
  pages: number;
  themes: readonly string[];
  /** The countries that have events, for their filter. */
  countries: readonly string[];
  /** The query string of the filters, for the pages' links. */
  query: string;
}): JSX.Element {
  const { ctx, filter } = props;
  const title = ctx.text('events.title');
  const other = filter.when === 'upcoming' ? 'past' : 'upcoming';
  return (
    <Layout
      ctx={ctx}
      title={title}
      head={<FeedLinks ctx={ctx} path="/events" title={ctx.text('events.feed.title')} />}
    >
      <PageHeader title={title} lead={ctx.text('events.lead')} />
      {filter.kind ? (
        <FollowButton
          ctx={ctx}
          topic={`event-kind:${filter.kind}`}
          name={ctx.text(`events.kind.${filter.kind}`)}
        />
      ) : (
        ''
      )}
      {filter.theme ? (
        <FollowButton
          ctx={ctx}
          topic={`theme:${filter.theme}`}
          name={ctx.text(`vocabularies.theme.${filter.theme}` as MessageKey)}
        />
      ) : (
        ''
      )}
      <p>
        <strong>{ctx.t(`events.when.${filter.when}`)}</strong> ·{' '}
        <a href={ctx.href(other === 'past' ? '/events?when=past' : '/events')}>
          {ctx.t(`events.when.${other}`)}
        </a>{' '}
        ·{' '}
        <a href={ctx.href(`/events?view=month${props.query ? `&${props.query}` : ''}`)}>
          {ctx.t('events.month.view')}
        </a>{' '}
        · <a href={ctx.href('/events/calendar.ics')}>{ctx.t('events.calendar.subscribe')}</a>
        {filter.theme ? (
          <>
            {' '}
            ·{' '}
            <a href={ctx.href(`/events/calendar.ics?theme=${encodeURIComponent(filter.theme)}`)}>
              {ctx.t('events.calendar.themeSubscribe')}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      <form
        method="get"
        action={ctx.href('/events')}
        class="filters"
        aria-label={ctx.text('events.filter.label')}
      >
        {filter.when === 'past' ? <input type="hidden" name="when" value="past" /> : ''}
        <FilterSelect
          ctx={ctx}
          name="kind"
          label="events.filter.kind"
          value={filter.kind}
          options={EVENT_KINDS.map((kind) => ({ value: kind, label: kindLabel(ctx, kind) }))}
        />
        <FilterSelect
          ctx={ctx}
          name="theme"
          label="events.filter.theme"
          value={filter.theme}
          options={themeChoices(ctx, props.themes)}
        />
        <FilterSelect
          ctx={ctx}
          name="country"
          label="events.filter.country"
          value={filter.country}
          options={countryOptions(props.countries, ctx.locale)}
        />
        <FilterSelect
          ctx={ctx}
          name="mode"
          label="events.filter.mode"
          value={filter.mode}
          options={[
            { value: 'in-person', label: ctx.text('events.mode.in-person') },
            { value: 'online', label: ctx.text('events.mode.online') },
          ]}
        />
        <button type="submit">{ctx.t('events.filter.submit')}</button>
      </form>
      <p role="status">{ctx.t('events.count', { count: props.total })}</p>
      {props.events.length > 0 ? (
        <ul class="cards">
          {props.events.map((event) => (
            <EventCard ctx={ctx} event={event} />
          ))}
        </ul>
      ) : (
        <EmptyState message={ctx.text(`events.empty.${filter.when}`)} />
      )}
      <Pagination
        ctx={ctx}
        page={props.page}
        pages={props.pages}
        href={(page) =>
          ctx.href(`/events?${props.query}${props.query ? '&' : ''}page=${String(page)}`)
        }
      />
    </Layout>
  );
}
