import { createChatStore } from './createChatStore';
import type { ChatStore, ChatStoreOptions } from './chatStoreTypes';
import type { ChatLike } from './types';

const stores = new WeakMap<ChatLike, ChatStore>();

/**
 * The one store of a chat object: created on first use, shared by every hook and component, so
 * any number of them cost one set of SDK listeners. Options apply when the store is created,
 * except who self is: a `selfUserId` (and `selfDisplayName`) passed later replaces the store's
 * (see `ChatStore.setSelf`), so the last caller that says who self is wins; one that says nothing
 * changes nothing. In React, `ChatProvider` is that caller.
 *
 * @example
 * ```ts
 * const store = getChatStore(meeting.chat, { selfUserId: meeting.self.userId })
 * store === getChatStore(meeting.chat) // true
 * ```
 */
export function getChatStore(chat: ChatLike, options?: ChatStoreOptions): ChatStore {
  let store = stores.get(chat);
  if (!store) {
    store = createChatStore(chat, options);
    stores.set(chat, store);
  } else if (options?.selfUserId !== undefined) {
    store.setSelf({ userId: options.selfUserId, displayName: options.selfDisplayName });
  }
  return store;
}

/** Destroys and forgets the shared store of `chat` (the next `getChatStore` makes a new one). */
export function releaseChatStore(chat: ChatLike): void {
  stores.get(chat)?.destroy();
  stores.delete(chat);
}
