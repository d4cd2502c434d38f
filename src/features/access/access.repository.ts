/** All SQL of the access module. */
import { and, asc, desc, eq, gt, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import {
  accounts,
  auditEvents,
  consents,
  sessions,
  setupTokens,
  signInThrottle,
  users,
} from './access.schema.js';
import type { Membership, Role } from './access.policy.js';
import { likePattern } from '../../platform/db/text-match.js';

/** A person whose address is already proven, with a password (scrypt hash). */
interface NewVerifiedUser {
  name: string;
  email: string;
  role: Role;
  locale: string;
  passwordHash: string;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Inserts the user and their password sign-in method, inside the caller's transaction. */
async function insertVerifiedUser(tx: Tx, user: NewVerifiedUser): Promise<{ id: string }> {
  const [created] = await tx
    .insert(users)
    .values({
      name: user.name,
      email: user.email,
      role: user.role,
      locale: user.locale,
      emailVerified: true,
    })
    .returning({ id: users.id });
  if (!created) throw new Error('user not created');
  await tx.insert(accounts).values({
    userId: created.id,
    providerId: 'credential',
    accountId: created.id,
    password: user.passwordHash,
  });
  return created;
}

export function createAccessRepository(db: Db) {
  return {
    async countAdministrators(): Promise<number> {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(users)
        .where(eq(users.role, 'administrator'));
      return row?.count ?? 0;
    },

    /** The administrators' addresses and languages, to tell them of what waits for them. */
    async administratorAddresses(): Promise<{ email: string; name: string; locale: string }[]> {
      return db
        .select({ email: users.email, name: users.name, locale: users.locale })
        .from(users)
        .where(eq(users.role, 'administrator'));
    },

    /** People whose name or address contains the query (all when empty), newest first. */
    async listUsers(query: string, limit = 200) {
      const pattern = likePattern(query);
      return db
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          role: users.role,
          emailVerified: users.emailVerified,
          createdAt: users.createdAt,
        })
        .from(users)
        .where(query ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined)
        .orderBy(desc(users.createdAt))
        .limit(limit);
    },

    async findUser(id: string) {
      const [row] = await db
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          role: users.role,
          locale: users.locale,
          timeZone: users.timeZone,
        })
        .from(users)
        .where(eq(users.id, id));
      return row ?? null;
    },

    /** The time zone the person reads times in (an IANA name, checked by the caller), or none. */
    async setTimeZone(id: string, timeZone: string | null): Promise<void> {
      await db.update(users).set({ timeZone }).where(eq(users.id, id));
    },

    /** Gives a person a role; returns the previous one, or null when nobody has that id. */
    async setRole(id: string, role: Role): Promise<string | null> {
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select({ role: users.role })
          .from(users)
          .where(eq(users.id, id))
          .for('update');
        if (!before) return null;
        await tx.update(users).set({ role }).where(eq(users.id, id));
        return before.role;
      });
    },

    async insertSetupToken(tokenHash: string, expiresAt: Date): Promise<void> {
      await db.insert(setupTokens).values({ tokenHash, expiresAt });
    },

    /** A token that exists, is unused and has not expired. */
    async findUsableSetupToken(tokenHash: string, now: Date) {
      const [row] = await db
        .select()
        .from(setupTokens)
        .where(
          and(
            eq(setupTokens.tokenHash, tokenHash),
            isNull(setupTokens.usedAt),
            gt(setupTokens.expiresAt, now),
          ),
        );
      return row ?? null;
    },

    /**
     * The session of a token with its person and their organisations, in one query: what every
     * signed-in request needs to know who asks. `memberships` is the members module's SQL.
     */
    async sessionOf(
      token: string,
      memberships: (userId: SQL) => SQL,
      facts: Readonly<Record<string, (userId: SQL) => SQL>> = {},
    ) {
      const named = Object.entries(facts).map(
        ([name, fact]) => sql`${name}::text, ${fact(sql`u.id`)}`,
      );
      const rows = await db.execute<{
        id: string;
        expires_at: string | Date;
        created_at: string | Date;
        last_seen_at: string | Date;
        user_id: string;
        name: string;
        email: string;
        role: string;
        two_factor_enabled: boolean;
        memberships: Membership[];
        facts: Record<string, unknown>;
      }>(sql`
        SELECT s.id, s.expires_at, s.created_at, s.last_seen_at, u.id AS user_id, u.name, u.email,
               u.role, u.two_factor_enabled, ${memberships(sql`u.id`)} AS memberships,
               json_build_object(${sql.join(named, sql`, `)}) AS facts
          FROM ${sessions} s JOIN ${users} u ON u.id = s.user_id
         WHERE s.token = ${token}`);
      const row = rows.rows[0];
      if (!row) return null;
      return {
        id: row.id,
        expiresAt: new Date(row.expires_at),
        createdAt: new Date(row.created_at),
        lastSeenAt: new Date(row.last_seen_at),
        user: {
          id: row.user_id,
          name: row.name,
          email: row.email,
          role: row.role,
          twoFactorEnabled: row.two_factor_enabled,
        },
        memberships: row.memberships,
        facts: row.facts,
      };
    },

    async findSession(id: string) {
      const [row] = await db
        .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
        .from(sessions)
        .where(eq(sessions.id, id));
      return row ?? null;
    },

    /** Notes activity on a session, at most once a minute; `expiresAt` moves its end on. */
    async touchSession(id: string, now: Date, expiresAt?: Date): Promise<void> {
      await db
        .update(sessions)
        .set(
          expiresAt ? { lastSeenAt: now, expiresAt, updatedAt: new Date() } : { lastSeenAt: now },
        )
        .where(
          expiresAt
            ? eq(sessions.id, id)
            : and(eq(sessions.id, id), lt(sessions.lastSeenAt, new Date(now.getTime() - 60_000))),
        );
    },

    async deleteSession(id: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.id, id));
    },

    async recordConsent(consent: {
      userId: string;
      document: string;
      version: string;
      locale: string;
    }): Promise<void> {
      await db.insert(consents).values(consent);
    },

    async consentsOf(userId: string) {
      return db
        .select({
          document: consents.document,
          version: consents.version,
          locale: consents.locale,
          givenAt: consents.givenAt,
          withdrawnAt: consents.withdrawnAt,
        })
        .from(consents)
        .where(eq(consents.userId, userId))
        .orderBy(asc(consents.givenAt));
    },

    /** Everything the platform holds about a person, for "download my data". */
    async personalData(userId: string) {
      const [user] = await db
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          emailVerified: users.emailVerified,
          role: users.role,
          locale: users.locale,
          timeZone: users.timeZone,
          twoFactorEnabled: users.twoFactorEnabled,
          createdAt: users.createdAt,
          updatedAt: users.updatedAt,
        })
        .from(users)
        .where(eq(users.id, userId));
      if (!user) return null;
      const [signInMethods, openSessions, events, givenConsents] = await Promise.all([
        db
          .select({ providerId: accounts.providerId, createdAt: accounts.createdAt })
          .from(accounts)
          .where(eq(accounts.userId, userId)),
        db
          .select({
            createdAt: sessions.createdAt,
            lastSeenAt: sessions.lastSeenAt,
            expiresAt: sessions.expiresAt,
            ipAddress: sessions.ipAddress,
            userAgent: sessions.userAgent,
          })
          .from(sessions)
          .where(eq(sessions.userId, userId)),
        db
          .select({
            at: auditEvents.at,
            type: auditEvents.type,
            ip: auditEvents.ip,
            details: auditEvents.details,
          })
          .from(auditEvents)
          .where(or(eq(auditEvents.actorId, userId), eq(auditEvents.subject, user.email)))
          .orderBy(asc(auditEvents.at)),
        this.consentsOf(userId),
      ]);
      return {
        user,
        signInMethods,
        sessions: openSessions,
        securityEvents: events,
        consents: givenConsents,
      };
    },

    async passwordHashOf(userId: string): Promise<string | null> {
      const [row] = await db
        .select({ password: accounts.password })
        .from(accounts)
        .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
      return row?.password ?? null;
    },

    /**
     * Deletes a person (sessions, sign-in methods and second factors go with them) and removes
     * their address and IP from the security events, which stay as anonymous facts.
     */
    async deleteUserAndAnonymise(userId: string, email: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .update(auditEvents)
          .set({ subject: null, ip: null, actorId: null })
          .where(or(eq(auditEvents.actorId, userId), eq(auditEvents.subject, email)));
        await tx.delete(signInThrottle).where(eq(signInThrottle.email, email));
        await tx.delete(users).where(eq(users.id, userId));
      });
    },

    /** Deletes accounts whose address was never confirmed, created before `cutoff`; returns how many. */
    async purgeUnverifiedBefore(cutoff: Date): Promise<number> {
      return db.transaction(async (tx) => {
        const doomed = await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(and(eq(users.emailVerified, false), lt(users.createdAt, cutoff)));
        if (doomed.length === 0) return 0;
        const emails = doomed.map((user) => user.email);
        await tx
          .update(auditEvents)
          .set({ subject: null, ip: null })
          .where(inArray(auditEvents.subject, emails));
        await tx.delete(users).where(
          inArray(
            users.id,
            doomed.map((user) => user.id),
          ),
        );
        return doomed.length;
      });
    },

    /** Creates a person whose address is already proven (an invitation reached it), with a password. */
    async createVerifiedUser(user: NewVerifiedUser): Promise<string> {
      return (await db.transaction((tx) => insertVerifiedUser(tx, user))).id;
    },

    async findUserByEmail(email: string) {
      const [row] = await db.select().from(users).where(eq(users.email, email));
      return row ?? null;
    },

    /**
     * Marks the token used and creates the user with a password, all or nothing; returns null
     * when the token was used meanwhile (two submissions racing).
     */
    async redeemSetupToken(
      tokenHash: string,
      now: Date,
      user: { name: string; email: string; role: Role; locale: string; passwordHash: string },
    ): Promise<{ id: string } | null> {
      return db.transaction(async (tx) => {
        const claimed = await tx
          .update(setupTokens)
          .set({ usedAt: now })
          .where(
            and(
              eq(setupTokens.tokenHash, tokenHash),
              isNull(setupTokens.usedAt),
              gt(setupTokens.expiresAt, now),
            ),
          )
          .returning({ tokenHash: setupTokens.tokenHash });
        if (claimed.length === 0) return null;
        return insertVerifiedUser(tx, user);
      });
    },
  };
}

export type AccessRepository = ReturnType<typeof createAccessRepository>;
