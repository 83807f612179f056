'use client';
import { useDeferredValue, useMemo } from 'react';
import { filterMessageIds } from '@natter/core';
import type { IdList, MessageFilter } from '@natter/core';
import { useChatSelector, useChatStore } from '@natter/hooks';
import type { ChatHookOptions } from '@natter/hooks';

export interface UseMessageFilterOptions extends ChatHookOptions {
  /** What to keep: participant, type, pinned only and text, combined. */
  filter: MessageFilter;
  /** Filter only these ids (a conversation); default: every listed message. */
  within?: IdList | undefined;
}

/** A participant who wrote in the chat, for a "from" picker. */
export interface FilterParticipant {
  /** Their user id (the filter's `participant` value). */
  userId: string;
  /** The name on their latest message (untrusted text: render it as text). */
  name: string;
}

export interface UseMessageFilterResult {
  /** The matching ids, in list order (the same list as the input when the filter is empty). */
  ids: IdList;
  /** How many messages match. */
  count: number;
  /** How many messages were filtered. */
  total: number;
  /** Everyone who wrote, in first-message order. */
  participants: FilterParticipant[];
  /** True while a newer search term is still being applied (typing stays responsive). */
  isStale: boolean;
}

/**
 * The chat's messages narrowed by a filter, for the live list and the replay alike. Computed from
 * the store's by-user and by-type indices, memoised per store change and filter; the search term
 * is deferred, so typing never waits for a 100k-message scan.
 *
 * @example
 * ```tsx
 * const [filter, setFilter] = useState(NO_FILTER)
 * const { ids, count, total } = useMessageFilter({ filter })
 * <MessageList ids={ids} highlight={filter.search} />
 * ```
 */
export function useMessageFilter(options: UseMessageFilterOptions): UseMessageFilterResult {
  const store = useChatStore(options);
  // A new `byId` with every message change: what the memos below depend on.
  const byId = useChatSelector(store, (s) => s.byId);
  const { participant, type, pinnedOnly } = options.filter;
  const search = useDeferredValue(options.filter.search);
  const within = options.within;
  const ids = useMemo(
    () =>
      filterMessageIds(
        { ...store.getState(), byId },
        { participant, type, pinnedOnly, search },
        within,
      ),
    [store, byId, participant, type, pinnedOnly, search, within],
  );
  const participants = useMemo(() => {
    const { byUser } = store.getState();
    const out: (FilterParticipant & { first: number })[] = [];
    for (const [userId, list] of byUser) {
      const first = byId.get(list.first() ?? '');
      const last = byId.get(list.last() ?? '');
      out.push({ userId, name: last?.displayName || userId, first: first?.timeMs ?? 0 });
    }
    out.sort((a, b) => a.first - b.first);
    return out.map(({ userId, name }) => ({ userId, name }));
    // Names and writers change only with messages.
  }, [store, byId]);
  const total = within ? within.length : store.getState().ids.length;
  return {
    ids,
    count: ids.length,
    total,
    participants,
    isStale: search !== options.filter.search,
  };
}
