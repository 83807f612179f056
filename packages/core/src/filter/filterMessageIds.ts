import { IdList } from '../IdList';
import type { ChatState } from '../chatStoreTypes';
import type { ChatEntry, MessageKind } from '../types';

/** What a message list is narrowed to. Empty fields do not filter; set fields combine (and). */
export interface MessageFilter {
  /** A participant's user id, or `''` for everyone. */
  participant: string;
  /** A message kind, or `''` for every kind. */
  type: MessageKind | '';
  /** Text the message (or file name) contains, case-insensitive; `''` for any. */
  search: string;
  pinnedOnly: boolean;
}

/** The filter that keeps every message. */
export const NO_FILTER: MessageFilter = {
  participant: '',
  type: '',
  search: '',
  pinnedOnly: false,
};

/** Whether `filter` keeps every message. */
export function isFilterEmpty(filter: MessageFilter): boolean {
  return (
    filter.participant === '' && filter.type === '' && !filter.pinnedOnly && !filter.search.trim()
  );
}

/** Text a search matches: message text, custom text and HTML source, file names. */
export function searchableText(entry: ChatEntry): string {
  switch (entry.type) {
    case 'text':
      return entry.message;
    case 'file':
      return entry.name;
    case 'image':
      return '';
    case 'custom':
      return `${entry.message ?? ''}\n${entry.html ?? ''}`;
  }
}

/** The pinned ids that are in the listed history, in list (time) order. */
function listedPins(state: Pick<ChatState, 'byId' | 'byUser' | 'pinnedIds'>): IdList {
  const pins: ChatEntry[] = [];
  for (const id of state.pinnedIds) {
    const entry = state.byId.get(id);
    // A pin outside the loaded history is in `byId` but in no by-user list.
    if (entry && (state.byUser.get(entry.userId)?.indexOf(id) ?? -1) >= 0) pins.push(entry);
  }
  pins.sort((a, b) => (a.timeMs ?? a.time.getTime()) - (b.timeMs ?? b.time.getTime()));
  return IdList.from(pins.map((e) => e.id));
}

/**
 * The ids of `within` (default: every listed message) that `filter` keeps, in order. Reads the
 * store's by-user and by-type indices, so a participant or type filter over 100k messages visits
 * only that person's or kind's messages; text is compared lower-cased, once per candidate.
 *
 * @example
 * ```ts
 * const ids = filterMessageIds(store.getState(), { ...NO_FILTER, participant: 'u-ada', search: 'budget' })
 * ```
 */
export function filterMessageIds(
  state: Pick<ChatState, 'ids' | 'byId' | 'byUser' | 'byType' | 'pinnedIds'>,
  filter: MessageFilter,
  within?: IdList,
): IdList {
  const base = within ?? state.ids;
  if (isFilterEmpty(filter)) return base;
  let candidates = base;
  if (!within) {
    // The smallest index that already holds every possible match, in list order.
    const byUser = filter.participant
      ? (state.byUser.get(filter.participant) ?? IdList.empty)
      : null;
    const byType = filter.type ? state.byType[filter.type] : null;
    for (const list of [byUser, byType])
      if (list && list.length < candidates.length) candidates = list;
    if (filter.pinnedOnly) {
      const pins = listedPins(state);
      if (pins.length < candidates.length) candidates = pins;
    }
  }
  const term = filter.search.trim().toLowerCase();
  const out: string[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const id = candidates.at(i);
    const m = id === undefined ? undefined : state.byId.get(id);
    if (!m) continue;
    if (filter.participant && m.userId !== filter.participant) continue;
    if (filter.type && m.type !== filter.type) continue;
    if (filter.pinnedOnly && m.pinned !== true) continue;
    if (term && !searchableText(m).toLowerCase().includes(term)) continue;
    out.push(m.id);
  }
  return IdList.from(out);
}
