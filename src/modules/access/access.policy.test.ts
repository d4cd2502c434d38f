import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  canRead,
  canSeeMembersLayer,
  readableLevels,
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
