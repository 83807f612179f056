'use client';
import { useCallback, useSyncExternalStore } from 'react';
import { EVERYONE, getConversationIndex } from './conversationIndex';
import type { Conversation } from './conversationIndex';
import { useChatStore } from './useChatStore';
import type { ChatHookOptions } from './useChatStore';
import { useSelfUserId } from './useSelfUserId';

export interface UseConversationsResult {
  /** Everyone first, then each private conversation (keyed by the other person's user id). */
  conversations: readonly Conversation[];
  /** The open conversation: `'everyone'` or a user id. */
  active: string;
  /** The open conversation itself. */
  current: Conversation;
  /** Opens a conversation (its private history is fetched with `fetchPrivateMessages` once). */
  setActive(key: string): void;
}

/**
 * The chat split into conversations as the local participant sees them: everyone, and one per
 * person they exchanged private messages with, each with its unread count. Which one is open is
 * shared by every component of the same chat (the panel's switcher, its list and its composer).
 *
 * @example
 * ```tsx
 * const { conversations, active, setActive } = useConversations()
 * conversations.map((c) => (
 *   <button key={c.key} aria-current={c.key === active} onClick={() => setActive(c.key)}>
 *     {c.key} {c.unread}
 *   </button>
 * ))
 * ```
 */
export function useConversations(options: ChatHookOptions = {}): UseConversationsResult {
  const store = useChatStore(options);
  const index = getConversationIndex(store, useSelfUserId());
  const state = useSyncExternalStore(index.subscribe, index.getState, index.getState);
  const setActive = useCallback((key: string) => index.setActive(key), [index]);
  const current =
    state.conversations.find((c) => c.key === state.active) ??
    (state.conversations[0] as Conversation);
  return { conversations: state.conversations, active: state.active, current, setActive };
}

export { EVERYONE };
