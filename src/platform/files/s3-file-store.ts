/**
 * Attached files in an S3-compatible bucket (FILES_URL), through the AWS SDK for JavaScript v3.
 * The same keys as the local directory, each the name of one object (after an optional prefix);
 * downloads are streamed from the bucket, never handed out as links, so every one still passes
 * the app's access check. A missing object is null, as a missing file is; a bucket that does not
 * answer is a 503 for the person asking (FileStoreUnavailableError), and stops the start
 * (FileStoreSetupError) when it does not answer then.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { ConfigError, type S3Location } from '../../config.js';
import { ServiceUnavailableError } from '../errors/errors.js';
import { isFileKey, newFileKey, type FileStore } from './file-store.js';

/** The bucket did not answer while serving: a 503 page, the cause in the log. */
export class FileStoreUnavailableError extends ServiceUnavailableError {
  constructor(detail: string, cause: unknown) {
    super();
    this.message = detail;
    this.cause = cause;
  }
}

/** The bucket cannot be used at start: the message is for the person starting the app. */
export class FileStoreSetupError extends ConfigError {}

export interface S3FileStore extends FileStore {
  /** Asks the bucket whether it is there and these credentials may list it. */
  check(): Promise<void>;
  /** Closes the connections kept open to the bucket. */
  close(): void;
}

/** FILES_URL as it was meant, without credentials (they are never in it). */
export function describeS3Location(location: S3Location): string {
  const parameters = new URLSearchParams();
  if (location.endpoint) parameters.set('endpoint', location.endpoint);
  parameters.set('region', location.region);
  if (location.pathStyle) parameters.set('path_style', 'true');
  if (location.prefix) parameters.set('prefix', location.prefix.replace(/\/$/, ''));
  return `s3://${location.bucket}?${decodeURIComponent(parameters.toString())}`;
}

/** The fields the SDK's errors carry, read without trusting their shape. */
function errorFacts(error: unknown): { name: string; status: number | undefined; code: string } {
  const value = (error ?? {}) as {
    name?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  const status = value.$metadata?.httpStatusCode;
  return {
    name: typeof value.name === 'string' ? value.name : 'Error',
    status: typeof status === 'number' ? status : undefined,
    code: typeof value.code === 'string' ? value.code : '',
  };
}

/** No such object (a missing bucket is not that: it is a store that does not work). */
const isMissingObject = (error: unknown): boolean => {
  const { name } = errorFacts(error);
  return name === 'NoSuchKey' || name === 'NotFound';
};

/** Why the bucket cannot be used, in words for the person who set FILES_URL. */
function setupProblem(error: unknown, location: S3Location): string {
  const { name, status, code } = errorFacts(error);
  const where = location.endpoint ?? 'Amazon S3';
  const bucket = `the bucket "${location.bucket}"`;
  if (status === 404 || name === 'NotFound' || name === 'NoSuchBucket')
    return `${bucket} does not exist at ${where} (create it first, or correct the name)`;
  if (status === 301 || name === 'PermanentRedirect')
    return `${bucket} is in another region than ${location.region}: give the right one as region=…`;
  if (status === 403 || status === 401)
    return `${where} refused access to ${bucket} (${status}${name === 'Unknown' ? '' : ` ${name}`}): check FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY, and that they may list the bucket`;
  if (name === 'CredentialsProviderError')
    return 'no credentials for the bucket: set FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY';
  if (
    /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH)$/.test(
      code,
    ) ||
    name === 'TimeoutError'
  )
    return `${where} does not answer (${code || name}): check endpoint=… in FILES_URL`;
  const detail = error instanceof Error ? error.message : String(error);
  return `${bucket} at ${where} cannot be used (${status ?? ''} ${name}: ${detail})`.replace(
    '( ',
    '(',
  );
}

