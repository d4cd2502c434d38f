/**
 * Requests the platform makes to other sites (checking links), made safe: http(s) only, a time
 * limit, redirects followed by hand up to a limit, and never to a private, loopback or reserved
 * address. request-filtering-agent checks the address actually connected to, on every hop, so a
 * hostile DNS answer cannot turn a link check into a request inside the network (SSRF).
 */
import http from 'node:http';
import https from 'node:https';
import pLimit from 'p-limit';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

export interface ProbeOptions {
  /** Allow private and loopback addresses: for tests only. */
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
  private: {
    http: new RequestFilteringHttpAgent({ allowPrivateIPAddress: true }),
    https: new RequestFilteringHttpsAgent({ allowPrivateIPAddress: true }),
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
      const message = error instanceof Error ? error.message : String(error);
      if (/not allowed/i.test(message)) return { kind: 'failed', reason: 'blocked', message };
      return { kind: 'failed', reason: message === 'timeout' ? 'timeout' : 'network', message };
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
