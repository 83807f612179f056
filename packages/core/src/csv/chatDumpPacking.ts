import type { CustomMessage } from '../types';
import type { DumpMessage } from './chatDumpColumns';

/**
 * A batch of messages as compact columns for `postMessage`: one flat string array plus typed
 * arrays whose buffers are transferred, instead of thousands of structured-cloned objects.
 */
export interface PackedRows {
  count: number;
  /** 8 per message: id, userId, displayName, sessionId, meetingId, payloadType, then by kind:
   * text `message, ''`; image `link, ''`; file `link, name`; custom `JSON of its fields, ''`. */
  strings: string[];
  /** 0 text, 1 image, 2 file, 3 custom. */
  kinds: Uint8Array;
  /** Bit 0: pinned is set, bit 1: pinned; bit 2: isEdited is set, bit 3: isEdited. */
  flags: Uint8Array;
  times: Float64Array;
  sizes: Float64Array;
}

const KINDS = ['text', 'image', 'file', 'custom'] as const;

export function packRows(messages: readonly DumpMessage[]): {
  packed: PackedRows;
  transfer: ArrayBuffer[];
} {
  const count = messages.length;
  const packed: PackedRows = {
    count,
    strings: new Array<string>(count * 8),
    kinds: new Uint8Array(count),
    flags: new Uint8Array(count),
    times: new Float64Array(count),
    sizes: new Float64Array(count),
  };
  messages.forEach((message, i) => {
    const s = packed.strings;
    const at = i * 8;
    s[at] = message.id;
    s[at + 1] = message.userId;
    s[at + 2] = message.displayName;
    s[at + 3] = message.sessionId;
    s[at + 4] = message.meetingId;
    s[at + 5] = message.payloadType;
    s[at + 7] = '';
    packed.kinds[i] = KINDS.indexOf(message.type);
    if (message.type === 'text') s[at + 6] = message.message;
    else if (message.type === 'image') s[at + 6] = message.link;
    else if (message.type === 'file') {
      s[at + 6] = message.link;
      s[at + 7] = message.name;
      packed.sizes[i] = message.size;
    } else {
      const { message: text, html, files, images, videos } = message;
      s[at + 6] = JSON.stringify({ message: text, html, files, images, videos });
    }
    packed.flags[i] =
      (message.pinned === undefined ? 0 : 1 | (message.pinned ? 2 : 0)) |
      (message.isEdited === undefined ? 0 : 4 | (message.isEdited ? 8 : 0));
    packed.times[i] = message.time.getTime();
  });
  const transfer = [packed.kinds, packed.flags, packed.times, packed.sizes].map(
    (array) => array.buffer as ArrayBuffer,
  );
  return { packed, transfer };
}

export function unpackRows(packed: PackedRows): DumpMessage[] {
  const messages = new Array<DumpMessage>(packed.count);
  const s = packed.strings;
  for (let i = 0; i < packed.count; i++) {
    const at = i * 8;
    const flags = packed.flags[i] ?? 0;
    const base = {
      id: s[at] ?? '',
      userId: s[at + 1] ?? '',
      displayName: s[at + 2] ?? '',
      time: new Date(packed.times[i] ?? Number.NaN),
      ...(flags & 1 ? { pinned: (flags & 2) !== 0 } : {}),
      ...(flags & 4 ? { isEdited: (flags & 8) !== 0 } : {}),
      sessionId: s[at + 3] ?? '',
      meetingId: s[at + 4] ?? '',
      payloadType: s[at + 5] ?? '',
    };
    const a = s[at + 6] ?? '';
    switch (KINDS[packed.kinds[i] ?? 0]) {
      case 'image':
        messages[i] = { ...base, type: 'image', link: a };
        break;
      case 'file':
        messages[i] = {
          ...base,
          type: 'file',
          link: a,
          name: s[at + 7] ?? '',
          size: packed.sizes[i] ?? 0,
        };
        break;
      case 'custom':
        messages[i] = {
          ...base,
          ...(JSON.parse(a) as Omit<CustomMessage, 'type'>),
          type: 'custom',
        };
        break;
      default:
        messages[i] = { ...base, type: 'text', message: a };
    }
  }
  return messages;
}
