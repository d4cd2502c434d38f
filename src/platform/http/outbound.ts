/**
 * Requests the platform makes to other sites (checking links, reading watched feeds), made safe:
 * http(s) only, a time limit, redirects followed by hand up to a limit, and never to a private,
 * loopback or reserved address. request-filtering-agent checks the address actually connected to,
 * on every hop, so a hostile DNS answer cannot turn a request into one inside the network (SSRF).
 */
import http from 'node:http';
import https from 'node:https';
import pLimit from 'p-limit';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

export interface ProbeOptions {
  /** Allow this machine's loopback address (never other private ones): for tests only. */
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxRedirects?: number;
}

export type ProbeOutcome =
  | { kind: 'response'; status: number; finalUrl: string; redirects: number }
  | {
      kind: 'failed';
      reason: 'blocked' | 'timeout' | 'network' | 'invalid' | 'too-many-redirects';
      message: string;
    };

const agents = {
  public: {
    http: new RequestFilteringHttpAgent({ allowPrivateIPAddress: false }),
    https: new RequestFilteringHttpsAgent({ allowPrivateIPAddress: false }),
  },
  // Tests' own servers listen on the loopback address; every other private address stays closed,
  // so that a redirect into the network is refused in tests as in service.
  private: {
    http: new RequestFilteringHttpAgent({ allowIPAddressList: ['127.0.0.1', '::1'] }),
    https: new RequestFilteringHttpsAgent({ allowIPAddressList: ['127.0.0.1', '::1'] }),
  },
};

/** One request (HEAD, or GET when asked), without following redirects; the body is not read. */
function requestOnce(
  url: URL,
  method: 'HEAD' | 'GET',
  options: Required<ProbeOptions>,
): Promise<{ status: number; location: string | undefined }> {
  const pool = options.allowPrivate ? agents.private : agents.public;
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(
      url,
      {
        method,
        agent: secure ? pool.https : pool.http,
        timeout: options.timeoutMs,
        headers: { 'user-agent': 'HRCN-link-check/1', accept: '*/*' },
      },
      (response) => {
        resolve({ status: response.statusCode ?? 0, location: response.headers.location });
        response.destroy();
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end();
  });
}

/** Why a request failed: refused by the address filter, out of time, or the network's error. */
function failureOf(error: unknown): {
  kind: 'failed';
  reason: 'blocked' | 'timeout' | 'network';
  message: string;
} {
  const message = error instanceof Error ? error.message : String(error);
  if (/not allowed/i.test(message)) return { kind: 'failed', reason: 'blocked', message };
  return { kind: 'failed', reason: message === 'timeout' ? 'timeout' : 'network', message };
}

/** Where an address leads: the final status after redirects, or why it could not be reached. */
export async function probeUrl(address: string, options: ProbeOptions = {}): Promise<ProbeOutcome> {
  const settings = {
    allowPrivate: options.allowPrivate ?? false,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxRedirects: options.maxRedirects ?? 5,
  };
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { kind: 'failed', reason: 'invalid', message: 'not a valid address' };
  }
  for (let redirects = 0; redirects <= settings.maxRedirects; redirects += 1) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { kind: 'failed', reason: 'invalid', message: `${url.protocol} is not http or https` };
    try {
      let answer = await requestOnce(url, 'HEAD', settings);
      // Some servers refuse HEAD: ask again with GET.
      if ([403, 405, 501].includes(answer.status)) answer = await requestOnce(url, 'GET', settings);
      if (answer.status >= 300 && answer.status < 400 && answer.location) {
        url = new URL(answer.location, url);
        continue;
      }
      return { kind: 'response', status: answer.status, finalUrl: url.href, redirects };
    } catch (error) {
      return failureOf(error);
    }
  }
  return {
    kind: 'failed',
    reason: 'too-many-redirects',
    message: `more than ${settings.maxRedirects} redirects`,
  };
}

/** Runs `task` over `inputs` with at most `concurrency` at a time; results in input order. */
export function mapWithConcurrency<T, R>(
  inputs: readonly T[],
  concurrency: number,
  task: (input: T) => Promise<R>,
): Promise<R[]> {
  const limit = pLimit(concurrency);
  return Promise.all(inputs.map((input) => limit(() => task(input))));
}

