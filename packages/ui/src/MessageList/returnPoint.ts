import type { ChatEntry, ChatStore, IdList } from '@natter/core';

/**
 * Where each chat's reader left its list: the newest message (id and time) when the list last
 * unmounted (the panel closed, another conversation opened). Kept per store, like the join point.
 */
const leftAt = new WeakMap<ChatStore, { id: string | undefined; ms: number }>();

const timeOf = (entry: ChatEntry) => entry.timeMs ?? +entry.time;

/** Remembers, as the list unmounts, how far its reader had seen. */
export function leaveList(store: ChatStore): void {
  const { ids, byId } = store.getState();
  const newest = byId.get(ids.last() ?? '');
  leftAt.set(store, { id: newest?.id, ms: newest ? timeOf(newest) : -Infinity });
}

/**
 * Coming back to a list: the first message from someone else that arrived after the reader left
 * it (where the unread divider goes), or undefined. Scans back from the newest only as far as
 * the unseen messages reach (to the message seen last, or one older than it if it was deleted).
 */
export function firstUnseen(
  store: ChatStore,
  ids: IdList,
  selfUserId: string | undefined,
): string | undefined {
  const left = leftAt.get(store);
  if (left === undefined) return undefined;
  const { byId } = store.getState();
  let first: string | undefined;
  for (let i = ids.length - 1; i >= 0; i--) {
    const entry = byId.get(ids.at(i) ?? '');
    if (!entry) continue;
    if (entry.id === left.id || timeOf(entry) < left.ms) break;
    if (entry.status === 'sent' && entry.userId !== selfUserId) first = entry.id;
  }
  return first;
}
