/**
 * A file sent in a multipart form. Forms are parsed into request.body (attachFieldsToBody:
 * 'keyValues'); each file field becomes one of these, so that a route has the bytes and the
 * name the uploader gave it. The type the browser claims is kept apart and never trusted.
 */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';

export class UploadedFile {
  constructor(
    /** The uploader's file name, as sent (may hold anything: clean it before use). */
    readonly fileName: string,
    /** The type the browser claims; only a hint. */
    readonly claimedType: string,
    readonly data: Buffer,
  ) {}

  /** An empty file input is sent as a part with no name and no bytes. */
  get empty(): boolean {
    return this.data.length === 0;
  }
}

/** Reads one file part into memory (the size limit of the route applies: 413 past it). */
export async function readUpload(part: MultipartFile): Promise<void> {
  const data = await part.toBuffer();
  (part as MultipartFile & { value: UploadedFile }).value = new UploadedFile(
    part.filename,
    part.mimetype,
    data,
  );
}

/** The uploaded file in a form field, or null. */
export const uploadedFile = (value: unknown): UploadedFile | null =>
  value instanceof UploadedFile && !value.empty ? value : null;

/** Requests whose multipart form is being read: set before the plugin's hook, cleared after. */
const formsBeingRead = new WeakSet<FastifyRequest>();

/**
 * Forms with a file (CSV imports, attachments): fields and the file's bytes land in request.body,
 * so that CSRF and validation work as for other forms. Files come in memory, 2 MB at most unless
 * a route raises it in config.multipartOptions.limits.fileSize; larger ones are refused with 413.
 * A hook on each side of the plugin's own knows when a failure happened while the form was read.
 */
export async function registerMultipartForms(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart()) formsBeingRead.add(request);
  });
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile: readUpload,
    limits: { fileSize: 2 * 1024 * 1024, files: 1, fields: 50 },
  });
  app.addHook('preValidation', async (request) => {
    formsBeingRead.delete(request);
  });
}

/**
 * True when a multipart form could not be read because of what was sent (cut short, a broken part
 * header, no boundary): the parser throws a plain Error, which must be a 400, not a server error.
 * Errors the plugin raises with a status of their own (413 for a file too large) keep it.
 */
export const brokenForm = (request: FastifyRequest, error: FastifyError | Error): boolean =>
  formsBeingRead.has(request) && (error as Partial<FastifyError>).statusCode === undefined;
