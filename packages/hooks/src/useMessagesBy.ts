'use client';
import { IdList } from '@natter/core';
import type { ChatEntry, ChatState, MessageKind } from '@natter/core';
import { shallowArrayEqual } from './shallowArrayEqual';
import { useChatSelector, useChatStore } from './useChatStore';
import type { ChatHookOptions } from './useChatStore';

function entries(state: ChatState, ids: IdList | undefined): ChatEntry[] {
  const out: ChatEntry[] = [];
  if (!ids) return out;
  for (let i = 0; i < ids.length; i++) {
    const entry = state.byId.get(ids.at(i) ?? '');
    if (entry) out.push(entry);
  }
  return out;
}

/** Messages one participant sent, in time order; works on every backend (the store indexes them). */
export function useMessagesByUser(
  userId: string,
  options: ChatHookOptions = {},
): readonly ChatEntry[] {
  const store = useChatStore(options);
  return useChatSelector(
    store,
    (s) => entries(s, s.byUser.get(userId) ?? IdList.empty),
    shallowArrayEqual,
  );
}

/** Messages of one kind (`text`, `image`, `file`, `custom`), in time order. */
export function useMessagesByType(
  type: MessageKind,
  options: ChatHookOptions = {},
): readonly ChatEntry[] {
  const store = useChatStore(options);
  return useChatSelector(store, (s) => entries(s, s.byType[type]), shallowArrayEqual);
}
