/**
 * Who is signed in: the session cookie checked (session-cookie.ts), the session, person,
 * memberships and other features' facts read in one query, and used again for a few seconds.
 */
import type { SQL } from 'drizzle-orm';
import {
  administered,
  effectiveRole,
  ROLES,
  sessionHasLapsed,
  type Role,
} from './access.policy.js';
import type { AccessRepository } from './access.repository.js';
import type { AuditLog } from './audit.js';
import { sessionRenewal, sessionTokenOf } from './session-cookie.js';

/** The viewer of a signed-in request, with what pages show of them. */
export interface SignedInViewer {
  kind: 'user';
  id: string;
  /** The role the person acts with now (see effectiveRole). */
  role: Role;
  /** The role an administrator gave, which holds while an organisation of theirs is active. */
  grantedRole: Role;
  /** Active organisations the person administers. */
  administers: readonly string[];
  name: string;
  email: string;
  /** Signs in with a second factor. */
  twoFactorEnabled: boolean;
  /** What other features read with the session (AccessNeeds.viewerFactsSql), by name. */
  facts?: Readonly<Record<string, unknown>>;
}

/**
 * How long a session read (the person, their roles, what they follow) is used again without
 * reading it: a signed-in page then costs no more queries than a visitor's. Every write request
 * empties it (viewer.ts), as does every content change on any instance (the render cache's
 * notification); a write on another instance is seen within this time (decision 0025).
 */
export const VIEWER_WINDOW_MS = 5_000;
const VIEWER_WINDOW_ENTRIES = 10_000;

type FoundSession = NonNullable<Awaited<ReturnType<AccessRepository['sessionOf']>>>;

const asRole = (value: unknown): Role =>
  (ROLES as readonly string[]).includes(String(value)) ? (value as Role) : 'registered';

export interface ViewerReaderDeps {
  repository: AccessRepository;
  audit: AuditLog;
  /** Signs the session cookie (better-auth's secret). */
  secret: string;
  membershipsSql: (userId: SQL) => SQL;
  factsSql: Readonly<Record<string, (userId: SQL) => SQL>>;
  clock?: () => Date;
  /** How long a session read is used again; VIEWER_WINDOW_MS when absent, 0 never. */
  viewerWindowMs?: number;
}

export function createViewerReader(deps: ViewerReaderDeps) {
  const { audit } = deps;
  const now = deps.clock ?? (() => new Date());
  const windowMs = deps.viewerWindowMs ?? VIEWER_WINDOW_MS;
  // Sessions read recently, by token, the oldest first.
  const recent = new Map<string, { found: FoundSession; at: number }>();
  const remember = (token: string, found: FoundSession, at: number): void => {
    recent.delete(token);
    recent.set(token, { found, at });
    for (const oldest of recent.keys()) {
      if (recent.size <= VIEWER_WINDOW_ENTRIES) break;
      recent.delete(oldest);
    }
  };
  return {
    /**
     * Who is signed in, from the cookies (null: nobody): one query, rarely a write
     * (sessionRenewal), and none when the same session was read less than VIEWER_WINDOW_MS ago
     * (unless `fresh`). Expiry and the staff limits are checked every time.
     */
    async viewerOf(
      cookies: Readonly<Record<string, string | undefined>>,
      options: { fresh?: boolean; keep?: boolean } = {},
    ): Promise<SignedInViewer | null> {
      const token = sessionTokenOf(cookies, deps.secret);
      if (!token) return null;
      // The session's life runs on real time, as better-auth's own checks do; the staff limits
      // on the platform's clock.
      const realNow = Date.now();
      const kept = options.fresh ? undefined : recent.get(token);
      const cached = kept && realNow - kept.at < windowMs ? kept.found : null;
      const found =
        cached ?? (await deps.repository.sessionOf(token, deps.membershipsSql, deps.factsSql));
      if (!found) {
        recent.delete(token);
        return null;
      }
      if (found.expiresAt.getTime() <= realNow) {
        recent.delete(token);
        await deps.repository.deleteSession(found.id);
        return null;
      }
      const { user, memberships } = found;
      const grantedRole = asRole(user.role);
      if (sessionHasLapsed(grantedRole, found, now())) {
        recent.delete(token);
        await deps.repository.deleteSession(found.id);
        await audit.record({ type: 'session.lapsed', actorId: user.id, subject: user.email });
        return null;
      }
      if (!cached) {
        const renewal = sessionRenewal(found, now(), realNow);
        if (renewal)
          await deps.repository.touchSession(found.id, renewal.seenAt, renewal.expiresAt);
        if (windowMs > 0 && options.keep !== false)
          remember(
            token,
            renewal
              ? {
                  ...found,
                  lastSeenAt: renewal.seenAt,
                  expiresAt: renewal.expiresAt ?? found.expiresAt,
                }
              : found,
            realNow,
          );
      }
      return {
        kind: 'user',
        id: user.id,
        role: effectiveRole(grantedRole, memberships),
        grantedRole,
        administers: administered(memberships),
        name: user.name,
        email: user.email,
        twoFactorEnabled: user.twoFactorEnabled,
        facts: found.facts,
      };
    },

    /** Forgets every session read recently: something a page shows of its person may have changed. */
    forgetViewers(): void {
      recent.clear();
    },
  };
}
