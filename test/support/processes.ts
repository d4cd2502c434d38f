/**
 * Processes a test starts and stops itself: `hrcn` commands and Debian's nginx in front of them,
 * on free loopback ports, every one killed by stopAll() (call it in afterAll).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The `hrcn` command, as installed. */
export const HRCN = path.join(ROOT, 'bin', 'hrcn.js');
/** The proxy rules deploy/nginx/nginx.conf includes in production. */
const PROXY_RULES = path.join(ROOT, 'deploy', 'nginx', 'hrcn-proxy.conf');
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port free at the time of asking, on the loopback address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Running {
  child: ChildProcess;
  /** What it wrote so far, stdout and stderr together. */
  output: () => string;
  /** Its exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

const started: ChildProcess[] = [];

/** Starts a process with exactly the environment given, from another directory than ours. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(command, args, { cwd: os.tmpdir(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Kills every process started here that still runs, and waits until each has ended. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    started.map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return undefined;
      const ended = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      return ended;
    }),
  );
}

/** Resolves once `url` answers 200; rejects when the process ends first, or after a minute. */
export async function ready(process_: Running, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let ended = false;
  void process_.exited.then(() => (ended = true));
  for (;;) {
    if (ended) throw new Error(`exited before it was ready:\n${process_.output()}`);
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`not ready in a minute:\n${process_.output()}`);
    await sleep(100);
  }
}

export interface Nginx extends Running {
  /** One line per request: method, path, status, the instances tried and what each answered. */
  accessLog(): Promise<string>;
}

/**
 * Debian's nginx on 127.0.0.1:`port` in front of `upstreams` (host:port), with the production
 * proxy rules; its configuration, logs and temporary files in `dir`.
 */
export async function startNginx(
  dir: string,
  port: number,
  upstreams: readonly string[],
): Promise<Nginx> {
  if (!existsSync(NGINX))
    throw new Error(`nginx not found at ${NGINX}: apt-get install nginx (or set NGINX_PATH)`);
  await fs.mkdir(dir, { recursive: true });
  const config = path.join(dir, 'nginx.conf');
  await fs.writeFile(
    config,
    `# As root (CI), workers run as root too, so that they may write the temporary directories.
${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  log_format upstreams '$request_method $uri $status upstreams=$upstream_addr statuses=$upstream_status';
  access_log ${dir}/access.log upstreams;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream hrcn {
    ${upstreams.map((address) => `server ${address} max_fails=1 fail_timeout=10s;`).join('\n    ')}
    keepalive 8;
  }
  server {
    listen 127.0.0.1:${port};
    include ${PROXY_RULES};
  }
}
`,
  );
  // -e: where to log before the configuration is read (Debian's default is /var/log/nginx).
  const running = run(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', config], {
    PATH: process.env.PATH,
  });
  return { ...running, accessLog: () => fs.readFile(path.join(dir, 'access.log'), 'utf8') };
}

/**
 * Runs `nginx -t` on deploy/nginx/nginx.conf as compose mounts it, with the instances' names
 * (resolved by compose's network only) and the file locations made local; answers its output
 * and exit code.
 */
export async function checkProductionNginxConfig(
  dir: string,
): Promise<{ code: number | null; output: string }> {
  const production = await fs.readFile(path.join(ROOT, 'deploy', 'nginx', 'nginx.conf'), 'utf8');
  const local = production
    .replace(/\bapp(\d+):3000\b/g, '127.0.0.1:300$1')
    .replace('/etc/nginx/hrcn-proxy.conf', PROXY_RULES)
    .replace(/^pid .*$/m, `pid ${dir}/nginx.pid;`)
    .replace(/listen 80;/, 'listen 127.0.0.1:80;')
    .replace(/listen \[::\]:80;/, '');
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'nginx.conf'), local);
  const check = run(
    NGINX,
    ['-t', '-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')],
    { PATH: process.env.PATH },
  );
  return { code: await check.exited, output: check.output() };
}
