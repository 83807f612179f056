import type { ChatEntry } from '../types';
import type { ChatState } from '../chatStoreTypes';

/** The stretch of the list a reader did not see: after `afterId` (null: from the start) up to `upToId`. */
export interface MissedRange {
  afterId: string | null;
  upToId: string;
  /** `afterId`'s and `upToId`'s times, used when either has been deleted since. */
  afterMs: number;
  upToMs: number;
}

/** Someone who wrote while the reader was away. */
export interface MissedSender {
  userId: string;
  /** Their latest name in the range (untrusted text). */
  name: string;
  count: number;
}

/** What happened in a missed range: others' messages only. */
export interface MissedSummary {
  /** Messages from others. */
  count: number;
  /** Older history is not loaded yet: there were at least `count`. */
  more: boolean;
  /** The first missed message (jump here to read from the start). */
  firstId: string | undefined;
  /** Who wrote, most messages first (ties: who wrote first). */
  senders: MissedSender[];
  /** Missed messages that are pinned now, oldest first. */
  pinned: ChatEntry[];
  /** Missed images and files, oldest first. */
  files: ChatEntry[];
}

const timeOf = (e: ChatEntry | undefined) => e?.timeMs ?? e?.time.getTime() ?? 0;

/** Where `range` lies in `state.ids` now (history may have been prepended, messages deleted). */
function bounds(state: Pick<ChatState, 'ids' | 'byId'>, range: MissedRange): [number, number] {
  const { ids, byId } = state;
  let start = range.afterId === null ? 0 : ids.indexOf(range.afterId) + 1;
  let end = ids.indexOf(range.upToId);
  if (range.afterId !== null && start === 0) {
    while (start < ids.length && timeOf(byId.get(ids.at(start) ?? '')) <= range.afterMs) start++;
  }
  if (end < 0) {
    end = ids.length - 1;
    while (end >= start && timeOf(byId.get(ids.at(end) ?? '')) > range.upToMs) end--;
  }
  return [start, end];
}

/**
 * Summarises a missed range: how many messages from others, from whom, which of them are pinned
 * and which are files. One pass over the range; own messages and unsent entries never count.
 *
 * @example
 * ```ts
 * const s = summarizeMissed(store.getState(), range, selfUserId)
 * `${s.count} messages from ${s.senders.map((p) => p.name).join(', ')}`
 * ```
 */
export function summarizeMissed(
  state: Pick<ChatState, 'ids' | 'byId' | 'hasOlder'>,
  range: MissedRange,
  selfUserId: string | undefined,
): MissedSummary {
  const [start, end] = bounds(state, range);
  const senders = new Map<string, MissedSender & { order: number }>();
  const pinned: ChatEntry[] = [];
  const files: ChatEntry[] = [];
  let count = 0;
  let firstId: string | undefined;
  for (let i = start; i <= end; i++) {
    const entry = state.byId.get(state.ids.at(i) ?? '');
    if (!entry || entry.status !== 'sent' || entry.userId === selfUserId) continue;
    count++;
    firstId ??= entry.id;
    const sender = senders.get(entry.userId);
    if (sender) {
      sender.count++;
      sender.name = entry.displayName || sender.name;
    } else {
      const name = entry.displayName || entry.userId;
      senders.set(entry.userId, { userId: entry.userId, name, count: 1, order: senders.size });
    }
    if (entry.pinned === true) pinned.push(entry);
    if (entry.type === 'image' || entry.type === 'file') files.push(entry);
  }
  return {
    count,
    more: range.afterId === null && state.hasOlder,
    firstId,
    senders: [...senders.values()]
      .sort((a, b) => b.count - a.count || a.order - b.order)
      .map(({ userId, name, count: n }) => ({ userId, name, count: n })),
    pinned,
    files,
  };
}

/** The range from after `afterId` to the newest listed message, or null when nothing is newer. */
export function missedRangeOf(
  state: Pick<ChatState, 'ids' | 'byId'>,
  afterId: string | null,
): MissedRange | null {
  const upToId = state.ids.last();
  if (upToId === undefined || upToId === afterId) return null;
  return {
    afterId,
    upToId,
    afterMs: afterId === null ? -Infinity : timeOf(state.byId.get(afterId)),
    upToMs: timeOf(state.byId.get(upToId)),
  };
}
