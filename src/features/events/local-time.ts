/**
 * An event's times as its organisers type them: a wall-clock time in the event's own zone
 * (`<input type="datetime-local">`), turned into an instant with luxon's time-zone rules. A time
 * the clocks skip (the hour of a change to summer time) is refused rather than moved.
 */
import { DateTime } from 'luxon';

/** Every IANA zone this runtime knows, for the zone's choice. */
export const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

export const isTimeZone = (zone: string): boolean =>
  TIME_ZONES.includes(zone) || zone === 'UTC' || DateTime.local().setZone(zone).isValid;

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** A wall-clock time in the zone as an instant; 'gap' when the zone's clocks skip that time. */
export function instantOf(local: string, zone: string): Date | 'invalid' | 'gap' {
  if (!LOCAL.test(local)) return 'invalid';
  const at = DateTime.fromISO(local, { zone });
  if (!at.isValid) return 'invalid';
  // In a gap luxon moves the time forward: what it reads back is not what was typed.
  if (at.toFormat("yyyy-MM-dd'T'HH:mm") !== local) return 'gap';
  return at.toJSDate();
}

/** The instant as the zone's wall clock shows it, for a datetime-local field. */
export const localOf = (at: Date, zone: string): string =>
  DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
