'use client';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChatEntry, ChatStore, IdList } from '@natter/core';
import type { ChatVirtualizer } from './ChatVirtualizer';
import { firstUnseen, leaveList } from './returnPoint';

/** How far back from the end new messages are looked for after an update. */
const APPEND_SCAN = 1000;

/** No unseen messages: one constant, so a reset while none are counted re-renders nothing. */
const NONE: readonly string[] = [];

/** The ids appended at the end since `prev` (none when the list was empty: that is history). */
function appendedIds(prev: IdList, next: IdList): string[] {
  const last = prev.last();
  if (last === undefined || next.last() === last) return [];
  const out: string[] = [];
  for (let i = next.length - 1; i >= Math.max(0, next.length - APPEND_SCAN); i--) {
    const id = next.at(i);
    if (id === undefined) break;
    if (id === last) return out.reverse();
    out.push(id);
  }
  return [];
}

export interface UnreadMessages {
  /** Others' messages that arrived while the reader was scrolled up, still in the chat. */
  newCount: number;
  /** The first message the reader has not seen since they went away: the unread divider. */
  unreadId: string | null;
  /** Scrolls to the newest message and forgets the count. */
  scrollToBottom: () => void;
}

/**
 * New messages: announce others', count them when the reader is scrolled up ("N new messages"),
 * mark where an away reader (scrolled up or tab hidden) left off with the unread divider, and
 * bring the reader down to their own send.
 */
export function useUnreadMessages(
  store: ChatStore,
  /** The ids shown (a filter's, or the store's). */
  ids: IdList,
  /** The store's ids: a change of `ids` alone (a filter) adds nothing new. */
  storeIds: IdList,
  selfUserId: string | undefined,
  virtualizer: ChatVirtualizer,
  /** Told of others' new messages (the live-region announcer). */
  announce: (entries: readonly ChatEntry[]) => void,
): UnreadMessages {
  // The unseen messages themselves, not a number: one deleted meanwhile no longer counts.
  const [newIds, setNewIds] = useState<readonly string[]>(NONE);
  const [unreadId, setUnreadId] = useState<string | null>(null);
  /** True while the reader is away and the unread divider marks where they left. */
  const away = useRef(false);

  useEffect(
    () =>
      virtualizer.onScrolled((bottom) => {
        if (!bottom) return;
        setNewIds(NONE);
        away.current = false;
      }),
    [virtualizer],
  );

  const prevIds = useRef(ids);
  const prevStoreIds = useRef(storeIds);
  useLayoutEffect(() => {
    const prev = prevIds.current;
    const storeChanged = prevStoreIds.current !== storeIds;
    prevIds.current = ids;
    prevStoreIds.current = storeIds;
    // A filter changing what is shown (no new message in the store) adds nothing new.
    if (prev === ids || !storeChanged) return;
    const byId = store.getState().byId;
    const added = appendedIds(prev, ids)
      .map((id) => byId.get(id))
      .filter((e): e is ChatEntry => e !== undefined);
    if (added.length === 0) return;
    const isOwn = (e: ChatEntry) =>
      e.status !== 'sent' || (selfUserId !== undefined && e.userId === selfUserId);
    if (added.some((e) => isOwn(e) && e.status === 'sending')) {
      virtualizer.scrollToEnd();
      setNewIds(NONE);
      setUnreadId(null);
      away.current = false;
      return;
    }
    const remote = added.filter((e) => !isOwn(e));
    if (remote.length === 0) return;
    announce(remote);
    const atBottom = virtualizer.isAtBottom();
    const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    if (!atBottom) setNewIds((seen) => [...seen, ...remote.map((e) => e.id)]);
    if ((!atBottom || hidden) && !away.current) {
      away.current = true;
      setUnreadId(remote[0]?.id ?? null);
    }
  }, [ids, storeIds, store, selfUserId, virtualizer, announce]);

  // Coming back to the list (it unmounted: the panel closed, another conversation opened): the
  // divider above the first message others wrote meanwhile, scrolled to the top.
  const started = useRef(false);
  useLayoutEffect(() => {
    if (started.current || ids.length === 0) return;
    started.current = true;
    const unseen = firstUnseen(store, ids, selfUserId);
    if (unseen === undefined) return;
    away.current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- once: where the reader left is known only when the first history is listed
    setUnreadId(unseen);
    virtualizer.scrollToIndex(ids.indexOf(unseen), { align: 'start' });
    // Once, when the first history is listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, with the first history
  }, [ids.length]);
  useEffect(() => () => leaveList(store), [store]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible' && virtualizer.isAtBottom()) away.current = false;
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [virtualizer]);

  const scrollToBottom = useCallback(() => {
    virtualizer.scrollToEnd();
    setNewIds(NONE);
  }, [virtualizer]);

  const byId = store.getState().byId;
  const newCount = newIds.reduce((n, id) => (byId.has(id) ? n + 1 : n), 0);
  return { newCount, unreadId, scrollToBottom };
}
