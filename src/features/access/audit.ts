/** The audit log of security events: written by the access use cases, read by administrators. */
import { and, desc, eq, gte, ilike, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { auditEvents } from './access.schema.js';
import { likePattern } from '../../platform/db/text-match.js';

export const AUDIT_EVENT_TYPES = [
  'sign-in.success',
  'sign-in.failure',
  'sign-in.locked',
  'sign-in.second-factor-failed',
  'two-factor.enabled',
  'sign-out',
  'session.lapsed',
  'sign-up',
  'email.verified',
  'password.reset-requested',
  'password.reset',
  'admin.created',
  'data.exported',
  'account.deleted',
  'accounts.purged',
  'membership.applied',
  'membership.decided',
  'invitation.accepted',
  'invitation.sent',
  'role.changed',
  'membership.status-changed',
  'membership.class-changed',
  'membership.join-requested',
  'membership.join-decided',
  'organisation.updated',
  'introduction.sent',
  'dialogue.moderated',
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export interface AuditEvent {
  type: AuditEventType;
  actorId?: string | null;
  subject?: string | null;
  ip?: string | null;
  details?: Record<string, string | number | boolean>;
}

export interface AuditFilter {
  type?: AuditEventType;
  /** Part of the subject (e.g. an e-mail address), case-insensitive. */
  subject?: string;
  limit?: number;
}

export function createAuditLog(db: Db) {
  return {
    async record(event: AuditEvent): Promise<void> {
      await db.insert(auditEvents).values({
        type: event.type,
        actorId: event.actorId ?? null,
        subject: event.subject ?? null,
        ip: event.ip ?? null,
        details: event.details ?? {},
      });
    },

    /** How many events of a type concerned a subject since a moment (for per-address limits). */
    async count(type: AuditEventType, subject: string, since: Date): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.type, type),
            eq(auditEvents.subject, subject),
            gte(auditEvents.at, since),
          ),
        );
      return row?.n ?? 0;
    },

    /** Newest first. */
    async list(filter: AuditFilter = {}) {
      const conditions = [
        filter.type ? eq(auditEvents.type, filter.type) : undefined,
        filter.subject ? ilike(auditEvents.subject, likePattern(filter.subject)) : undefined,
      ].filter((condition) => condition !== undefined);
      return db
        .select()
        .from(auditEvents)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(desc(auditEvents.at))
        .limit(filter.limit ?? 200);
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