export interface FetchOptions extends ProbeOptions {
  /** The most bytes read of a body; a longer one fails as 'too-large'. */
  maxBytes?: number;
  /** Conditional request validators from the last answer. */
  etag?: string | null;
  lastModified?: string | null;
  userAgent?: string;
  accept?: string;
}

export type FetchOutcome =
  | {
      kind: 'fetched';
      status: 200;
      body: Buffer;
      contentType: string;
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
    }
  | { kind: 'not-modified'; finalUrl: string }
  | { kind: 'status'; status: number; finalUrl: string }
  | {
      kind: 'failed';
      reason: 'blocked' | 'timeout' | 'network' | 'invalid' | 'too-many-redirects' | 'too-large';
      message: string;
    };

type RawAnswer =
  | { redirect: string; status: number }
  | { status: number; body: Buffer; headers: http.IncomingHttpHeaders };

/**
 * A GET of another site's resource (a watched feed), made as safely as `probeUrl`: http(s) only,
 * never inside the network, redirects followed by hand, one deadline for the whole request
 * (a server that trickles its answer cannot hold the job), and at most `maxBytes` read.
 */
export async function fetchText(
  address: string,
  options: FetchOptions = {},
): Promise<FetchOutcome> {
  const allowPrivate = options.allowPrivate ?? false;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const maxBytes = options.maxBytes ?? 2_000_000;
  const deadline = Date.now() + timeoutMs;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { kind: 'failed', reason: 'invalid', message: 'not a valid address' };
  }
  const pool = allowPrivate ? agents.private : agents.public;
  const once = (target: URL): Promise<RawAnswer> =>
    new Promise((resolve, reject) => {
      const secure = target.protocol === 'https:';
      const headers: Record<string, string> = {
        'user-agent': options.userAgent ?? 'HRCN-feed-watch/1',
        accept: options.accept ?? '*/*',
        'accept-encoding': 'identity',
      };
      if (options.etag) headers['if-none-match'] = options.etag;
      if (options.lastModified) headers['if-modified-since'] = options.lastModified;
      const request = (secure ? https : http).request(
        target,
        { method: 'GET', agent: secure ? pool.https : pool.http, headers },
        (response) => {
          const status = response.statusCode ?? 0;
          const location = response.headers.location;
          if (status >= 300 && status < 400 && status !== 304 && location) {
            response.destroy();
            resolve({ redirect: location, status });
            return;
          }
          const declared = Number(response.headers['content-length'] ?? '0');
          if (declared > maxBytes) {
            request.destroy(new Error('too-large'));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) request.destroy(new Error('too-large'));
            else chunks.push(chunk);
          });
          response.on('end', () =>
            resolve({ status, body: Buffer.concat(chunks), headers: response.headers }),
          );
          response.on('error', reject);
        },
      );
      const left = deadline - Date.now();
      const timer = setTimeout(() => request.destroy(new Error('timeout')), Math.max(1, left));
      request.on('close', () => clearTimeout(timer));
      request.on('error', reject);
      request.end();
    });
  for (let redirects = 0; redirects <= maxRedirects; redirects += 1) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { kind: 'failed', reason: 'invalid', message: `${url.protocol} is not http or https` };
    let answer: RawAnswer;
    try {
      answer = await once(url);
    } catch (error) {
      if (error instanceof Error && error.message === 'too-large')
        return { kind: 'failed', reason: 'too-large', message: `larger than ${maxBytes} bytes` };
      return failureOf(error);
    }
    if ('redirect' in answer) {
      try {
        url = new URL(answer.redirect, url);
      } catch {
        return { kind: 'failed', reason: 'invalid', message: 'a redirect to no valid address' };
      }
      continue;
    }
    if (answer.status === 304) return { kind: 'not-modified', finalUrl: url.href };
    if (answer.status !== 200) return { kind: 'status', status: answer.status, finalUrl: url.href };
    const header = (name: string): string | null => {
      const value = answer.headers[name];
      return typeof value === 'string' ? value : null;
    };
    return {
      kind: 'fetched',
      status: 200,
      body: answer.body,
      contentType: header('content-type') ?? '',
      etag: header('etag'),
      lastModified: header('last-modified'),
      finalUrl: url.href,
    };
  }
  return {
    kind: 'failed',
    reason: 'too-many-redirects',
    message: `more than ${maxRedirects} redirects`,
  };
}
