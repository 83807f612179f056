'use client';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { getConversationIndex } from './conversationIndex';
import { useChatStore } from './useChatStore';
import type { ChatHookOptions } from './useChatStore';
import { useSelfUserId } from './useSelfUserId';

export interface UseUnreadCountOptions extends ChatHookOptions {
  /** The reader sees the chat now (the panel is open): the count stays at 0. */
  isRead?: boolean;
}

export interface UseUnreadCountResult {
  /** Messages from others (every conversation) that arrived since the chat was last read. */
  count: number;
  markRead(): void;
}

/**
 * How many messages arrived while the chat was not being read: the badge of a chat toggle button.
 * History loaded on join never counts; your own messages never count.
 *
 * @example
 * ```tsx
 * const [open, setOpen] = useState(false)
 * const { count } = useUnreadCount({ isRead: open })
 * <button aria-expanded={open} onClick={() => setOpen(!open)}>
 *   Chat {count > 0 ? <span aria-label={`${count} unread`}>{count}</span> : null}
 * </button>
 * ```
 */
export function useUnreadCount(options: UseUnreadCountOptions = {}): UseUnreadCountResult {
  const store = useChatStore(options);
  const index = getConversationIndex(store, useSelfUserId());
  const state = useSyncExternalStore(index.subscribe, index.getState, index.getState);
  const markRead = useCallback(() => index.markAllRead(), [index]);
  const isRead = options.isRead === true;
  useEffect(() => {
    if (isRead && state.unreadTotal > 0) index.markAllRead();
  }, [isRead, state.unreadTotal, index]);
  return { count: isRead ? 0 : state.unreadTotal, markRead };
}
