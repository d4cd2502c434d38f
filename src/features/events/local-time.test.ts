/** Wall-clock times in an event's zone: summer time, the hour the clocks skip, the other hemisphere. */
import { describe, expect, it } from 'vitest';
import { instantOf, isTimeZone, localOf } from './local-time.js';

describe('an event’s local times', () => {
  it('follow the zone’s offset in winter and in summer', () => {
    expect(instantOf('2027-01-15T14:00', 'Europe/Vienna')).toEqual(new Date('2027-01-15T13:00Z'));
    expect(instantOf('2027-07-15T14:00', 'Europe/Vienna')).toEqual(new Date('2027-07-15T12:00Z'));
    // Southern summer in January.
    expect(instantOf('2027-01-15T14:00', 'America/Sao_Paulo')).toEqual(
      new Date('2027-01-15T17:00Z'),
    );
  });

  it('refuse the hour the clocks skip, and read back as typed', () => {
    expect(instantOf('2027-03-28T02:30', 'Europe/Vienna')).toBe('gap');
    expect(instantOf('2027-03-14T02:30', 'America/New_York')).toBe('gap');
    expect(instantOf('2027-03-28T03:00', 'Europe/Vienna')).toEqual(new Date('2027-03-28T01:00Z'));
    expect(instantOf('2027-02-30T10:00', 'Europe/Vienna')).toBe('invalid');
    expect(instantOf('tomorrow', 'Europe/Vienna')).toBe('invalid');
    const at = new Date('2027-10-31T00:30Z');
    expect(localOf(at, 'Europe/Vienna')).toBe('2027-10-31T02:30');
  });

  it('know the zones of the world and nothing else', () => {
    expect(isTimeZone('Europe/Lisbon')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
