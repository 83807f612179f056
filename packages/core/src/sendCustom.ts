import { ChatError, toChatError } from './ChatError';
import type { ChatLike, CustomMessagePayload } from './types';
import type { SendOptions } from './chatStoreTypes';

/**
 * Sends a custom message (`chat.sendCustomMessage`: a poll, a system note) for apps to render with
 * `renderCustom`. Resolves when the chat object has taken it; as with the SDKs, it shows when the
 * server's echo arrives. Rejects with a `ChatError`: `unsupported` when the chat has no such
 * method, else the SDK's failure, readable. RealtimeKit drops it silently unless the preset allows
 * both text and files (check `useChatPermissions()` first). Kept out of the store's actions so a
 * chat that never sends one does not pay for it.
 *
 * @example
 * ```ts
 * const { store } = useChat();
 * await sendCustom(store.chat, { type: 'custom', message: JSON.stringify({ poll: 'Lunch?' }) });
 * ```
 */
export async function sendCustom(
  chat: ChatLike,
  payload: CustomMessagePayload,
  options?: SendOptions,
): Promise<void> {
  if (!chat.sendCustomMessage)
    throw new ChatError('unsupported', 'This chat cannot send custom messages.');
  try {
    // A copy: the SDKs append the sender to the array they are given.
    await chat.sendCustomMessage(payload, options?.peerIds ? [...options.peerIds] : undefined);
  } catch (error) {
    throw toChatError(error);
  }
}
