/**
 * A person as the reader of what the platform tells them (an e-mail, a notification): their role
 * as they act with it now, their organisations' standing counted (a practitioner whose
 * organisation lapsed reads as a registered person from that moment), address and language.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { ROLES, effectiveRole, type Membership, type SignedInViewer } from '../access/index.js';

export type Reader = SignedInViewer & { locale: string };

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
           coalesce((SELECT json_agg(json_build_object(
                      'organisationId', m.organisation_id, 'role', m.role,
                      'active', o.status = 'active'))
                       FROM organisation_members m
                       JOIN organisations o ON o.id = m.organisation_id
                      WHERE m.user_id = u.id), '[]'::json) AS memberships
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
