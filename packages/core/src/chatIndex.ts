import { EntryMap } from './EntryMap';
import { IdList } from './IdList';
import type { ChatEntry, MessageKind } from './types';

export const MESSAGE_KINDS: readonly MessageKind[] = ['text', 'image', 'file', 'custom'];

/**
 * The normalized collections. `ids` holds the contiguous, time-ordered history shown in the list;
 * `byId` also holds messages known only as pins outside the loaded history.
 */
export interface ChatIndex {
  ids: IdList;
  byId: EntryMap;
  pinnedIds: readonly string[];
  byUser: Map<string, IdList>;
  byType: Record<MessageKind, IdList>;
  /** Ids in `byId` but not in the lists: pins known before their page of history (few). */
  unlisted: Set<string>;
  deleted: Set<string>;
}

export function emptyIndex(): ChatIndex {
  return {
    ids: IdList.empty,
    byId: new EntryMap(),
    pinnedIds: [],
    byUser: new Map(),
    byType: { text: IdList.empty, image: IdList.empty, file: IdList.empty, custom: IdList.empty },
    unlisted: new Set(),
    deleted: new Set(),
  };
}

/** Whether `id` is in the history lists (not only known as a pin). */
export const isListed = (index: ChatIndex, id: string): boolean =>
  index.byId.has(id) && !(index.unlisted.size > 0 && index.unlisted.has(id));

const timeOf = (index: ChatIndex, id: string | undefined): number =>
  (id === undefined ? undefined : index.byId.get(id)?.timeMs) ?? 0;

/**
 * First position in `list` whose time is greater than `t` (after equal times: arrival order);
 * with `after` false, the first whose time is `t` or greater.
 */
