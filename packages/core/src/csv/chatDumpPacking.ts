import type { CustomMessage } from '../types';
import type { DumpMessage } from './chatDumpColumns';
import { textDumpMessage, withFlags } from './chatDumpColumns';

/**
 * A batch of messages as compact columns for `postMessage`: three long strings plus typed arrays
 * whose buffers are transferred, instead of thousands of structured-cloned objects. The repeated
 * columns are sent once per batch as a small table of distinct values, so they are cloned (and
 * held on the receiving side) once instead of once per message.
 *
 * Each message's own strings arrive as slices of its batch's three long strings. A long string is
 * allocated apart from V8's young generation and a slice is a small fixed-size object, so the
 * main thread's scavenges no longer copy every message's text (at 500k rows they did, in tasks of
 * 30-60 ms).
 */
export interface PackedRows {
  count: number;
  /** Distinct values of userId, displayName, sessionId, meetingId and payloadType in the batch. */
  shared: string[];
  /** 5 per message: indexes into `shared` for userId, displayName, sessionId, meetingId, payloadType. */
  refs: Uint32Array;
  /** 3 per message: id, then by kind: text `message, ''`; image `link, ''`; file `link, name`;
   * custom `JSON of its fields, ''`. */
  columns: [string, string, string];
  /** 3 per message: where its value of each column ends in `columns[k]` (it starts where the
   * previous message's ends). */
  ends: Uint32Array;
  /** Bits 0-1: kind (0 text, 1 image, 2 file, 3 custom); bit 2: pinned is set, bit 3: pinned;
   * bit 4: isEdited is set, bit 5: isEdited. */
  kinds: Uint8Array;
  times: Float64Array;
  sizes: Float64Array;
}

const KIND = { text: 0, image: 1, file: 2, custom: 3 } as const;

export function packRows(messages: readonly DumpMessage[]): {
  packed: PackedRows;
  transfer: ArrayBuffer[];
} {
  const count = messages.length;
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const share = (value: string): number => {
    let index = sharedIndex.get(value);
    if (index === undefined) {
      index = shared.push(value) - 1;
      sharedIndex.set(value, index);
    }
    return index;
  };
  const packed: PackedRows = {
    count,
    shared,
    refs: new Uint32Array(count * 5),
    columns: ['', '', ''], // joined below
    ends: new Uint32Array(count * 3),
    kinds: new Uint8Array(count),
    times: new Float64Array(count),
    sizes: new Float64Array(count),
  };
  const { refs, ends, kinds, times, sizes } = packed;
  // Each message's three strings go straight into their column; `ends` keeps each column's
  // running length.
  const ids = new Array<string>(count);
  const firsts = new Array<string>(count);
  const seconds = new Array<string>(count);
  let idEnd = 0;
  let firstEnd = 0;
  let secondEnd = 0;
  for (let i = 0; i < count; i++) {
    const message = messages[i] as DumpMessage;
    const at = i * 3;
    const ref = i * 5;
    refs[ref] = share(message.userId);
    refs[ref + 1] = share(message.displayName);
    refs[ref + 2] = share(message.sessionId);
    refs[ref + 3] = share(message.meetingId);
    refs[ref + 4] = share(message.payloadType);
    let first: string;
    let second = '';
    if (message.type === 'text') first = message.message;
    else if (message.type === 'image') first = message.link;
    else if (message.type === 'file') {
      first = message.link;
      second = message.name;
      sizes[i] = message.size;
    } else {
      const { message: text, html, files, images, videos } = message;
      first = JSON.stringify({ message: text, html, files, images, videos });
    }
    ids[i] = message.id;
    firsts[i] = first;
    seconds[i] = second;
    ends[at] = idEnd += message.id.length;
    ends[at + 1] = firstEnd += first.length;
    ends[at + 2] = secondEnd += second.length;
    kinds[i] =
      KIND[message.type] |
      (message.pinned === undefined ? 0 : 4 | (message.pinned ? 8 : 0)) |
      (message.isEdited === undefined ? 0 : 16 | (message.isEdited ? 32 : 0));
    times[i] = message.time.getTime();
  }
  packed.columns = [ids.join(''), firsts.join(''), seconds.join('')];
  const transfer = [refs, ends, kinds, times, sizes].map((array) => array.buffer as ArrayBuffer);
  return { packed, transfer };
}

