/**
 * Static assets served from memory under content-hashed names (`site.3f2a9c1e.css`) with immutable
 * caching, so a new release never meets a stale file in a browser or a proxy.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

interface Asset {
  body: Buffer;
  contentType: string;
}

export interface AssetManifest {
  /** The public URL of an asset by its source name, e.g. url('site.css') → '/assets/site.1a2b3c4d.css'. */
  url(name: string): string;
}

/** Reads every file of `dir` and registers a route that serves them by hashed name. */
export function registerAssets(
  app: FastifyInstance,
  dir: string,
  /** Assets made at start rather than read from `dir` (e.g. a drawn map). */
  generated: readonly { name: string; body: Buffer }[] = [],
  prefix = '/assets/',
): AssetManifest {
  const byPublicName = new Map<string, Asset>();
  const urls = new Map<string, string>();
  const sources = [
    ...readdirSync(dir).map((name) => ({ name, read: () => readFileSync(path.join(dir, name)) })),
    ...generated.map((asset) => ({ name: asset.name, read: () => asset.body })),
  ];
  for (const { name, read } of sources) {
    const ext = path.extname(name);
    const contentType = CONTENT_TYPES[ext];
    if (!contentType) continue;
    const body = read();
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const publicName = `${path.basename(name, ext)}.${hash}${ext}`;
    byPublicName.set(publicName, { body, contentType });
    urls.set(name, `${prefix}${publicName}`);
  }
  app.get<{ Params: { name: string } }>(`${prefix}:name`, async (request, reply) => {
    const asset = byPublicName.get(request.params.name);
    if (!asset) return reply.callNotFound();
    return reply
      .header('content-type', asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  });
  return {
    url(name) {
      const url = urls.get(name);
      if (!url) throw new Error(`Unknown asset ${name}`);
      return url;
    },
  };
}
