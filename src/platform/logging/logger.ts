/** Structured JSON logs (pino), with secrets redacted wherever they could appear. */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  'databaseUrl',
];

/** Creates the process logger at the given level, writing JSON lines to stdout or `destination`. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'hrcn' },
  };
  return destination ? pino(options, destination) : pino(options);
}
