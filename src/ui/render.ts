/** Sending pages, and serving anonymous pages from the render cache. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import type { RenderCache } from '../platform/cache/render-cache.js';
import { SESSION_COOKIES } from '../platform/http/cookies.js';

export interface SendPageOptions {
  status?: number;
  /** 'no-cache' by default: a page may change at any time, so a cache asks again (ETag) before reuse. */
  cache?: 'no-cache' | 'no-store';
  /** A stricter Referrer-Policy for pages whose address holds a secret. */
  referrer?: 'no-referrer';
}

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

const ENCODINGS = ['br', 'gzip', 'identity'] as const;

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
      reply
        .status(hit.status)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('etag', hit.etag)
        .header('vary', 'accept-encoding')
        .header('x-render-cache', 'hit');
      if (request.headers['if-none-match']?.includes(hit.etag)) return reply.status(304).send();
      // The forms compressed when the page was kept: no compression on a hit.
      const encoding = new Negotiator(request.raw).encoding(
        ENCODINGS.filter((name) => name === 'identity' || hit[name]),
      );
      if (encoding === 'br' || encoding === 'gzip')
        return reply.header('content-encoding', encoding).send(hit[encoding]);
      return reply.send(hit.body);
    },
    async sendShared(reply, page) {
      const html = await page;
      if (cache && reply.request.method === 'GET' && isAnonymous(reply.request)) {
        cache.set(reply.request.url, { status: 200, body: html });
        reply.header('x-render-cache', 'miss');
      }
      return sendPage(reply, html);
    },
  };
}
