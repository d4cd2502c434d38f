import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

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
});
