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
  /**
   * `ids` by sender and by type: null until first read ({@link listsOf} builds them from `ids`),
   * then kept up to date. A list of 100 000 messages never asks for them (0.8 MB at 100k).
   */
  lists: ChatLists | null;
  /** Ids in `byId` but not in the lists: pins known before their page of history (few). */
  unlisted: Set<string>;
  deleted: Set<string>;
}

/** The history by sender and by type. */
export interface ChatLists {
  byUser: Map<string, IdList>;
  byType: Record<MessageKind, IdList>;
}

export function emptyIndex(): ChatIndex {
  return {
    ids: IdList.empty,
    byId: new EntryMap(),
    pinnedIds: [],
    lists: null,
    unlisted: new Set(),
    deleted: new Set(),
  };
}

/** The lists by sender and by type, built from `ids` on first need (see `ChatIndex.lists`). */
export function listsOf(index: ChatIndex): ChatLists {
  if (index.lists) return index.lists;
  // Reading every id anyway: build the id index first, which delists repeated ids.
  index.byId.settle();
  const groups = newGroups(true);
  for (const id of index.ids.toArray()) {
    const m = index.byId.peek(id);
    if (m) group(groups, id, m.type, typeof m.userId === 'string' ? m.userId : '');
  }
  const lists: ChatLists = { byUser: new Map(), byType: {} as ChatLists['byType'] };
  index.lists = lists;
  setLists(index, groups);
  return lists;
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
  const { id, type, userId } = entry;
  index.ids = insertSorted(index, index.ids, id, t);
  const lists = index.lists;
  if (lists) {
    lists.byType[type] = insertSorted(index, lists.byType[type], id, t);
    lists.byUser.set(userId, insertSorted(index, lists.byUser.get(userId) ?? IdList.empty, id, t));
  }
  index.unlisted.delete(id);
}

function removeFromLists(index: ChatIndex, entry: ChatEntry): void {
  const t = entry.timeMs ?? 0;
  const { id, type, userId } = entry;
  index.ids = removeSorted(index, index.ids, id, t);
  const lists = index.lists;
  const byUser = lists?.byUser.get(userId);
  if (lists) lists.byType[type] = removeSorted(index, lists.byType[type], id, t);
  if (lists && byUser) {
    const next = removeSorted(index, byUser, id, t);
    if (next.length === 0) lists.byUser.delete(userId);
    else lists.byUser.set(userId, next);
  }
  index.unlisted.add(id);
}

function setPinned(index: ChatIndex, id: string, pinned: boolean): void {
  const has = index.pinnedIds.includes(id);
  if (pinned && !has) index.pinnedIds = [...index.pinnedIds, id];
  else if (!pinned && has) index.pinnedIds = index.pinnedIds.filter((p) => p !== id);
}

/** A new `entry` for an id already held: it keeps the row key, and the pin state unless it says. */
function carried(entry: ChatEntry, existing: ChatEntry): ChatEntry {
  const next = { ...entry, clientKey: existing.clientKey };
  if (next.pinned === undefined && existing.pinned !== undefined) next.pinned = existing.pinned;
  return next;
}

/**
 * Inserts or replaces one entry. `list: false` keeps it out of the history list (a pin known
 * before its page of history). Entries of deleted ids are refused (returns false).
 */
export function upsertEntry(index: ChatIndex, entry: ChatEntry, list = true): boolean {
  if (index.deleted.has(entry.id)) return false;
  // A change needs the whole id index (see `EntryMap.defer`): a repeated id is delisted first.
  index.byId.settle();
  const existing = index.byId.get(entry.id);
  const listed = existing !== undefined && isListed(index, entry.id);
  const next = existing ? carried(entry, existing) : { ...entry };
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
  index.byId.settle();
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
  index.byId.settle();
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
    const next = existing ? carried(entry, existing) : entry;
    index.byId.set(entry.id, next);
    index.unlisted.delete(entry.id);
    setPinned(index, entry.id, next.pinned === true);
  }
  fresh.length = unique;
  if (mode === 'rebuild') {
    rebuildLists(index, fresh);
    return;
  }
  const groups = newGroups(index.lists !== null);
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
  const groups = newGroups(false);
  for (const e of entries) group(groups, e.id, e.type, e.userId);
  setLists(index, groups);
}

/** Ids in order: all of them and, when `lists` (see {@link newGroups}), by type and by sender. */
export interface Groups {
  ids: string[];
  lists: { byType: Record<MessageKind, string[]>; byUser: Map<string, string[]> } | null;
}

/** Groups of ids; by type and by sender only with `lists` (when the index has its lists built). */
export const newGroups = (lists: boolean): Groups => ({
  ids: [],
  lists: lists
    ? { byType: { text: [], image: [], file: [], custom: [] }, byUser: new Map() }
    : null,
});

export function group(groups: Groups, id: string, type: MessageKind, userId: string): void {
  groups.ids.push(id);
  const lists = groups.lists;
  if (!lists) return;
  lists.byType[type].push(id);
  const ofUser = lists.byUser.get(userId);
  if (ofUser) ofUser.push(id);
  else lists.byUser.set(userId, [id]);
}

/**
 * Sets the index's lists from `groups`: `join` adds each group to its list (a page spliced in);
 * without it every list is replaced. Groups without their by-type and by-sender part drop the
 * index's (they are built again when next read).
 */
export function setLists(
  index: ChatIndex,
  groups: Groups,
  join?: (list: IdList, ids: string[]) => IdList,
): void {
  const to = join ?? ((_: IdList, ids: string[]) => IdList.from(ids));
  index.ids = to(index.ids, groups.ids);
  const lists = index.lists;
  const from = groups.lists;
  if (!lists) return;
  if (!from) {
    index.lists = null;
    return;
  }
  if (!join) lists.byUser = new Map();
  for (const kind of MESSAGE_KINDS) lists.byType[kind] = to(lists.byType[kind], from.byType[kind]);
  for (const [user, ids] of from.byUser)
    lists.byUser.set(user, to(lists.byUser.get(user) ?? IdList.empty, ids));
}
