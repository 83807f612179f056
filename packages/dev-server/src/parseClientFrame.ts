import type { DevRequest } from '@natter/core';

/**
 * Validation of client frames. Every request is a JSON object with a string `id` (echoed in the
 * `ack` / `error` answer) and a `type`; fields of the wrong type, unknown types and non-JSON text
 * are refused with `bad-request`. Unknown extra fields are ignored (a `userId` in a frame never
 * changes who speaks: identity comes from the token).
 */
/** A request as the client sends it: the protocol's request types (shared with core's client). */
export type ClientFrame = DevRequest & { id: string };

export type ParseResult =
  { ok: true; frame: ClientFrame } | { ok: false; id: string | null; message: string };

const MAX_ID = 128;
const MAX_PEERS = 100;
const MAX_HISTORY_PAGE = 500;

class Invalid extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function str(record: Record<string, unknown>, key: string, max = MAX_ID): string {
  const value = record[key];
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw new Invalid(`\`${key}\` must be a non-empty string of at most ${max} characters`);
  }
  return value;
}

function optional<T>(record: Record<string, unknown>, key: string, read: () => T): T | undefined {
  return record[key] === undefined || record[key] === null ? undefined : read();
}

function peerIds(record: Record<string, unknown>): string[] | undefined {
  return optional(record, 'peerIds', () => {
    const value = record.peerIds;
    if (!Array.isArray(value) || value.length > MAX_PEERS) {
      throw new Invalid(`\`peerIds\` must be an array of at most ${MAX_PEERS} user ids`);
    }
    return value.map((peer, i) => str({ [`peerIds[${i}]`]: peer }, `peerIds[${i}]`));
  });
}

function parseFields(type: string, record: Record<string, unknown>, id: string): ClientFrame {
  switch (type) {
    case 'hello': {
      const lastSeq = optional(record, 'lastSeq', () => {
        const value = record.lastSeq;
        if (!Number.isSafeInteger(value) || (value as number) < 0) {
          throw new Invalid('`lastSeq` must be a non-negative integer');
        }
        return value as number;
      });
      const sessionId = optional(record, 'sessionId', () => str(record, 'sessionId'));
      return { id, type, lastSeq, sessionId };
    }
    case 'sendText':
      if (typeof record.text !== 'string') throw new Invalid('`text` must be a string');
      return { id, type, text: record.text, peerIds: peerIds(record) };
    case 'sendImage':
    case 'sendFile':
      return { id, type, fileId: str(record, 'fileId'), peerIds: peerIds(record) };
    case 'edit': {
      const text = optional(record, 'text', () => {
        if (typeof record.text !== 'string') throw new Invalid('`text` must be a string');
        return record.text;
      });
      const fileId = optional(record, 'fileId', () => str(record, 'fileId'));
      if ((text === undefined) === (fileId === undefined)) {
        throw new Invalid('an edit needs exactly one of `text` and `fileId`');
      }
      return { id, type, messageId: str(record, 'messageId'), text, fileId };
    }
    case 'delete':
    case 'pin':
    case 'unpin':
      return { id, type, messageId: str(record, 'messageId') };
    case 'history': {
      const { kind, direction = 'before', limit } = record;
      if (kind !== 'public' && kind !== 'pinned' && kind !== 'private') {
        throw new Invalid('`kind` must be "public", "pinned" or "private"');
      }
      if (direction !== 'before' && direction !== 'after') {
        throw new Invalid('`direction` must be "before" or "after"');
      }
      if (
        !Number.isSafeInteger(limit) ||
        (limit as number) < 1 ||
        (limit as number) > MAX_HISTORY_PAGE
      ) {
        throw new Invalid(`\`limit\` must be an integer from 1 to ${MAX_HISTORY_PAGE}`);
      }
      const timestamp = optional(record, 'timestamp', () => {
        if (typeof record.timestamp !== 'number' || !Number.isFinite(record.timestamp)) {
          throw new Invalid('`timestamp` must be a finite number (epoch ms)');
        }
        return record.timestamp;
      });
      const userId = optional(record, 'userId', () => str(record, 'userId'));
      if (kind === 'private' && userId === undefined) {
        throw new Invalid('a private history request needs `userId`');
      }
      return { id, type, kind, direction, limit: limit as number, timestamp, userId };
    }
    case 'ping':
      return { id, type };
    case 'setChatControls': {
      const value = record.controls;
      if (!isRecord(value)) throw new Invalid('`controls` must be an object');
      const controls: Partial<Record<'chat' | 'files' | 'privateChat', boolean>> = {};
      for (const key of ['chat', 'files', 'privateChat'] as const) {
        if (value[key] === undefined) continue;
        if (typeof value[key] !== 'boolean')
          throw new Invalid(`\`controls.${key}\` must be a boolean`);
        controls[key] = value[key];
      }
      return { id, type, controls };
    }
    default:
      throw new Invalid(`unknown frame type "${type.slice(0, 40)}"`);
  }
}

/** Parses one text frame. Never throws. */
export function parseClientFrame(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, id: null, message: 'The frame is not valid JSON.' };
  }
  if (!isRecord(value)) return { ok: false, id: null, message: 'A frame must be a JSON object.' };
  const id =
    typeof value.id === 'string' && value.id.length > 0 && value.id.length <= MAX_ID
      ? value.id
      : null;
  if (id === null) {
    return {
      ok: false,
      id: null,
      message: `\`id\` must be a non-empty string of at most ${MAX_ID} characters.`,
    };
  }
  if (typeof value.type !== 'string') return { ok: false, id, message: '`type` must be a string.' };
  try {
    return { ok: true, frame: parseFields(value.type, value, id) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, id, message: `${error.message}.` };
    throw error;
  }
}
