/**
 * The session cookie as better-auth writes it: `<token>.<signature>`, the signature an HMAC-SHA-256
 * of the token with the site's secret, in base64 (44 characters). Read here without better-auth,
 * so that knowing who asks costs one query (viewer.ts), not better-auth's three.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SESSION_COOKIES } from '../../platform/http/cookies.js';
import { SESSION_LIFETIME_S, SESSION_UPDATE_AGE_S } from './auth.js';

/** The session token of a request's cookies when its signature holds; null otherwise. */
export function sessionTokenOf(
  cookies: Readonly<Record<string, string | undefined>>,
  secret: string,
): string | null {
  for (const name of SESSION_COOKIES) {
    const value = cookies[name];
    if (!value) continue;
    const dot = value.lastIndexOf('.');
    if (dot < 1) return null;
    const token = value.slice(0, dot);
    const signature = Buffer.from(value.slice(dot + 1));
    const expected = Buffer.from(createHmac('sha256', secret).update(token).digest('base64'));
    return signature.length === expected.length && timingSafeEqual(signature, expected)
      ? token
      : null;
  }
  return null;
}

/**
 * What a read session needs written, if anything: its activity noted once a minute (`seenAt`),
 * its end moved on once a day (`expiresAt`, as better-auth's updateAge). Null: nothing to write.
 */
export function sessionRenewal(
  session: { expiresAt: Date; lastSeenAt: Date },
  now: Date,
  realNow: number,
): { seenAt: Date; expiresAt?: Date } | null {
  const moveOn =
    session.expiresAt.getTime() - (SESSION_LIFETIME_S - SESSION_UPDATE_AGE_S) * 1000 <= realNow;
  if (!moveOn && now.getTime() - session.lastSeenAt.getTime() <= 60_000) return null;
  return moveOn
    ? { seenAt: now, expiresAt: new Date(realNow + SESSION_LIFETIME_S * 1000) }
    : { seenAt: now };
}
