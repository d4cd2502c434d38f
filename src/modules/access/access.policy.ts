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

/** True when the viewer may read the audit log of security events. */
export function canReadAuditLog(viewer: Viewer): boolean {
  return viewer.kind === 'user' && viewer.role === 'administrator';
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
