import { ChatError } from '../ChatError';
import type { ChatLike, Message } from '../types';

const readOnly = () =>
  Promise.reject(new ChatError('unsupported', 'This chat is a read-only replay.'));

/**
 * A read-only `ChatLike` over a fixed list of messages (a parsed chat dump): no events, no
 * paging, every action rejects with `unsupported`. Feed it to `createChatStore` to show a dump
 * with the same components as a live chat.
 *
 * @example
 * ```ts
 * const { messages } = await parseChatDump(file)
 * const store = createChatStore(createStaticChat(messages))
 * ```
 */
export function createStaticChat(messages: readonly Message[]): ChatLike {
  return {
    messages: [...messages],
    maxTextLimit: 0,
    sendTextMessage: readOnly,
    sendImageMessage: readOnly,
    sendFileMessage: readOnly,
    editTextMessage: readOnly,
    deleteMessage: readOnly,
    pin: readOnly,
    unpin: readOnly,
    on: () => undefined,
    off: () => undefined,
  };
}
