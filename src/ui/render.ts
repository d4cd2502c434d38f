/** Sending pages, and serving anonymous pages from the render cache. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RenderCache } from '../platform/cache/render-cache.js';
import { SESSION_COOKIES } from '../platform/http/cookies.js';

export interface SendPageOptions {
  status?: number;
  /** 'no-cache' by default: pages carry a per-response CSP nonce, so no shared cache may reuse them. */
  cache?: 'no-cache' | 'no-store';
  /** A stricter Referrer-Policy for pages whose address holds a secret. */
  referrer?: 'no-referrer';
}

const nonceOf = (reply: FastifyReply): string =>
  (reply.cspNonce as { script?: string } | undefined)?.script ?? '';

/** Sends a rendered page as HTML. */
export async function sendPage(
  reply: FastifyReply,
  page: JSX.Element,
  options: SendPageOptions = {},
): Promise<FastifyReply> {
  if (options.referrer) reply.header('referrer-policy', options.referrer);
  return reply
    .status(options.status ?? 200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', options.cache ?? 'no-cache')
    .send(await page);
}

/** True when the request comes from nobody signed in: only such pages may be shared. */
export function isAnonymous(request: FastifyRequest): boolean {
  return SESSION_COOKIES.every((name) => !request.cookies?.[name]);
}

export interface PageCache {
  /** onRequest hook: answers a GET from the cache when an anonymous render of it is there. */
  serveCached(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined>;
  /** Sends a page that is the same for every anonymous viewer, and keeps it for the next ones. */
  sendShared(reply: FastifyReply, page: JSX.Element): Promise<FastifyReply>;
}

/** Binds page sending to a render cache (or to none: every page is rendered each time). */
export function createPageCache(cache: RenderCache | null): PageCache {
  return {
    async serveCached(request, reply) {
      if (!cache || request.method !== 'GET' || !isAnonymous(request)) return undefined;
      const hit = cache.get(request.url);
      if (!hit) return undefined;
      const body = hit.nonce ? hit.body.replaceAll(hit.nonce, nonceOf(reply)) : hit.body;
      return reply
        .status(hit.status)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('x-render-cache', 'hit')
        .send(body);
    },
    async sendShared(reply, page) {
      const html = await page;
      if (cache && reply.request.method === 'GET' && isAnonymous(reply.request)) {
        cache.set(reply.request.url, { status: 200, body: html, nonce: nonceOf(reply) });
        reply.header('x-render-cache', 'miss');
      }
      return sendPage(reply, html);
    },
  };
}
