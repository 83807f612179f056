import { group, mergeEntries, newGroups, setLists } from './chatIndex';
import type { ChatIndex } from './chatIndex';
import { toEntry } from './EntryMap';
import { acceptedTimeMs, normalizeMessage } from './normalizeMessage';
import type { ChatEntry, MessageKind } from './types';

/**
 * Reads the history an SDK holds (`chat.messages`) into the index. When the index is empty and
 * the history is in time order, as SDKs keep it, the messages are checked and listed without
 * being copied: each is normalized when first read (see `EntryMap`), so hydrating 100 000
 * messages allocates the lists and one map slot per message, nothing more. Otherwise every
 * message is normalized up front and merged. `refuse` hears why each refused message was.
 */
export function mergeHistory(
  index: ChatIndex,
  list: readonly unknown[],
  refuse: (reason: string) => void,
): void {
  if (index.byId.size > 0 || index.deleted.size > 0 || index.pinnedIds.length > 0) {
    return mergeEntries(index, normalizeAll(list, refuse));
  }
  const groups = newGroups(false);
  const pinned: string[] = [];
  const refused: string[] = [];
  let last = -Infinity;
  index.byId.reserveRaw(list.length);
  for (const raw of list) {
    const t = acceptedTimeMs(raw);
    if (t === undefined) {
      const result = normalizeMessage(raw);
      refused.push(result.ok ? 'message refused' : result.reason);
      continue;
    }
    if (t < last) {
      // Out of order: undo and take the general path, which sorts.
      for (const id of groups.ids) index.byId.delete(id);
      return mergeEntries(index, normalizeAll(list, refuse));
    }
    last = t;
    const m = raw as { id: string; type: MessageKind; userId?: unknown; pinned?: unknown };
    if (!index.byId.addRaw(m)) {
      // A history may repeat an id: list the first copy only (rare, so found by a scan).
      const first = list.find(
        (other) =>
          (other as { id?: unknown } | null)?.id === m.id && acceptedTimeMs(other) !== undefined,
      );
      index.byId.restoreRaw(first as { id: string });
      continue;
    }
    group(groups, m.id, m.type, typeof m.userId === 'string' ? m.userId : '');
    if (m.pinned === true) pinned.push(m.id);
  }
  for (const reason of refused) refuse(reason);
  setLists(index, groups);
  index.pinnedIds = pinned;
}

function normalizeAll(list: readonly unknown[], refuse: (reason: string) => void): ChatEntry[] {
  const out: ChatEntry[] = [];
  for (const raw of list) {
    const result = normalizeMessage(raw);
    if (result.ok) out.push(toEntry(result.message));
    else refuse(result.reason);
  }
  return out;
}
