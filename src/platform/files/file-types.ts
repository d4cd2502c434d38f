/**
 * The kinds of file the platform accepts, recognised by their content (magic numbers and, for
 * office documents, the parts inside the zip), never by the name or the type the browser claims.
 */

export const ACCEPTED_TYPES = {
  'application/pdf': { extension: 'pdf', kind: 'pdf', inline: true },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extension: 'docx',
    kind: 'docx',
    inline: false,
  },
  'application/vnd.oasis.opendocument.text': { extension: 'odt', kind: 'odt', inline: false },
  'image/png': { extension: 'png', kind: 'image', inline: true },
  'image/jpeg': { extension: 'jpg', kind: 'image', inline: true },
  'image/webp': { extension: 'webp', kind: 'image', inline: true },
} as const;

export type AcceptedType = keyof typeof ACCEPTED_TYPES;
export type FileKind = (typeof ACCEPTED_TYPES)[AcceptedType]['kind'];

/** Extensions for the file picker's `accept` attribute (a hint; the content decides). */
export const ACCEPT_ATTRIBUTE = [
  ...new Set(Object.values(ACCEPTED_TYPES).map((type) => `.${type.extension}`)),
  '.jpeg',
].join(',');

export const isAcceptedType = (value: string): value is AcceptedType =>
  Object.hasOwn(ACCEPTED_TYPES, value);

/** The accepted type the bytes are, or null for anything else (HTML, SVG, scripts, archives…). */
export async function detectFileType(data: Uint8Array): Promise<AcceptedType | null> {
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(data);
  return found && isAcceptedType(found.mime) ? found.mime : null;
}