function upperBound(index: ChatIndex, list: IdList, t: number, after = true): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const at = timeOf(index, list.at(mid));
    if (after ? at <= t : at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(index: ChatIndex, list: IdList, id: string, t: number): IdList {
  if (list.length === 0 || timeOf(index, list.last()) <= t) return list.insert(list.length, id);
  return list.insert(upperBound(index, list, t), id);
}

/** Removes `id` whose time is `t`: binary search to the run of equal times, then a short scan. */
function removeSorted(index: ChatIndex, list: IdList, id: string, t: number): IdList {
  if (list.last() === id) return list.removeAt(list.length - 1);
  for (let i = upperBound(index, list, t, false); i < list.length; i++) {
    const at = list.at(i);
    if (at === id) return list.removeAt(i);
    if (timeOf(index, at) > t) break;
  }
  const fallback = list.indexOf(id);
  return fallback >= 0 ? list.removeAt(fallback) : list;
}

function addToLists(index: ChatIndex, entry: ChatEntry): void {
  const t = entry.timeMs ?? 0;
  index.ids = insertSorted(index, index.ids, entry.id, t);
  index.byType[entry.type] = insertSorted(index, index.byType[entry.type], entry.id, t);
  index.byUser.set(
    entry.userId,
    insertSorted(index, index.byUser.get(entry.userId) ?? IdList.empty, entry.id, t),
  );
  index.unlisted.delete(entry.id);
}

function removeFromLists(index: ChatIndex, entry: ChatEntry): void {
  const t = entry.timeMs ?? 0;
  index.ids = removeSorted(index, index.ids, entry.id, t);
  index.byType[entry.type] = removeSorted(index, index.byType[entry.type], entry.id, t);
  const byUser = index.byUser.get(entry.userId);
  if (byUser) {
    const next = removeSorted(index, byUser, entry.id, t);
    if (next.length === 0) index.byUser.delete(entry.userId);
    else index.byUser.set(entry.userId, next);
  }
  index.unlisted.add(entry.id);
}

function setPinned(index: ChatIndex, id: string, pinned: boolean): void {
  const has = index.pinnedIds.includes(id);
  if (pinned && !has) index.pinnedIds = [...index.pinnedIds, id];
  else if (!pinned && has) index.pinnedIds = index.pinnedIds.filter((p) => p !== id);
}

/**
 * Inserts or replaces one entry. `list: false` keeps it out of the history list (a pin known
 * before its page of history). Entries of deleted ids are refused (returns false).
 */
export function upsertEntry(index: ChatIndex, entry: ChatEntry, list = true): boolean {
  if (index.deleted.has(entry.id)) return false;
  const existing = index.byId.get(entry.id);
  const listed = existing !== undefined && isListed(index, entry.id);
  const pinned = entry.pinned ?? existing?.pinned;
  const next: ChatEntry = {
    ...entry,
    clientKey: existing?.clientKey ?? entry.clientKey,
    ...(pinned === undefined ? {} : { pinned }),
  };
  const moved =
    listed &&
    existing !== undefined &&
    (existing.timeMs !== next.timeMs ||
      existing.type !== next.type ||
      existing.userId !== next.userId);
  if (moved) removeFromLists(index, existing);
  index.byId.set(next.id, next);
  if ((list && !listed) || moved) addToLists(index, next);
  else if (!listed) index.unlisted.add(next.id);
  setPinned(index, next.id, next.pinned === true);
  return true;
}

/** Removes an entry everywhere. `tombstone` makes later events for this id be ignored. */
export function removeEntry(index: ChatIndex, id: string, tombstone: boolean): void {
  const existing = index.byId.get(id);
  if (existing && isListed(index, id)) removeFromLists(index, existing);
  index.byId.delete(id);
  index.unlisted.delete(id);
  setPinned(index, id, false);
  if (tombstone) index.deleted.add(id);
}

/**
 * Adds many entries at once (history pages). Pages older or newer than everything listed are
 * spliced in chunk-wise; anything interleaved falls back to one sort and rebuild.
 */
export function mergeEntries(index: ChatIndex, entries: readonly ChatEntry[]): void {
  const fresh: ChatEntry[] = [];
  for (const entry of entries) {
    if (index.deleted.size > 0 && index.deleted.has(entry.id)) continue;
    if (isListed(index, entry.id)) upsertEntry(index, entry);
    else fresh.push(entry);
  }
  if (fresh.length === 0) return;
  fresh.sort((a, b) => (a.timeMs ?? 0) - (b.timeMs ?? 0));
  const firstT = timeOf(index, index.ids.first());
  const lastT = timeOf(index, index.ids.last());
  const oldest = fresh[0]?.timeMs ?? 0;
  const newest = fresh[fresh.length - 1]?.timeMs ?? 0;
  const empty = index.ids.length === 0;
  const mode = empty || newest <= firstT ? 'prepend' : oldest >= lastT ? 'append' : 'rebuild';
  let unique = 0;
  for (const entry of fresh) {
    // A page may repeat an id: list the first copy only.
    if (isListed(index, entry.id)) continue;
    fresh[unique++] = entry;
    const existing = index.byId.get(entry.id);
    const pinned = entry.pinned ?? existing?.pinned;
    const next: ChatEntry = existing
      ? { ...entry, clientKey: existing.clientKey, ...(pinned === undefined ? {} : { pinned }) }
      : entry;
    index.byId.set(entry.id, next);
    index.unlisted.delete(entry.id);
    setPinned(index, entry.id, next.pinned === true);
  }
  fresh.length = unique;
  if (mode === 'rebuild') {
    rebuildLists(index, fresh);
    return;
  }
  const groups = newGroups();
  for (const e of fresh) group(groups, e.id, e.type, e.userId);
  setLists(index, groups, (list, ids) =>
    mode === 'prepend' ? list.prepend(ids) : list.append(ids),
  );
}

/** Rebuilds every ordered list from the listed ids plus `fresh` (one stable sort). */
function rebuildLists(index: ChatIndex, fresh: readonly ChatEntry[]): void {
  const entries: ChatEntry[] = [];
  for (const id of index.ids.toArray()) {
    const entry = index.byId.get(id);
    if (entry) entries.push(entry);
  }
  entries.push(...fresh);
  entries.sort((a, b) => (a.timeMs ?? 0) - (b.timeMs ?? 0));
  const groups = newGroups();
  for (const e of entries) group(groups, e.id, e.type, e.userId);
  setLists(index, groups);
}

/** Ids in order: all of them, by type and by sender (see {@link group}, {@link setLists}). */
export interface Groups {
  ids: string[];
  byType: Record<MessageKind, string[]>;
  byUser: Map<string, string[]>;
}

export const newGroups = (): Groups => ({
  ids: [],
  byType: { text: [], image: [], file: [], custom: [] },
  byUser: new Map(),
});

export function group(groups: Groups, id: string, type: MessageKind, userId: string): void {
  groups.ids.push(id);
  groups.byType[type].push(id);
  const ofUser = groups.byUser.get(userId);
  if (ofUser) ofUser.push(id);
  else groups.byUser.set(userId, [id]);
}

/**
 * Sets the index's lists from `groups`: `join` adds each group to its list (a page spliced in);
 * without it every list is replaced (and senders with no group dropped).
 */
export function setLists(
  index: ChatIndex,
  groups: Groups,
  join?: (list: IdList, ids: string[]) => IdList,
): void {
  if (!join) index.byUser = new Map();
  const to = join ?? ((_: IdList, ids: string[]) => IdList.from(ids));
  index.ids = to(index.ids, groups.ids);
  for (const kind of MESSAGE_KINDS)
    index.byType[kind] = to(index.byType[kind], groups.byType[kind]);
  for (const [user, ids] of groups.byUser)
    index.byUser.set(user, to(index.byUser.get(user) ?? IdList.empty, ids));
}
