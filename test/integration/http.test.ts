import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('security headers', () => {
  it('sends a CSP with no inline script and no third-party origin, and the usual hardening headers', async () => {
    const response = await app.http.inject({ url: '/en/' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    // Scripts from the site's own files only: no nonce, no hash, no 'unsafe-inline'.
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/https?:\/\//);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    // No inline script but data (JSON-LD, which no browser runs), and no inline style at all.
    expect(response.body).not.toMatch(/<script(?![^>]*(src=|type="application\/ld\+json"))/);
    expect(response.body).not.toMatch(/<style|style="/);
  });

  it('sets no cookie on ordinary pages', async () => {
    const response = await app.http.inject({ url: '/en/knowledge' });
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});

describe('static assets and compression', () => {
  it('serves the stylesheet under a content-hashed name with immutable caching', async () => {
    const html = (await app.http.inject({ url: '/en/' })).body;
    const href = /href="(\/assets\/site\.[0-9a-f]{10}\.css)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const css = await app.http.inject({ url: href ?? '', headers: { 'accept-encoding': 'gzip' } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.headers['content-encoding']).toBe('gzip');
    const stale = await app.http.inject({ url: '/assets/site.0000000000.css' });
    expect(stale.statusCode).toBe(404);
  });

  it('compresses pages', async () => {
    const response = await app.http.inject({
      url: '/en/knowledge/useful-links',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.headers['content-encoding']).toBe('br');
  });
});

describe('operations endpoints', () => {
  it('reports liveness, readiness and Prometheus metrics', async () => {
    expect((await app.http.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.http.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ database: true });
    await app.http.inject({ url: '/en/' });
    const metrics = await app.http.inject({ url: '/metrics' });
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('hrcn_http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('route="/:locale"');
    expect(metrics.body).toContain('hrcn_process_resident_memory_bytes');
  });
});

describe('metrics behind a token', () => {
  it('refuses /metrics without the bearer token when one is configured', async () => {
    const guarded = await buildTestApp({ metricsToken: 'a-long-metrics-token-123' });
    try {
      expect((await guarded.http.inject({ url: '/metrics' })).statusCode).toBe(401);
      const wrong = await guarded.http.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer nope' },
      });
      expect(wrong.statusCode).toBe(401);
      const right = await guarded.http.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer a-long-metrics-token-123' },
      });
      expect(right.statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('robots', () => {
  it('keeps set-up links out of search engines', async () => {
    const response = await app.http.inject({ url: '/robots.txt' });
    expect(response.body).toContain('Disallow: /*/setup/');
  });
});

describe('when the database is gone', () => {
  it('answers 503 on /readyz and a localised 500 page without internals', async () => {
    const broken = await buildTestApp({ renderCacheBytes: 0 });
    await broken.database.close();
    const ready = await broken.http.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    const page = await broken.http.inject({ url: '/it/about/how-we-work' });
    expect(page.statusCode).toBe(500);
    expect(page.body).toContain('<html lang="it"');
    expect(page.body).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // the reference number
    expect(page.body).not.toMatch(/at \S+\.(ts|js):\d+|Error:|pool|postgres/i);
    await broken.close();
  });
});
