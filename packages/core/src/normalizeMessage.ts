import type { CustomAttachment, Message } from './types';

/** The result of checking an untrusted message: a clean copy, or why it was refused. */
export type NormalizeResult = { ok: true; message: Message } | { ok: false; reason: string };

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * Validates a message that came from an SDK or the network and returns a fresh, shallow copy in
 * Natter's shape (`time` always a valid `Date`, `timeMs` always set). SDKs mutate their message
 * objects in place, so the store never keeps theirs.
 */
export function normalizeMessage(input: unknown): NormalizeResult {
  if (typeof input !== 'object' || input === null) return { ok: false, reason: 'not an object' };
  const m = input as Record<string, unknown>;
  if (!isString(m.id) || m.id === '') return { ok: false, reason: 'missing id' };
  const timeMs = toTimeMs(m.time, m.timeMs);
  if (timeMs === undefined) return { ok: false, reason: `message ${m.id} has no valid time` };
  // Plain assignments, not conditional spreads: this runs once per message on a 100k hydration.
  const out: Record<string, unknown> = {
    id: m.id,
    type: m.type,
    userId: isString(m.userId) ? m.userId : '',
    displayName: isString(m.displayName) ? m.displayName : '',
    time: new Date(timeMs),
    timeMs,
  };
  if (typeof m.isEdited === 'boolean') out.isEdited = m.isEdited;
  if (typeof m.read === 'boolean') out.read = m.read;
  if (isString(m.pluginId)) out.pluginId = m.pluginId;
  if (typeof m.pinned === 'boolean') out.pinned = m.pinned;
  if (Array.isArray(m.targetUserIds)) out.targetUserIds = m.targetUserIds.filter(isString);
  if (isString(m.channelId)) out.channelId = m.channelId;
  switch (m.type) {
    case 'text':
      if (!isString(m.message)) return { ok: false, reason: `text message ${m.id} has no text` };
      out.message = m.message;
      break;
    case 'image':
      if (!isString(m.link)) return { ok: false, reason: `image message ${m.id} has no link` };
      out.link = m.link;
      break;
    case 'file':
      if (!isString(m.link)) return { ok: false, reason: `file message ${m.id} has no link` };
      out.link = m.link;
      out.name = isString(m.name) ? m.name : '';
      out.size = typeof m.size === 'number' && Number.isFinite(m.size) && m.size >= 0 ? m.size : 0;
      break;
    case 'custom':
      if (isString(m.message)) out.message = m.message;
      if (isString(m.html)) out.html = m.html;
      for (const key of ['files', 'images', 'videos'] as const) {
        const list = attachments(m[key]);
        if (list) out[key] = list;
      }
      break;
    default:
      return { ok: false, reason: `message ${m.id} has unsupported type ${String(m.type)}` };
  }
  return { ok: true, message: out as unknown as Message };
}

/**
 * The time of a message that {@link normalizeMessage} would accept, or `undefined` when it would
 * refuse it; allocates nothing, so history can be checked without being copied.
 */
export function acceptedTimeMs(input: unknown): number | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const m = input as Record<string, unknown>;
  if (!isString(m.id) || m.id === '') return undefined;
  switch (m.type) {
    case 'text':
      if (!isString(m.message)) return undefined;
      break;
    case 'image':
    case 'file':
      if (!isString(m.link)) return undefined;
      break;
    case 'custom':
      break;
    default:
      return undefined;
  }
  return toTimeMs(m.time, m.timeMs);
}

function toTimeMs(time: unknown, timeMs: unknown): number | undefined {
  if (typeof timeMs === 'number' && Number.isFinite(timeMs)) return timeMs;
  if (time instanceof Date) return Number.isFinite(time.getTime()) ? time.getTime() : undefined;
  if (typeof time === 'number' && Number.isFinite(time)) return time;
  if (typeof time === 'string') {
    const parsed = Date.parse(time);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

function attachments(value: unknown): CustomAttachment[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter(
      (a): a is CustomAttachment =>
        typeof a === 'object' && a !== null && isString((a as { link?: unknown }).link),
    )
    .map((a) => ({ ...a }));
}
