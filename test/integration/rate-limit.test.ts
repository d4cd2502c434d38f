import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('rate limits on public forms', () => {
  it('answer the 11th set-up attempt in a minute with a localised 429 and Retry-After', async () => {
    const link = await app.access.issueSetupLink('it');
    const path = new URL(link.url).pathname;
    const statuses: number[] = [];
    let last = { statusCode: 0, body: '', headers: {} as Record<string, unknown> };
    for (let attempt = 0; attempt < 11; attempt++) {
      last = await app.http.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'name=x',
      });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 403)).toBe(true);
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
    expect(last.body).toContain('<html lang="it"');
    expect(last.body).toContain('Troppe');
  });
});
