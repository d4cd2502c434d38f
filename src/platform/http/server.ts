/**
 * The Fastify instance with the cross-cutting HTTP concerns: logging, security headers with a
 * fixed Content-Security-Policy (no nonce: decision 0025), compression, cookies, CSRF, form bodies
 * and rate limits.
 */
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import helmet from 'helmet';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type pg from 'pg';
import { BadRequestError } from '../errors/errors.js';
import type { Logger } from '../logging/logger.js';
import { CSRF_COOKIE, cookieOptions } from './cookies.js';
import { createPgRateLimitStore } from './rate-limit-store.js';
import { registerMultipartForms } from './uploads.js';

export interface HttpOptions {
  log: Logger;
  /** Signs cookies (CSRF now, the session from issue #3). */
  cookieSecret: string;
  trustProxy: boolean;
  /** Mark cookies Secure: true when the public address is https. */
  secureCookies: boolean;
  /** Holds the rate-limit counters, shared by every instance on the same database. */
  pool: pg.Pool;
}

/** Builds the server with its platform plugins; routes are added by the caller. */
export async function createHttpServer(options: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.log as FastifyBaseLogger,
    trustProxy: options.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    genReqId: () => crypto.randomUUID(),
    // One line per request, when it is answered, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        req: request,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
    done();
  });
  refuseNulCharacters(app);

  securityHeaders(app, options.secureCookies);
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie, { secret: options.cookieSecret });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: cookieOptions(options.secureCookies),
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      return fromBody ?? (request.headers['x-csrf-token'] as string | undefined);
    },
  });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await registerMultipartForms(app);
  // Off by default; each public form route opts in with its own limit (config.rateLimit).
  // Counted in PostgreSQL so all instances agree; if the database fails, requests go through
  // rather than everyone being locked out (the store logs the failure).
  await app.register(rateLimit, {
    global: false,
    store: createPgRateLimitStore({ pool: options.pool, log: options.log }),
    skipOnError: true,
  });

  return app;
}

/** True when a parsed body (form fields, JSON) holds a NUL character in a text; files' bytes are theirs. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (ArrayBuffer.isView(value)) return false;
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([key, entry]) => key.includes('\0') || holdsNul(entry));
  return false;
}

/**
 * A NUL character has no place in an address or a form, and PostgreSQL text cannot hold one: such
 * a request is refused as not understood (a localised 400), before any route reads it.
 */
function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (/%00|\0/i.test(request.url)) throw new BadRequestError();
  });
  app.addHook('preValidation', async (request) => {
    if (holdsNul(request.body)) throw new BadRequestError();
  });
}

/**
 * Security headers (helmet) with a fixed Content-Security-Policy: scripts and styles from the site's
 * own files only, no inline script (JSON-LD is data, which CSP does not govern), so no nonce — and
 * so a page is the same bytes for every visitor, which the render cache keeps compressed. The
 * middleware is built once (the Fastify plugin builds it again on every request).
 */
function securityHeaders(app: FastifyInstance, secureCookies: boolean): void {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Same-origin pages only; no third-party embedding either way.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', (request, reply, done) =>
    headers(request.raw, reply.raw, (error?: unknown) =>
      done(error instanceof Error ? error : undefined),
    ),
  );
}
