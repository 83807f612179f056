'use client';
import { useSyncExternalStoreWithSelector } from 'use-sync-external-store/with-selector';
import { getChatStore } from '@natter/core';
import type { ChatLike, ChatState, ChatStore } from '@natter/core';
import { useOptionalChatContext } from './ChatContext';

/** Every hook takes an explicit chat or store that overrides the provider's. */
export interface ChatHookOptions {
  /** A chat object to use instead of the `ChatProvider`'s (`meeting.chat`, `createLocalChat()`). */
  chat?: ChatLike;
  /** A store to use instead of the provider's (`getChatStore(chat)`); wins over `chat`. */
  store?: ChatStore;
}

/**
 * The store a hook reads: the explicit `store`, else the explicit `chat`'s, else the provider's.
 * Throws an error naming `ChatProvider` when there is none.
 *
 * @example
 * ```tsx
 * const store = useChatStore()
 * const count = useChatSelector(store, (s) => s.ids.length)
 * ```
 */
export function useChatStore(options: ChatHookOptions = {}): ChatStore {
  const context = useOptionalChatContext();
  if (options.store) return options.store;
  if (options.chat) return getChatStore(options.chat);
  if (!context) {
    throw new Error(
      "Natter's hooks and components must be used inside <ChatProvider meeting={meeting}> (or chat={meeting.chat}), or be given { chat } explicitly.",
    );
  }
  return context.store;
}

/**
 * Subscribes to a slice of the chat state. The component re-renders only when the selected value
 * changes (by identity, or by `isEqual`), so selectors should return stored references.
 */
export function useChatSelector<T>(
  store: ChatStore,
  selector: (state: ChatState) => T,
  isEqual?: (a: T, b: T) => boolean,
): T {
  return useSyncExternalStoreWithSelector(
    store.subscribe,
    store.getState,
    store.getState,
    selector,
    isEqual,
  );
}
