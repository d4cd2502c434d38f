import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  canRead,
  canSeeMembersLayer,
  readableLevels,
  sessionHasLapsed,
  type AccessLevel,
  type Viewer,
} from './access.policy.js';

const user = (role: Extract<Viewer, { kind: 'user' }>['role']): Viewer => ({
  kind: 'user',
  id: role,
  role,
});

const cases: [Viewer, AccessLevel, boolean][] = [
  [ANONYMOUS, 'public', true],
  [ANONYMOUS, 'members', false],
  [user('registered'), 'public', true],
  [user('registered'), 'members', false],
  [user('practitioner'), 'members', true],
  [user('expert'), 'members', true],
  [user('organisation-admin'), 'members', true],
  [user('editor'), 'members', true],
  [user('administrator'), 'members', true],
];

describe('the two layers of information', () => {
  it.each(cases)('%o reading %s → %s', (viewer, level, expected) => {
    expect(canRead(viewer, level)).toBe(expected);
    expect(readableLevels(viewer).includes(level)).toBe(expected);
    if (level === 'members') expect(canSeeMembersLayer(viewer)).toBe(expected);
  });
});

describe('staff sessions', () => {
  const start = new Date('2026-01-01T08:00:00Z');
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  it.each([
    ['administrator', 29, 0, false],
    ['administrator', 31, 0, true],
    ['editor', 31, 0, true],
    ['editor', 12 * 60 + 1, 12 * 60, true],
    ['editor', 11 * 60, 11 * 60 - 5, false],
    ['practitioner', 31, 0, false],
    ['registered', 24 * 60, 0, false],
  ] as const)(
    '%s, %i min after sign-in, last seen at %i min → lapsed: %s',
    (role, now, lastSeen, lapsed) => {
      expect(sessionHasLapsed(role, { createdAt: start, lastSeenAt: at(lastSeen) }, at(now))).toBe(
        lapsed,
      );
    },
  );
});
