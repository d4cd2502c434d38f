import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { createLogger, loggedUrl } from './logger.js';

function capture(): { stream: Writable; lines: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, lines: () => text };
}

describe('logs', () => {
  it('never carry cookies, authorisation headers, passwords, tokens or secrets', () => {
    const { stream, lines } = capture();
    const log = createLogger('info', stream);
    log.info({
      req: {
        headers: { cookie: 'hrcn_csrf=SECRET-COOKIE', authorization: 'Bearer SECRET-BEARER' },
      },
      form: { password: 'SECRET-PASSWORD', token: 'SECRET-TOKEN' },
      config: { secret: 'SECRET-VALUE' },
    });
    expect(lines()).not.toMatch(/SECRET-/);
    expect(lines()).toContain('[redacted]');
  });

  it('never carry the secret of a link in a request’s address', async () => {
    const { stream, lines } = capture();
    const app = Fastify({ loggerInstance: createLogger('info', stream) as FastifyBaseLogger });
    app.get('/*', async () => 'ok');
    const secrets = Array.from({ length: 20 }, () => randomBytes(32).toString('base64url'));
    for (const secret of secrets) {
      await app.inject({ url: `/en/experts/questions/${secret}` });
      await app.inject({ url: `/en/reset-password?lang=en&token=${secret}` });
      await app.inject({ url: `/en/events/feed/${secret}/calendar.ics` });
    }
    await app.inject({
      url: '/en/knowledge/publications/a-long-slug-about-local-human-rights-offices',
    });
    await app.close();
    for (const secret of secrets) expect(lines()).not.toContain(secret);
    expect(lines()).toContain('/en/experts/questions/[redacted]');
    expect(lines()).toContain('/en/reset-password?lang=en&token=[redacted]');
    expect(lines()).toContain('/en/events/feed/[redacted]/calendar.ics');
    expect(lines()).toContain('a-long-slug-about-local-human-rights-offices');
    expect(loggedUrl('/en/files/00000000-0000-4000-8000-00000000f001/a.pdf')).toBe(
      '/en/files/00000000-0000-4000-8000-00000000f001/a.pdf',
    );
  });
});
