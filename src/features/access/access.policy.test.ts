import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  administered,
  can,
  effectiveRole,
  canRead,
  canSeeMembersLayer,
  readableLevels,
  sessionHasLapsed,
  type AccessLevel,
  type Action,
  type Membership,
  type PolicyItem,
  type PolicyViewer,
  type Role,
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

describe('who may do what', () => {
  const as = (
    role: Extract<Viewer, { kind: 'user' }>['role'],
    administers: string[] = [],
  ): PolicyViewer => ({
    kind: 'user',
    id: role,
    role,
    administers,
  });
  const own = { organisationId: 'org-1' };
  const other = { organisationId: 'org-2' };
  // viewer, action, item, allowed
  const table: [string, PolicyViewer, Action, PolicyItem, boolean][] = [
    ['visitor follows topics', ANONYMOUS, 'follow-topics', {}, false],
    ['registered user follows topics', as('registered'), 'follow-topics', {}, true],
    ['visitor asks to join an organisation', ANONYMOUS, 'ask-to-join', {}, false],
    ['registered user asks to join an organisation', as('registered'), 'ask-to-join', {}, true],
    ['registered user reads members layer', as('registered'), 'read-members-layer', {}, false],
    ['practitioner reads members layer', as('practitioner'), 'read-members-layer', {}, true],
    ['practitioner contacts practitioners', as('practitioner'), 'contact-practitioners', {}, true],
    ['visitor contacts practitioners', ANONYMOUS, 'contact-practitioners', {}, false],
    ['practitioner answers questions', as('practitioner'), 'answer-questions', {}, false],
    ['expert answers questions', as('expert'), 'answer-questions', {}, true],
    ['editor answers questions', as('editor'), 'answer-questions', {}, true],
    [
      'organisation admin edits own organisation',
      as('organisation-admin', ['org-1']),
      'edit-organisation',
      own,
      true,
    ],
    [
      'organisation admin edits another organisation',
      as('organisation-admin', ['org-1']),
      'edit-organisation',
      other,
      false,
    ],
    [
      'organisation admin invites to own organisation',
      as('organisation-admin', ['org-1']),
      'invite-colleagues',
      own,
      true,
    ],
    ['practitioner edits an organisation', as('practitioner'), 'edit-organisation', own, false],
    [
      'expert who administers an organisation edits it',
      as('expert', ['org-1']),
      'edit-organisation',
      own,
      true,
    ],
    ['administrator edits any organisation', as('administrator'), 'edit-organisation', other, true],
    ['expert publishes knowledge', as('expert'), 'publish-knowledge', {}, false],
    ['editor publishes knowledge', as('editor'), 'publish-knowledge', {}, true],
    ['editor moderates', as('editor'), 'moderate', {}, true],
    ['organisation admin moderates', as('organisation-admin', ['org-1']), 'moderate', {}, false],
    ['editor reviews applications', as('editor'), 'review-applications', {}, false],
    ['administrator reviews applications', as('administrator'), 'review-applications', {}, true],
    ['editor manages roles', as('editor'), 'manage-roles', {}, false],
    ['administrator manages roles', as('administrator'), 'manage-roles', {}, true],
    ['editor reads the audit log', as('editor'), 'read-audit-log', {}, false],
    ['administrator reads the audit log', as('administrator'), 'read-audit-log', {}, true],
    ['visitor reads the audit log', ANONYMOUS, 'read-audit-log', {}, false],
    ['editor reads the outbox', as('editor'), 'read-outbox', {}, false],
    ['administrator reads the outbox', as('administrator'), 'read-outbox', {}, true],
  ];
  it.each(table)('%s → %s', (_name, viewer, action, item, allowed) => {
    expect(can(viewer, action, item)).toBe(allowed);
  });
});

describe('effectiveRole: access follows the organisation', () => {
  const active = (role: 'admin' | 'member', organisationId = 'org-1') => ({
    organisationId,
    role,
    active: true,
  });
  const lapsed = (role: 'admin' | 'member', organisationId = 'org-1') => ({
    organisationId,
    role,
    active: false,
  });
  const table: [string, Role, Membership[], Role][] = [
    ['practitioner of an active organisation', 'practitioner', [active('member')], 'practitioner'],
    ['practitioner of a lapsed organisation', 'practitioner', [lapsed('member')], 'registered'],
    ['practitioner approved individually', 'practitioner', [], 'practitioner'],
    [
      'practitioner of one lapsed and one active organisation',
      'practitioner',
      [lapsed('member'), active('member', 'org-2')],
      'practitioner',
    ],
    [
      'admin of an active organisation',
      'organisation-admin',
      [active('admin')],
      'organisation-admin',
    ],
    ['admin of a lapsed organisation', 'organisation-admin', [lapsed('admin')], 'registered'],
    [
      'admin of a lapsed organisation, member of an active one',
      'organisation-admin',
      [lapsed('admin'), active('member', 'org-2')],
      'practitioner',
    ],
    ['organisation admin without organisation', 'organisation-admin', [], 'registered'],
    ['expert whose organisation lapsed', 'expert', [lapsed('member')], 'expert'],
    ['editor', 'editor', [], 'editor'],
    ['registered member of an active organisation', 'registered', [active('member')], 'registered'],
  ];
  it.each(table)('%s', (_name, granted, memberships, expected) => {
    expect(effectiveRole(granted, memberships)).toBe(expected);
  });

  it('an organisation admin administers only active organisations', () => {
    expect(
      administered([active('admin'), lapsed('admin', 'org-2'), active('member', 'org-3')]),
    ).toEqual(['org-1']);
  });
});