/**
 * Rebuilds the messages of a batch, or of its part `from`-`to`. Pass the same `shared` map for
 * every batch of a parse, so the repeated values of all batches end up as one string each.
 */
export function unpackRows(
  packed: PackedRows,
  shared: Map<string, string> = new Map(),
  from = 0,
  to = packed.count,
): DumpMessage[] {
  const values = packed.shared.map((value) => {
    const known = shared.get(value);
    if (known !== undefined) return known;
    shared.set(value, value);
    return value;
  });
  const { columns, ends } = packed;
  // The three strings of message `from + j` are s[3j], s[3j + 1], s[3j + 2].
  const s = new Array<string>((to - from) * 3);
  for (let k = 0; k < 3; k++) {
    const column = columns[k] ?? '';
    let start = from > 0 ? (ends[(from - 1) * 3 + k] ?? 0) : 0;
    for (let i = from * 3 + k, j = k; i < to * 3; i += 3, j += 3) {
      const end = ends[i] ?? start;
      s[j] = column.slice(start, end);
      start = end;
    }
  }
  const messages = new Array<DumpMessage>(to - from);
  for (let i = from; i < to; i++) messages[i - from] = unpackRow(packed, s, values, i, from);
  return messages;
}

/** One message, built as a single literal per kind (no spreads but for custom fields). */
function unpackRow(
  packed: PackedRows,
  s: readonly string[],
  values: readonly string[],
  i: number,
  from: number,
): DumpMessage {
  const refs = packed.refs;
  const at = (i - from) * 3;
  const ref = i * 5;
  const bits = packed.kinds[i] ?? 0;
  const id = s[at] ?? '';
  const userId = values[refs[ref] ?? 0] ?? '';
  const displayName = values[refs[ref + 1] ?? 0] ?? '';
  const time = new Date(packed.times[i] ?? Number.NaN);
  const sessionId = values[refs[ref + 2] ?? 0] ?? '';
  const meetingId = values[refs[ref + 3] ?? 0] ?? '';
  const payloadType = values[refs[ref + 4] ?? 0] ?? '';
  const a = s[at + 1] ?? '';
  const pinned = bits & 4 ? (bits & 8) !== 0 : undefined;
  const isEdited = bits & 16 ? (bits & 32) !== 0 : undefined;
  let message: DumpMessage;
  switch (bits & 3) {
    case 1:
      message = {
        id,
        type: 'image',
        link: a,
        userId,
        displayName,
        time,
        sessionId,
        meetingId,
        payloadType,
      };
      break;
    case 2:
      message = {
        id,
        type: 'file',
        link: a,
        name: s[at + 2] ?? '',
        size: packed.sizes[i] ?? 0,
        userId,
        displayName,
        time,
        sessionId,
        meetingId,
        payloadType,
      };
      break;
    case 3:
      // In the order `parseChatDump` builds it (its fields come after `type`).
      message = {
        id,
        type: 'custom',
        ...(JSON.parse(a) as Pick<
          CustomMessage,
          'message' | 'html' | 'files' | 'images' | 'videos'
        >),
        userId,
        displayName,
        time,
        sessionId,
        meetingId,
        payloadType,
      };
      break;
    default:
      return textDumpMessage(
        id,
        a,
        userId,
        displayName,
        time,
        sessionId,
        meetingId,
        payloadType,
        pinned,
        isEdited,
      );
  }
  return withFlags(message, pinned, isEdited);
}
