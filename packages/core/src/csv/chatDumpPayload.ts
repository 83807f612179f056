import type { CustomAttachment, CustomMessage, Message } from '../types';

/**
 * The `payloadType` + `payload` cells ↔ our message kinds.
 *
 * Written by Natter (the Replay API docs do not fix the image/file shape):
 * - `text`   → `TEXT_MESSAGE`,  the text itself
 * - `image`  → `IMAGE_MESSAGE`, JSON `{"link":"…"}`
 * - `file`   → `FILE_MESSAGE`,  JSON `{"link":"…","name":"…","size":123}`
 * - `custom` → the message's own `payloadType` when it came from a dump with another type (raw
 *   `message` as payload, so unknown rows survive a rewrite), else `CUSTOM_MESSAGE` with JSON
 *   `{"message","html","files","images","videos"}` (present fields only).
 * Read: images and files also accept a bare URL (`https://…`, `/path`) or a JSON string; JSON
 * objects may spell the fields `link`/`url`, `name`/`fileName`/`filename`, `size`/`fileSize`.
 * A file without a name is named after the URL's last path segment; without a size it has size 0.
 */
export type PayloadFields =
  | { type: 'text'; message: string }
  | { type: 'image'; link: string }
  | { type: 'file'; link: string; name: string; size: number }
  | Pick<CustomMessage, 'type' | 'message' | 'html' | 'files' | 'images' | 'videos'>;

export interface DecodedPayload {
  fields: PayloadFields;
  /** Set when an image/file payload was unreadable and was kept as a `custom` message. */
  problem?: string;
}

export function decodePayload(payloadType: string, payload: string): DecodedPayload {
  switch (payloadType.trim().toUpperCase()) {
    case 'TEXT_MESSAGE':
      return { fields: { type: 'text', message: payload } };
    case 'IMAGE_MESSAGE': {
      const target = readLinkPayload(payload);
      if (target) return { fields: { type: 'image', link: target.link } };
      return {
        fields: { type: 'custom', message: payload },
        problem: linkProblem('image', payload),
      };
    }
    case 'FILE_MESSAGE': {
      const target = readLinkPayload(payload);
      if (target) {
        const name = target.name ?? lastSegment(target.link);
        return { fields: { type: 'file', link: target.link, name, size: target.size ?? 0 } };
      }
      return {
        fields: { type: 'custom', message: payload },
        problem: linkProblem('file', payload),
      };
    }
    case 'CUSTOM_MESSAGE':
      return { fields: readCustomPayload(payload) ?? { type: 'custom', message: payload } };
    default:
      return { fields: { type: 'custom', message: payload } };
  }
}

export function encodePayload(message: Message): [payloadType: string, payload: string] {
  switch (message.type) {
    case 'text':
      return ['TEXT_MESSAGE', message.message];
    case 'image':
      return ['IMAGE_MESSAGE', JSON.stringify({ link: message.link })];
    case 'file':
      return [
        'FILE_MESSAGE',
        JSON.stringify({ link: message.link, name: message.name, size: message.size }),
      ];
    case 'custom': {
      const raw = 'payloadType' in message ? message.payloadType : undefined;
      if (typeof raw === 'string' && raw.trim().toUpperCase() !== 'CUSTOM_MESSAGE') {
        return [raw, message.message ?? ''];
      }
      const { message: text, html, files, images, videos } = message;
      return ['CUSTOM_MESSAGE', JSON.stringify({ message: text, html, files, images, videos })];
    }
  }
}

interface LinkPayload {
  link: string;
  name?: string;
  size?: number;
}

const BARE_URL = /^(?:[a-z][a-z0-9+.-]*:|\/)\S*$/i;

function readLinkPayload(payload: string): LinkPayload | null {
  const text = payload.trim();
  if (text.startsWith('{')) {
    const value = parseJson(text);
    if (!isRecord(value)) return null;
    const link = firstString(value, ['link', 'url']);
    if (link === undefined) return null;
    const name = firstString(value, ['name', 'fileName', 'filename']);
    const sizeValue = value.size ?? value.fileSize;
    const size =
      typeof sizeValue === 'string' && sizeValue.trim() !== '' ? Number(sizeValue) : sizeValue;
    // A name or size the payload does not give is absent (not an undefined key), as before.
    const attachment: LinkPayload = { link };
    if (name !== undefined) attachment.name = name;
    if (typeof size === 'number' && Number.isFinite(size)) attachment.size = size;
    return attachment;
  }
  if (text.startsWith('"')) {
    const value = parseJson(text);
    return typeof value === 'string' && BARE_URL.test(value.trim()) ? { link: value.trim() } : null;
  }
  return BARE_URL.test(text) ? { link: text } : null;
}

function readCustomPayload(payload: string): PayloadFields | null {
  const value = parseJson(payload);
  if (!isRecord(value)) return null;
  const fields: PayloadFields = { type: 'custom' };
  for (const [key, field] of Object.entries(value)) {
    if ((key === 'message' || key === 'html') && typeof field === 'string') fields[key] = field;
    else if ((key === 'files' || key === 'images' || key === 'videos') && isAttachmentList(field)) {
      fields[key] = field;
    } else return null;
  }
  return fields;
}

function isAttachmentList(value: unknown): value is CustomAttachment[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        isRecord(item) &&
        typeof item.link === 'string' &&
        (item.type === undefined || typeof item.type === 'string') &&
        (item.name === undefined || typeof item.name === 'string') &&
        (item.size === undefined || typeof item.size === 'number'),
    )
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstString(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** `https://x/a/report%20v2.pdf?sig=1` → `report v2.pdf`. */
function lastSegment(link: string): string {
  const path = link.split(/[?#]/, 1)[0] ?? '';
  const segment = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function linkProblem(kind: 'image' | 'file', payload: string): string {
  const shown = payload.length > 60 ? `${payload.slice(0, 60)}…` : payload;
  return payload.trim().startsWith('{')
    ? `The ${kind} payload is not a JSON object with a string "link" or "url": ${JSON.stringify(shown)}. Kept as a custom message.`
    : `The ${kind} payload is neither a URL nor a JSON object: ${JSON.stringify(shown)}. Kept as a custom message.`;
}