export function createS3FileStore(
  location: S3Location,
  options: {
    /** Keys listed a request (1000 is the most S3 gives); tests lower it to see pages turn. */
    pageSize?: number;
  } = {},
): S3FileStore {
  const config: S3ClientConfig = {
    region: location.region,
    forcePathStyle: location.pathStyle,
    // A connection that cannot be made in 5 s is an endpoint that is not there; a download whose
    // reader stalls for 2 minutes is given up.
    requestHandler: {
      connectionTimeout: 5_000,
      socketTimeout: 120_000,
      httpAgent: { keepAlive: true, maxSockets: 128 },
      httpsAgent: { keepAlive: true, maxSockets: 128 },
    },
    ...(location.endpoint
      ? {
          endpoint: location.endpoint,
          // The SDK's default checksums (CRC32 on every upload, sent in aws-chunked bodies) are
          // not understood by many S3-compatible servers. `hrcn files migrate` checks SHA-256 itself.
          requestChecksumCalculation: 'WHEN_REQUIRED' as const,
          responseChecksumValidation: 'WHEN_REQUIRED' as const,
        }
      : {}),
    ...(location.credentials ? { credentials: location.credentials } : {}),
  };
  const client = new S3Client(config);
  const Bucket = location.bucket;
  const description = describeS3Location(location);
  const objectKey = (key: string): string => {
    // Keys come from our own database, but an object's name is only ever built from a good one.
    if (!isFileKey(key)) throw new Error('malformed file key');
    return `${location.prefix}${key}`;
  };
  const unavailable = (doing: string, key: string | null, error: unknown) => {
    const { name, status, code } = errorFacts(error);
    return new FileStoreUnavailableError(
      `file store ${description} failed to ${doing}${key ? ` ${key}` : ''}: ${name}${status ? ` (${status})` : ''}${code ? ` ${code}` : ''}`,
      error,
    );
  };
  const open = async (key: string): Promise<Readable | null> => {
    const Key = objectKey(key);
    try {
      const response = await client.send(new GetObjectCommand({ Bucket, Key }));
      // In Node the body is the HTTP response itself: streamed as it arrives, never buffered.
      if (!(response.Body instanceof Readable)) throw new Error('the body is not a stream');
      return response.Body;
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw unavailable('open', key, error);
    }
  };

  return {
    description,

    async check() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        throw new FileStoreSetupError(`FILES_URL ${description}: ${setupProblem(error, location)}`);
      }
    },

    close: () => client.destroy(),

    async save(data) {
      const key = newFileKey();
      try {
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key: objectKey(key),
            Body: data,
            ContentLength: data.byteLength,
            ContentType: 'application/octet-stream',
          }),
        );
      } catch (error) {
        throw unavailable('save', key, error);
      }
      return key;
    },

    async put(key, data) {
      // A stream of a length not known beforehand: one request when small, else a multipart
      // upload (parts of 8 MiB, two in flight) that is aborted if anything fails; the object
      // appears whole or not at all.
      const upload = new Upload({
        client,
        params: {
          Bucket,
          Key: objectKey(key),
          Body: data,
          ContentType: 'application/octet-stream',
        },
        partSize: 8 * 1024 * 1024,
        queueSize: 2,
      });
      try {
        await upload.done();
      } catch (error) {
        data.destroy();
        throw unavailable('put', key, error);
      }
    },

    async read(key) {
      const stream = await open(key);
      if (!stream)
        throw Object.assign(new Error(`no file ${key} in ${description}`), { code: 'ENOENT' });
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },

    open,

    async remove(key) {
      const Key = objectKey(key);
      try {
        // Deleting an object that is not there succeeds, as removing a missing file does.
        await client.send(new DeleteObjectCommand({ Bucket, Key }));
      } catch (error) {
        throw unavailable('remove', key, error);
      }
    },

    async *keys() {
      const pages = paginateListObjectsV2(
        { client, pageSize: options.pageSize ?? 1000 },
        { Bucket, Prefix: location.prefix || undefined },
      );
      try {
        for await (const page of pages)
          for (const object of page.Contents ?? []) {
            const key = object.Key?.slice(location.prefix.length) ?? '';
            if (isFileKey(key)) yield key;
          }
      } catch (error) {
        throw unavailable('list', null, error);
      }
    },
  };
}
