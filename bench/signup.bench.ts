/**
 * npm run bench:signup — whether the time a sign-up takes tells that an address has an account
 * (issue #13). Signs up, one after the other and alternating, a new address and an address that
 * has an account (each probed once, as someone testing addresses would), through the real form
 * (CSRF token, rate limit per client address, the outbox for mail) on the embedded PostgreSQL,
 * and prints the median and 90th percentile of each and their ratio.
 *
 * BENCH_PAIRS (default 30) sets how many of each.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBenchApp } from './app.js';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 30);
const PASSWORD = 'a long enough passphrase for the bench';

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hrcn-bench-signup-'));
await fs.chmod(dataDir, 0o755);
const { app, close } = await startBenchApp(dataDir, { renderCacheBytes: 0 });

let client = 0;
/** One sign-up from a client address of its own (the form allows a few per address); its time. */
async function signUp(email: string): Promise<number> {
  client++;
  const remoteAddress = `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`;
  const form = await app.http.inject({ url: '/en/sign-up', remoteAddress });
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const cookie = [form.headers['set-cookie'] ?? []]
    .flat()
    .map((line) => line.split(';')[0])
    .join('; ');
  const body = new URLSearchParams({
    _csrf: token,
    name: 'Bench Person',
    email,
    password: PASSWORD,
    passwordConfirmation: PASSWORD,
    consent: 'yes',
  }).toString();
  const started = performance.now();
  const response = await app.http.inject({
    method: 'POST',
    url: '/en/sign-up',
    remoteAddress,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body,
  });
  const took = performance.now() - started;
  if (response.statusCode !== 200) throw new Error(`sign-up answered ${response.statusCode}`);
  return took;
}

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

try {
  // Accounts to probe, and a warm-up of both paths.
  for (let n = 0; n < PAIRS + 2; n++) await signUp(`owner-${n}@example.org`);
  const fresh: number[] = [];
  const existing: number[] = [];
  for (let n = 0; n < PAIRS; n++) {
    fresh.push(await signUp(`new-${n}@example.org`));
    existing.push(await signUp(`owner-${n + 2}@example.org`));
  }
  const row = (label: string, times: number[]) =>
    `${label.padEnd(28)} median ${quantile(times, 0.5).toFixed(1).padStart(6)} ms   p90 ${quantile(times, 0.9).toFixed(1).padStart(6)} ms`;
  console.log(`Sign-up, ${PAIRS} of each, alternating:`);
  console.log(row('new address', fresh));
  console.log(row('address with an account', existing));
  console.log(
    `ratio of medians (existing / new): ${(quantile(existing, 0.5) / quantile(fresh, 0.5)).toFixed(2)}`,
  );
} finally {
  await close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
