/** Resolves who is behind each request, once, before any route runs. */
import type { FastifyInstance } from 'fastify';
import type { AccountsService } from './accounts.service.js';
import { VIEWER_WINDOW_MS, type SignedInViewer } from './viewers.js';
import { isAnonymous } from '../../ui/render.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null for a visitor. */
    viewer: SignedInViewer | null;
  }
}

/** Set by a write for a few seconds: this browser's pages read its session afresh. */
export const FRESH_COOKIE = 'hrcn_fresh';

export function registerViewer(app: FastifyInstance, accounts: AccountsService): void {
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request, reply) => {
    // Only a request with a session cookie costs a database read.
    if (isAnonymous(request)) return;
    const writes = request.method !== 'GET' && request.method !== 'HEAD';
    if (writes) {
      // What a write changes (a follow, a role, a sign-out) shows on the next page at once: this
      // instance forgets the sessions it read, and the browser's next requests, wherever they
      // go, ask for a fresh read for as long as another instance may still hold the old one.
      accounts.forgetViewers();
      reply.setCookie(FRESH_COOKIE, '1', {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        signed: false,
        maxAge: Math.ceil(VIEWER_WINDOW_MS / 1000),
      });
    }
    request.viewer = await accounts.viewerOf(request.cookies, {
      fresh: writes || request.cookies[FRESH_COOKIE] !== undefined,
      // What a write reads is about to change: not kept.
      keep: !writes,
    });
  });
  // And what others read while it was being written is forgotten once it is written.
  app.addHook('onResponse', async (request) => {
    if (!isAnonymous(request) && request.method !== 'GET' && request.method !== 'HEAD')
      accounts.forgetViewers();
  });
}
