/**
 * A person as the reader of what the platform tells them (an e-mail, a notification): their role
 * as they act with it now, their organisations' standing counted (a practitioner whose
 * organisation lapsed reads as a registered person from that moment), address and language.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { ROLES, effectiveRole, type Membership, type SignedInViewer } from '../access/index.js';

export type Reader = SignedInViewer & { locale: string };

/** A person's organisations as JSON `[{ organisationId, role, active }]`, for a query about them. */
export const membershipsSql = (userId: SQL): SQL => sql`
  coalesce((SELECT json_agg(json_build_object(
                     'organisationId', m.organisation_id,
                     'role', CASE WHEN m.role = 'admin' THEN 'admin' ELSE 'member' END,
                     'active', o.status = 'active'))
              FROM organisation_members m
              JOIN organisations o ON o.id = m.organisation_id
             WHERE m.user_id = ${userId}), '[]'::json)`;

/** The reader a person is now; null when gone or their address is not confirmed. */
export async function readerOf(db: Db, userId: string): Promise<Reader | null> {
  const rows = await db.execute<{
    id: string;
    name: string;
    email: string;
    role: string;
    locale: string;
    email_verified: boolean;
    memberships: Membership[];
  }>(sql`
    SELECT u.id, u.name, u.email, u.role, u.locale, u.email_verified,
           ${membershipsSql(sql`u.id`)} AS memberships
      FROM users u WHERE u.id = ${userId}`);
  const row = rows.rows[0];
  if (!row || !row.email_verified) return null;
  const granted = ROLES.find((role) => role === row.role) ?? 'registered';
  return {
    kind: 'user',
    id: row.id,
    role: effectiveRole(granted, row.memberships),
    grantedRole: granted,
    administers: [],
    name: row.name,
    email: row.email,
    twoFactorEnabled: false,
    locale: row.locale,
  };
}
