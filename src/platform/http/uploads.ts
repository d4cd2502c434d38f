/**
 * A file sent in a multipart form. Forms are parsed into request.body (attachFieldsToBody:
 * 'keyValues'); each file field becomes one of these, so that a route has the bytes and the
 * name the uploader gave it. The type the browser claims is kept apart and never trusted.
 */
import type { MultipartFile } from '@fastify/multipart';

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
