/** When an event happens, as readers read it: in the event's own time zone, which is named. */
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import type { PageContext } from '../../../ui/context.js';
import type { EventSummary } from '../events.repository.js';

export function eventWhen(
  ctx: PageContext,
  event: Pick<EventSummary, 'startsAt' | 'endsAt' | 'timeZone' | 'datePrecision'>,
): string {
  if (event.datePrecision === 'year')
    return dateTimeFormat(ctx.locale, { year: 'numeric', timeZone: event.timeZone }).format(
      event.startsAt,
    );
  const format = dateTimeFormat(ctx.locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: event.timeZone,
  });
  const zone = dateTimeFormat(ctx.locale, { timeZone: event.timeZone, timeZoneName: 'long' })
    .formatToParts(event.startsAt)
    .find((part) => part.type === 'timeZoneName')?.value;
  return `${format.formatRange(event.startsAt, event.endsAt)}${zone ? ` (${zone})` : ''}`;
}

/** The start as a `<time datetime>` reads it: the instant, or the year alone when that is all. */
export const machineWhen = (event: Pick<EventSummary, 'startsAt' | 'datePrecision'>): string =>
  event.datePrecision === 'year'
    ? String(event.startsAt.getUTCFullYear())
    : event.startsAt.toISOString();
