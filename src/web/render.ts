import type { FastifyReply } from 'fastify';

export interface SendPageOptions {
  status?: number;
  /** 'no-cache' by default: pages carry a per-response CSP nonce, so no cache may reuse them. */
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
