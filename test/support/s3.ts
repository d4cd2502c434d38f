/**
 * A real S3-compatible server for tests: s3rver (docs/decisions/0023) in a child process on
 * 127.0.0.1 and a free port, its objects in a temporary folder, with an SDK client to look into
 * the buckets as an operator would. The child runs with --openssl-legacy-provider: s3rver 3.7.1
 * seals its list continuation tokens with DES, which Node's OpenSSL 3 keeps in that provider.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';

/** s3rver's own keys: it accepts these and no others. */
export const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface S3TestServer {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  /** FILES_URL for a bucket of this server (path-style, as s3rver wants it). */
  filesUrl(bucket: string, prefix?: string): string;
  /** A client with the server's keys, to look into buckets as an operator would. */
  client: S3Client;
  createBucket(name: string): Promise<void>;
  /** Removes every object of the bucket and then the bucket. */
  deleteBucket(name: string): Promise<void>;
  /** Every object's name in the bucket, sorted. */
  objectNames(bucket: string): Promise<string[]>;
  objectBytes(bucket: string, name: string): Promise<Buffer>;
  putObject(bucket: string, name: string, data: Buffer): Promise<void>;
  stop(): Promise<void>;
}

const SERVER = `
import { createRequire } from 'node:module';
const [s3rverPath, directory] = process.argv.slice(1);
const S3rver = createRequire(import.meta.url)(s3rverPath);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
const { port } = await server.run();
process.stdout.write(JSON.stringify({ port }) + '\\n');
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
`;

export async function startS3Server(): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(tmpdir(), 'hrcn-s3-'));
  const s3rverPath = createRequire(import.meta.url).resolve('s3rver');
  const child: ChildProcess = spawn(
    process.execPath,
    // --no-deprecation: s3rver's Koa touches OutgoingMessage._headers (DEP0066) on every answer.
    [
      '--openssl-legacy-provider',
      '--no-deprecation',
      '--input-type=module',
      '-e',
      SERVER,
      s3rverPath,
      directory,
    ],
    // stdin is a pipe so that the server also ends when this process does, whatever the reason.
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('s3rver did not start in 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code}) before listening`)));
    if (!child.stdout) throw new Error('no pipe from s3rver');
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const objectNames = async (bucket: string): Promise<string[]> => {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
      );
      names.push(...(page.Contents ?? []).map((object) => object.Key ?? ''));
      token = page.NextContinuationToken;
    } while (token);
    return names.sort();
  };
  return {
    endpoint,
    client,
    filesUrl: (bucket, prefix) =>
      `s3://${bucket}?endpoint=${endpoint}&path_style=true${prefix ? `&prefix=${prefix}` : ''}`,
    async createBucket(name) {
      await client.send(new CreateBucketCommand({ Bucket: name }));
    },
    async deleteBucket(name) {
      for (const key of await objectNames(name))
        await client.send(new DeleteObjectCommand({ Bucket: name, Key: key }));
      await client.send(new DeleteBucketCommand({ Bucket: name }));
    },
    objectNames,
    async objectBytes(bucket, name) {
      const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: name }));
      if (!response.Body) throw new Error(`no body for ${name}`);
      return Buffer.from(await response.Body.transformToByteArray());
    },
    async putObject(bucket, name, data) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: name, Body: data }));
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      client.destroy();
      child.kill('SIGTERM');
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
