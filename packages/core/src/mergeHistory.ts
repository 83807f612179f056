import { group, mergeEntries, newGroups, setLists } from './chatIndex';
import type { ChatIndex } from './chatIndex';
import { toEntry } from './EntryMap';
import { IdList } from './IdList';
import { acceptedTimeMs, normalizeMessage } from './normalizeMessage';
import type { ChatEntry, MessageKind } from './types';

/**
 * Reads the history an SDK holds (`chat.messages`) into the index. When the index is empty and
 * the history is in time order, as SDKs keep it, the messages are checked and listed without
 * being copied: each is normalized when first read (see `EntryMap`), so hydrating 100 000
 * messages allocates their list of ids, nothing more, and their id index is built after the first
 * paint. Otherwise every message is normalized up front and merged. `refuse` hears why each
 * refused message was; `relisted` hears when building the index delisted repeated ids (the lists
 * changed: publish them).
 */
export function mergeHistory(
  index: ChatIndex,
  list: readonly unknown[],
  refuse: (reason: string) => void,
  relisted?: () => void,
): void {
  if (index.byId.size > 0 || index.deleted.size > 0 || index.pinnedIds.length > 0) {
    return mergeEntries(index, normalizeAll(list, refuse));
  }
  const groups = newGroups(false);
  const pinned: string[] = [];
  const refused: string[] = [];
  const accepted: { readonly id: string }[] = [];
  let last = -Infinity;
  for (const raw of list) {
    const t = acceptedTimeMs(raw);
    if (t === undefined) {
      const result = normalizeMessage(raw);
      refused.push(result.ok ? 'message refused' : result.reason);
      continue;
    }
    // Out of order: take the general path, which sorts.
    if (t < last) return mergeEntries(index, normalizeAll(list, refuse));
    last = t;
    const m = raw as { id: string; type: MessageKind; userId?: unknown; pinned?: unknown };
    accepted.push(m);
    group(groups, m.id, m.type, typeof m.userId === 'string' ? m.userId : '');
    if (m.pinned === true) pinned.push(m.id);
  }
  for (const reason of refused) refuse(reason);
  setLists(index, groups);
  index.pinnedIds = pinned;
  // The id index is built after the first paint (see `EntryMap.defer`). A history that repeats an
  // id lists its first copy only, as a page of history does: the later places are delisted then.
  index.byId.defer(accepted, (repeats) => {
    delistLater(index, repeats);
    relisted?.();
  });
}

/** Removes every place of each id in `repeats` but the first from the lists and the pins. */
function delistLater(index: ChatIndex, repeats: Set<string>): void {
  const keepFirst = (ids: readonly string[]) => {
    const seen = new Set<string>();
    return ids.filter((id) => !repeats.has(id) || (!seen.has(id) && !!seen.add(id)));
  };
  index.ids = IdList.from(keepFirst(index.ids.toArray()));
  // A repeated id is pinned as its first copy, the one kept, says.
  index.pinnedIds = keepFirst(index.pinnedIds).filter(
    (id) => !repeats.has(id) || (index.byId.peek(id) as { pinned?: unknown })?.pinned === true,
  );
  index.lists = null;
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
