import { sanitizeFilename } from '@natter/core';

/**
 * Makes a client-supplied file name safe to store, show and put in a header: only the last path
 * segment (either slash), NFC, then core's `sanitizeFilename` (no control or bidi-override
 * characters, none Windows forbids, no leading/trailing dots or spaces, at most 200 characters
 * with the extension kept). Falls back to `file`. The result never names a path: files are stored
 * under server-chosen ids.
 */
export function sanitizeFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  return sanitizeFilename(last.normalize('NFC'), 'file');
}

/** RFC 8187 / RFC 5987 `ext-value` encoding: UTF-8, percent-encoded, attr-chars left as is. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * A `Content-Disposition` value per RFC 6266: a plain-ASCII `filename` fallback (non-ASCII, quotes,
 * backslashes and `%` replaced by `_`) and the exact name as `filename*=UTF-8''…`. The name is
 * sanitised first, so no CR/LF or quote can break out of the header.
 *
 * @example
 * ```ts
 * contentDisposition('attachment', 'résumé "final".pdf');
 * // attachment; filename="r_sum_ _final_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20_final_.pdf
 * ```
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const safe = sanitizeFileName(name);
  const ascii = safe.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(safe)}`;
}
