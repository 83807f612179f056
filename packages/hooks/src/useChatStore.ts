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

/** The store the hook should read: explicit `store`, explicit `chat`, else the provider's. */
export function useChatStore(options: ChatHookOptions = {}, hook = 'useChatStore'): ChatStore {
  const context = useOptionalChatContext();
  if (options.store) return options.store;
  if (options.chat) return getChatStore(options.chat);
  if (!context) {
    throw new Error(
      `${hook} must be used inside <ChatProvider chat={meeting.chat}>, or be given { chat } explicitly.`,
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

/** Equality for arrays whose items are stored references. */
export function shallowArrayEqual<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
