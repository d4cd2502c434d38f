/** Sending pages, and serving anonymous pages from the render cache. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import pLimit from 'p-limit';
import type { RenderCache } from '../platform/cache/render-cache.js';
import { SESSION_COOKIES } from '../platform/http/cookies.js';

export interface SendPageOptions {
  status?: number;
  /** 'no-cache' by default: a page may change at any time, so a cache asks again (ETag) before reuse. */
  cache?: 'no-cache' | 'no-store';
  /** A stricter Referrer-Policy for pages whose address holds a secret. */
  referrer?: 'no-referrer';
}

/**
 * HTML kept to be written into many pages (a layout's fixed parts, shared option lists), as one
 * flat string. JSX joins its pieces into a tree of strings, and every page sent walks its whole
 * tree to count and write its bytes; a part kept as a tree is walked again on every page that
 * holds it, a flat one copied at once (decision 0025). Copies once, when the part is kept.
 */
export function flatHtml(html: JSX.Element): string {
  if (typeof html !== 'string') throw new TypeError('kept HTML is written at once, not awaited');
  return Buffer.from(html, 'utf8').toString('utf8');
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
  /**
   * onRequest hook: answers a GET from the cache when an anonymous render of it is there; else
   * waits for one of the instance's render turns (`renderConcurrency`), held until the answer is
   * ready (`finishRender`).
   */
  serveCached(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined>;
  /** onSend hook: gives the request's render turn back, its page made. */
  finishRender(request: FastifyRequest): Promise<void>;
  /** Sends a page that is the same for every anonymous viewer, and keeps it for the next ones. */
  sendShared(reply: FastifyReply, page: JSX.Element): Promise<FastifyReply>;
}

/**
 * Binds page sending to a render cache (or to none: every page is rendered each time), rendering
 * at most `renderConcurrency` pages at once: under a burst, requests past that wait their turn
 * holding nothing but themselves, instead of all holding their reads and half-built pages at once
 * (the peak of memory; decision 0025). A file being downloaded has given its turn back.
 */
export function createPageCache(cache: RenderCache | null, renderConcurrency = 6): PageCache {
  const turns = pLimit(renderConcurrency);
  const held = new WeakMap<FastifyRequest, () => void>();
  const takeTurn = (request: FastifyRequest, reply: FastifyReply): Promise<void> =>
    new Promise((started) => {
      void turns(
        () =>
          new Promise<void>((done) => {
            let given = false;
            const giveBack = (): void => {
              if (given) return;
              given = true;
              held.delete(request);
              done();
            };
            held.set(request, giveBack);
            // An answer that never reaches onSend (the client left) gives it back on close.
            reply.raw.once('close', giveBack);
            started();
          }),
      );
    });
  return {
    async serveCached(request, reply) {
      if (request.method !== 'GET') return undefined;
      const hit = cache && isAnonymous(request) ? cache.get(request.url) : undefined;
      if (!hit) {
        await takeTurn(request, reply);
        return undefined;
      }
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
    async finishRender(request) {
      held.get(request)?.();
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
