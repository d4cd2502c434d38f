/** Names of files as the platform keeps and sends them: cleaned on upload, announced on download. */

/**
 * The uploader's name reduced to something safe to offer back: no folders, no control
 * characters, at most 120 characters, and the extension of the type the content really is.
 */
export function cleanFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const stem =
    base
      .replace(/\.[^.]{1,8}$/, '')
      .slice(0, 120)
      .trim() || 'document';
  return `${stem}.${extension}`;
}

/**
 * `filename*` (RFC 6266 / 8187) carries the real name in UTF-8; `filename` an ASCII stand-in
 * for old clients. Written here rather than with the content-disposition package, whose
 * current major needs Node 22 (docs/decisions/0013).
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
