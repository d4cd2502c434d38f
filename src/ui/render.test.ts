import { EventEmitter } from 'node:events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createPageCache } from './render.js';

const request = (): FastifyRequest =>
  ({ method: 'GET', url: '/en/', cookies: {}, headers: {} }) as unknown as FastifyRequest;
const reply = (): FastifyReply & { raw: EventEmitter } =>
  ({ raw: new EventEmitter() }) as unknown as FastifyReply & { raw: EventEmitter };

/** Whether the promise has settled by the time queued work has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('render turns', () => {
  it('let as many pages render at once as allowed; the next waits for a page to be made', async () => {
    const pages = createPageCache(null, 2);
    const [first, second, third, fourth] = [request(), request(), request(), request()];
    expect(await settled(pages.serveCached(first, reply()))).toBe(true);
    expect(await settled(pages.serveCached(second, reply()))).toBe(true);
    const waiting = pages.serveCached(third, reply());
    expect(await settled(waiting)).toBe(false);
    // The first page is made: its turn goes to the third, once (a second onSend gives nothing).
    await pages.finishRender(first);
    await pages.finishRender(first);
    expect(await settled(waiting)).toBe(true);
    const last = pages.serveCached(fourth, reply());
    expect(await settled(last)).toBe(false);
  });

  it('are given back when the client leaves before the answer', async () => {
    const pages = createPageCache(null, 1);
    const leaving = reply();
    await pages.serveCached(request(), leaving);
    const next = pages.serveCached(request(), reply());
    expect(await settled(next)).toBe(false);
    leaving.raw.emit('close');
    expect(await settled(next)).toBe(true);
  });
});
