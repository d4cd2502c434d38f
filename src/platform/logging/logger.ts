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

/**
 * A request's address as logged: the values of `token` parameters, and path segments that look
 * like a link's secret (40 or more base64url characters with a capital or an underscore, as
 * 32 random bytes are written; slugs are lower-case), replaced. Such links (confirmations,
 * invitations, follow links) give access to whoever holds them.
 */
export function loggedUrl(url: string): string {
  const [path = '', query] = url.split(/\?(.*)/s);
  const safePath = path
    .split('/')
    .map((segment) => (/^(?=.*[A-Z_])[\w-]{40,}$/.test(segment) ? '[redacted]' : segment))
    .join('/');
  const safeQuery = query?.replace(/(^|&)(token=)[^&]*/gi, '$1$2[redacted]');
  return safeQuery === undefined ? safePath : `${safePath}?${safeQuery}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  hostname?: string;
  ip?: string;
}

/** Creates the process logger at the given level, writing JSON lines to stdout or `destination`. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'hrcn' },
    serializers: {
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: loggedUrl(request.url ?? ''),
        host: request.host ?? request.hostname,
        remoteAddress: request.ip,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
