/** Resolves who is behind each request, once, before any route runs. */
import type { FastifyInstance } from 'fastify';
import type { AccountsService, SignedInViewer } from './accounts.service.js';
import { isAnonymous } from '../../ui/render.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null for a visitor. */
    viewer: SignedInViewer | null;
  }
}

export function registerViewer(app: FastifyInstance, accounts: AccountsService): void {
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request) => {
    // Only a request with a session cookie costs a database read.
    if (isAnonymous(request)) return;
    request.viewer = await accounts.viewerOf(request.cookies);
  });
}
