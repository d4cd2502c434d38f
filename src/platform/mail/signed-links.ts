/**
 * Links that act without a sign-in (one-click unsubscribe, RFC 8058): the address carries an
 * HMAC of what it names, made with the platform's secret, so nothing secret is stored and a link
 * cannot be made for anyone else. Each use names its purpose, so a link of one kind never opens
 * another.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature of `value` for `purpose` (32 URL-safe characters). */
export function signValue(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret)
    .update(`${purpose}:${value}`)
    .digest('base64url')
    .slice(0, 32);
}

/** True when `signature` is the one `signValue` makes; in constant time. */
export function verifyValue(
  secret: string,
  purpose: string,
  value: string,
  signature: string,
): boolean {
  const expected = Buffer.from(signValue(secret, purpose, value));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The header fields of a message a person may stop with one click: List-Unsubscribe (RFC 2369)
 * with List-Unsubscribe-Post (RFC 8058), so that mail programs offer "unsubscribe" and post to the
 * address without opening it; Auto-Submitted keeps auto-replies away (RFC 3834).
 */
export function oneClickUnsubscribe(url: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${url}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'Auto-Submitted': 'auto-generated',
  };
}
