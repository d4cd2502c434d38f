/** Who may see and do what. Pure functions, tested against a table of cases. */

export const ROLES = [
  'registered',
  'practitioner',
  'expert',
  'organisation-admin',
  'editor',
  'administrator',
] as const;

export type Role = (typeof ROLES)[number];

/** The person behind a request: nobody signed in, or a user with a role. */
export type Viewer = { kind: 'anonymous' } | { kind: 'user'; id: string; role: Role };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

export type AccessLevel = 'public' | 'members';

const MEMBERS_LAYER_ROLES: ReadonlySet<Role> = new Set([
  'practitioner',
  'expert',
  'organisation-admin',
  'editor',
  'administrator',
]);

/** True when the viewer may read the members layer (detailed information for practitioners). */
export function canSeeMembersLayer(viewer: Viewer): boolean {
  return viewer.kind === 'user' && MEMBERS_LAYER_ROLES.has(viewer.role);
}

/** True when the viewer may read an item at the given access level. */
export function canRead(viewer: Viewer, access: AccessLevel): boolean {
  return access === 'public' || canSeeMembersLayer(viewer);
}

/** The access levels a viewer may read, for filtering in SQL. */
export function readableLevels(viewer: Viewer): AccessLevel[] {
  return canSeeMembersLayer(viewer) ? ['public', 'members'] : ['public'];
}

/**
 * Who reads exactly one layer: a visitor reads the public layer, any member the members layer.
 * The search index reads each kind as both to write its documents of each layer.
 */
export const LAYER_READERS: Readonly<Record<AccessLevel, Viewer>> = {
  public: ANONYMOUS,
  members: { kind: 'user', id: '00000000-0000-0000-0000-000000000000', role: 'practitioner' },
};

/** The one layer a viewer searches: the widest they may read. */
export function layerOf(viewer: Viewer): AccessLevel {
  return canSeeMembersLayer(viewer) ? 'members' : 'public';
}

/** A person's place in an organisation, and whether the organisation is an active member. */
export interface Membership {
  organisationId: string;
  role: 'admin' | 'member';
  active: boolean;
}

/**
 * The role a person acts with. Practitioners and organisation admins draw their access from their
 * organisation: when every organisation they belong to has lapsed, left or been rejected, they act
 * as registered users until one is active again. A practitioner who belongs to no organisation was
 * approved individually by an administrator and keeps that status.
 */
export function effectiveRole(granted: Role, memberships: readonly Membership[]): Role {
  if (granted !== 'practitioner' && granted !== 'organisation-admin') return granted;
  if (memberships.length === 0) return granted === 'practitioner' ? granted : 'registered';
  if (!memberships.some((membership) => membership.active)) return 'registered';
  if (granted === 'organisation-admin' && !administered(memberships).length) return 'practitioner';
  return granted;
}

/** The active organisations a person administers. */
export function administered(memberships: readonly Membership[]): string[] {
  return memberships
    .filter((membership) => membership.active && membership.role === 'admin')
    .map((membership) => membership.organisationId);
}

/** True when the viewer may read the audit log of security events. */
export function canReadAuditLog(viewer: Viewer): boolean {
  return can(viewer, 'read-audit-log');
}

/** Roles whose sessions are short: they can change everything. */
export const STAFF_ROLES: ReadonlySet<Role> = new Set(['editor', 'administrator']);
export const STAFF_IDLE_LIMIT_MS = 30 * 60 * 1000;
export const STAFF_SESSION_LIMIT_MS = 12 * 60 * 60 * 1000;

/** True when a session must end: staff after 30 minutes idle or 12 hours in all. */
export function sessionHasLapsed(
  role: Role,
  session: { createdAt: Date; lastSeenAt: Date },
  now: Date,
): boolean {
  if (!STAFF_ROLES.has(role)) return false;
  return (
    now.getTime() - session.lastSeenAt.getTime() > STAFF_IDLE_LIMIT_MS ||
    now.getTime() - session.createdAt.getTime() > STAFF_SESSION_LIMIT_MS
  );
}

/** Things a viewer may want to do; each is decided by `can()`. */
export type Action =
  | 'read-members-layer'
  | 'follow-topics'
  | 'contact-practitioners'
  | 'answer-questions'
  | 'edit-organisation'
  | 'invite-colleagues'
  | 'ask-to-join'
  | 'publish-knowledge'
  | 'moderate'
  | 'review-applications'
  | 'manage-roles'
  | 'read-audit-log'
  | 'read-outbox';

/** What an action is about, when it matters: the organisation concerned. */
export interface PolicyItem {
  organisationId?: string;
}

/** A signed-in viewer may carry the organisations they administer. */
export type PolicyViewer = Viewer & { administers?: readonly string[] };

const ROLE_RANK: Record<Role, number> = {
  registered: 0,
  practitioner: 1,
  expert: 2,
  'organisation-admin': 2,
  editor: 3,
  administrator: 4,
};

/** The single place that decides who may do what. */
export function can(viewer: PolicyViewer, action: Action, item: PolicyItem = {}): boolean {
  if (viewer.kind !== 'user') return false;
  const role = viewer.role;
  switch (action) {
    case 'follow-topics':
    case 'ask-to-join':
      return true;
    case 'read-members-layer':
    case 'contact-practitioners':
      return canSeeMembersLayer(viewer);
    case 'answer-questions':
      return role === 'expert' || ROLE_RANK[role] >= ROLE_RANK.editor;
    case 'edit-organisation':
    case 'invite-colleagues':
      // An organisation's admins (of an active organisation: see administered()) and administrators.
      return (
        role === 'administrator' ||
        (item.organisationId !== undefined &&
          (viewer.administers ?? []).includes(item.organisationId))
      );
    case 'publish-knowledge':
    case 'moderate':
      return ROLE_RANK[role] >= ROLE_RANK.editor;
    case 'review-applications':
    case 'manage-roles':
    case 'read-audit-log':
    case 'read-outbox':
      return role === 'administrator';
  }
}
