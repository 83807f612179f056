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

export interface UseMessagesByUserOptions extends ChatHookOptions {
  /** The sender's user id. */
  userId: string;
}

export interface UseMessagesByTypeOptions extends ChatHookOptions {
  type: MessageKind;
}

/**
 * Messages one participant sent, in time order; works on every backend (the store indexes them).
 *
 * @example
 * ```tsx
 * const theirs = useMessagesByUser({ userId: participant.userId })
 * ```
 */
export function useMessagesByUser(options: UseMessagesByUserOptions): readonly ChatEntry[] {
  const store = useChatStore(options);
  const { userId } = options;
  return useChatSelector(
    store,
    (s) => entries(s, s.byUser.get(userId) ?? IdList.empty),
    shallowArrayEqual,
  );
}

/**
 * Messages of one kind (`text`, `image`, `file`, `custom`), in time order.
 *
 * @example
 * ```tsx
 * const images = useMessagesByType({ type: 'image' })
 * ```
 */
export function useMessagesByType(options: UseMessagesByTypeOptions): readonly ChatEntry[] {
  const store = useChatStore(options);
  const { type } = options;
  return useChatSelector(store, (s) => entries(s, s.byType[type]), shallowArrayEqual);
}
