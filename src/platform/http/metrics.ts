/** Prometheus metrics: process defaults and a request-duration histogram per route. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Registers `/metrics` and the hooks that time every request. With a token, `/metrics` answers
 * only `Authorization: Bearer <token>` (compared in constant time).
 */
export function registerMetrics(app: FastifyInstance, token: string | null = null): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hrcn_' });
  const duration = new Histogram({
    name: 'hrcn_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        route: request.routeOptions.url ?? 'not-found',
        method: request.method,
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  const expected = token ? createHash('sha256').update(`Bearer ${token}`).digest() : null;
  app.get('/metrics', async (request, reply) => {
    if (expected) {
      const given = createHash('sha256')
        .update(request.headers.authorization ?? '')
        .digest();
      if (!timingSafeEqual(given, expected)) {
        return reply
          .status(401)
          .header('www-authenticate', 'Bearer')
          .send({ error: 'unauthorised' });
      }
    }
    return reply.header('content-type', registry.contentType).send(await registry.metrics());
  });
  return registry;
}
