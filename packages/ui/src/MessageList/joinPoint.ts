import type { ChatStore, IdList } from '@natter/core';

/**
 * Where each chat's reader joined: the last message of the history there when its list was first
 * ready (null: there was none). Kept per store, so switching conversations does not move it.
 */
const joinPoints = new WeakMap<ChatStore, string | null>();

/** The id after which the "joined here" divider goes (null: none), fixed when history is ready. */
export function joinPointOf(store: ChatStore, ready: boolean, storeIds: IdList): string | null {
  if (ready && !joinPoints.has(store)) joinPoints.set(store, storeIds.last() ?? null);
  return joinPoints.get(store) ?? null;
}
