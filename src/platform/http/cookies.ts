/**
 * The platform's cookies, in one place. The site sets none by default: the CSRF cookie only on
 * pages with a form, and (issue #3) the session cookie only once someone signs in.
 */
import type { CookieSerializeOptions } from '@fastify/cookie';

/** Names of the session cookie (HTTP, and HTTPS with the __Secure- prefix): a request that carries one is not anonymous. */
export const SESSION_COOKIES = ['hrcn.session_token', '__Secure-hrcn.session_token'] as const;

/** Name of the cookie that holds the CSRF secret of a form. */
export const CSRF_COOKIE = 'hrcn_csrf';

/** Options every platform cookie uses: HttpOnly, SameSite=Lax, Secure behind HTTPS, signed. */
export function cookieOptions(secure: boolean): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true };
}
