import { sanitizeFilename } from '@natter/core';

/** RFC 8187 / RFC 5987 `ext-value` encoding: UTF-8, percent-encoded, attr-chars left as is. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * A `Content-Disposition` value per RFC 6266: a plain-ASCII `filename` fallback (non-ASCII, quotes,
 * backslashes and `%` replaced by `_`) and the exact name as `filename*=UTF-8''…`. The name goes
 * through core's `sanitizeFilename` first, so no CR/LF or quote can break out of the header.
 *
 * @example
 * ```ts
 * contentDisposition('attachment', 'résumé "final".pdf');
 * // attachment; filename="r_sum_ _final_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20_final_.pdf
 * ```
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const safe = sanitizeFilename(name, 'file');
  const ascii = safe.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(safe)}`;
}
