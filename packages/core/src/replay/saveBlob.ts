import { ReplayError } from './ReplayError';

export interface SaveBlobOptions {
  /** The document to use. Default: the global `document`. */
  document?: Document;
  /** How long to keep the object URL after the click. Default 0: revoked on the next task. */
  revokeDelayMs?: number;
}

const DEFAULT_NAME = 'chat.csv';
const MAX_LENGTH = 200;

/**
 * Saves `blob` as a file with the hidden-link trick the Replay API docs describe: an object
 * URL, an invisible `<a download>` appended to the body, clicked, removed, and the URL revoked
 * once the click has been processed. `filename` is sanitised (see `sanitizeFilename`).
 *
 * @example
 * ```ts
 * saveBlob(await downloadChatDump({ getUrl }), `chat-${sessionId}.csv`)
 * ```
 */
export function saveBlob(
  blob: Blob,
  filename: string = DEFAULT_NAME,
  options: SaveBlobOptions = {},
): void {
  const doc = options.document ?? globalThis.document;
  if (!doc?.body) throw new ReplayError('unsupported', 'Saving a file needs a browser document.');
  const urls = doc.defaultView?.URL ?? URL;
  const href = urls.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = href;
  anchor.download = sanitizeFilename(filename);
  anchor.rel = 'noopener';
  anchor.hidden = true;
  anchor.style.display = 'none';
  doc.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    setTimeout(() => urls.revokeObjectURL(href), options.revokeDelayMs ?? 0);
  }
}

/** Device names Windows refuses as file names, with or without an extension (`CON.csv`). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/**
 * Makes an untrusted name safe for `download` on every OS: no path separators, control or
 * bidi-override characters, no characters Windows forbids, no leading or trailing dots and
 * spaces, no Windows device name (`CON.csv` becomes `_CON.csv`), at most 200 characters (the
 * extension kept); `fallback` (`chat.csv`) when nothing is left.
 */
export function sanitizeFilename(name: string, fallback = DEFAULT_NAME): string {
  const trim = (value: string) => value.replace(/^[\s.]+|[\s.]+$/g, '');
  let cleaned = trim(
    name
      // eslint-disable-next-line no-control-regex -- stripping control characters from file names is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/[/\\<>:"|?*]/g, '_'),
  );
  const chars = Array.from(cleaned);
  if (chars.length > MAX_LENGTH) {
    const extension = /\.[^.]{1,16}$/.exec(cleaned)?.[0] ?? '';
    cleaned = trim(chars.slice(0, MAX_LENGTH - extension.length).join('')) + extension;
  }
  if (cleaned === '') return fallback;
  return WINDOWS_RESERVED.test(cleaned) ? `_${cleaned}` : cleaned;
}
