/**
 * The events of one month as a calendar, rendered on the server: a table of weeks (Monday first)
 * whose days list the events starting then, each on its own wall clock. On a narrow screen the
 * days with events stack as a list (site.css).
 */
import { DateTime } from 'luxon';
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import { PageHeader } from '../../../ui/components/content.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { EventSummary } from '../events.repository.js';
import { StatusBadge } from './events.page.js';

/** A month as "2027-03". */
export type Month = string;

/** The month's first instant (UTC) and the next month's, with a day's margin each side. */
export function monthWindow(month: Month): { from: Date; to: Date } {
  const start = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
  return {
    from: start.minus({ days: 1 }).toJSDate(),
    to: start.plus({ months: 1, days: 1 }).toJSDate(),
  };
}

/** The events by the day (1–31) of the month on which they start, on their own wall clock. */
function byDay(month: Month, events: readonly EventSummary[]): Map<number, EventSummary[]> {
  const days = new Map<number, EventSummary[]>();
  for (const event of events) {
    const local = DateTime.fromJSDate(event.startsAt, { zone: event.timeZone });
    if (local.toFormat('yyyy-MM') !== month) continue;
    days.set(local.day, [...(days.get(local.day) ?? []), event]);
  }
  return days;
}

export function MonthPage(props: {
  ctx: PageContext;
  month: Month;
  events: readonly EventSummary[];
  /** The list's filters as a query string, kept by the month's links. */
  query: string;
}): JSX.Element {
  const { ctx, month } = props;
  const start = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
  const name = dateTimeFormat(ctx.locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(start.toJSDate());
  const title = ctx.text('events.month.title', { month: name });
  const days = byDay(month, props.events);
  const weekday = dateTimeFormat(ctx.locale, { weekday: 'long', timeZone: 'UTC' });
  const weekdayShort = dateTimeFormat(ctx.locale, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  const weekdays = Array.from({ length: 7 }, (_, index) => new Date(Date.UTC(2024, 0, 1 + index)));
  const blanks = start.weekday - 1;
  const cells = [
    ...Array.from({ length: blanks }, () => null),
    ...Array.from({ length: start.daysInMonth ?? 30 }, (_, index) => index + 1),
  ];
  const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, index) =>
    cells.slice(index * 7, index * 7 + 7),
  );
  const dayName = dateTimeFormat(ctx.locale, { dateStyle: 'full', timeZone: 'UTC' });
  const time = (event: EventSummary) =>
    dateTimeFormat(ctx.locale, { timeStyle: 'short', timeZone: event.timeZone }).format(
      event.startsAt,
    );
  const link = (other: DateTime) =>
    ctx.href(
      `/events?view=month&month=${other.toFormat('yyyy-MM')}${props.query ? `&${props.query}` : ''}`,
    );
  const monthName = (other: DateTime) =>
    dateTimeFormat(ctx.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      other.toJSDate(),
    );
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[{ label: ctx.text('events.title'), href: ctx.href('/events') }]}
    >
      <PageHeader title={title} />
      <nav aria-label={ctx.text('events.month.nav')} class="month-nav">
        <a href={link(start.minus({ months: 1 }))} rel="prev">
          {ctx.t('events.month.previous', { month: monthName(start.minus({ months: 1 })) })}
        </a>{' '}
        ·{' '}
        <a href={ctx.href(`/events${props.query ? `?${props.query}` : ''}`)}>
          {ctx.t('events.month.list')}
        </a>{' '}
        ·{' '}
        <a href={link(start.plus({ months: 1 }))} rel="next">
          {ctx.t('events.month.next', { month: monthName(start.plus({ months: 1 })) })}
        </a>
      </nav>
      <p role="status">{ctx.t('events.count', { count: [...days.values()].flat().length })}</p>
      <table class="month">
        <caption class="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th scope="col">
                <abbr title={weekday.format(day)}>{weekdayShort.format(day)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr>
              {week.map((day) => {
                if (day === null) return <td class="blank"></td>;
                const events = days.get(day) ?? [];
                return (
                  <td class={events.length > 0 ? 'busy' : 'free'}>
                    <span class="day">
                      <span aria-hidden="true">{String(day)}</span>
                      <span class="visually-hidden" safe>
                        {dayName.format(start.set({ day }).toJSDate())}
                      </span>
                    </span>
                    {events.length > 0 ? (
                      <ul>
                        {events.map((event) => (
                          <li>
                            <time datetime={event.startsAt.toISOString()} safe>
                              {time(event)}
                            </time>{' '}
                            <a
                              href={ctx.href(`/events/${event.slug}`)}
                              lang={event.locale !== ctx.locale ? event.locale : undefined}
                              safe
                            >
                              {event.title}
                            </a>{' '}
                            <StatusBadge ctx={ctx} event={event} />
                          </li>
                        ))}
                      </ul>
                    ) : (
                      ''
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
