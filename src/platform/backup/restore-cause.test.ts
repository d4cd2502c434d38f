import { describe, expect, it } from 'vitest';
import { causeOf } from './restore.js';
import { explain } from './restore-checks.js';

/** An error as a stream library gives it: a message and a code. */
const streamError = (message: string, code: string): Error =>
  Object.assign(new Error(message), { code });

/** Reading a truncated archive, failed (and handled, as restoreBackup handles it). */
function truncated(): Promise<void> {
  const unpacking = Promise.reject(streamError('unexpected end of file', 'Z_BUF_ERROR'));
  unpacking.catch(() => undefined);
  return unpacking;
}

describe('a restore cut short by its archive', () => {
  it('reports the archive’s failure, whichever stream reported being cut short', async () => {
    const cutShort: [string, string][] = [
      ['Stream was destroyed', 'STREAM_DESTROYED'],
      ['Premature close', 'PREMATURE_CLOSE'],
      ['Cannot call write after a stream was destroyed', 'ERR_STREAM_DESTROYED'],
      ['Premature close', 'ERR_STREAM_PREMATURE_CLOSE'],
    ];
    for (const [message, code] of cutShort) {
      const error = streamError(message, code);
      const reported = explain((await causeOf(truncated(), error)) ?? error);
      expect(reported.message, code).toBe(
        'The archive ends too soon: it is truncated. Nothing was restored.',
      );
    }
  });

  it('keeps an error of its own (the database’s, a check’s) as it is', async () => {
    const refused = streamError('invalid input syntax for type uuid', '22P02');
    expect(await causeOf(truncated(), refused)).toBeNull();
    expect(
      await causeOf(Promise.resolve(), streamError('Stream was destroyed', 'STREAM_DESTROYED')),
    ).toBeNull();
  });
});
