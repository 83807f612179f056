import { EventEmitter } from 'node:events';
import type { ChatLike, ChatUpdateEvent, Message, PinEvent } from '../src/types';

/**
 * A bare `ChatLike` whose events the test emits by hand, for checking how the store applies raw
 * event sequences (duplicates, reordering, malformed payloads). Behaviour tests use
 * `createLocalChat`, which acts like the SDK.
 */
export function createEventChat(messages: Message[] = []) {
  const emitter = new EventEmitter();
  const unsupported = () => Promise.reject(new Error('not used in event tests'));
  const chat: ChatLike = {
    messages,
    sendTextMessage: unsupported,
    sendImageMessage: unsupported,
    sendFileMessage: unsupported,
    editTextMessage: unsupported,
    deleteMessage: unsupported,
    pin: unsupported,
    unpin: unsupported,
    on: (event: string, listener: (payload: never) => void) =>
      emitter.on(event, listener as (...args: unknown[]) => void),
    off: (event: string, listener: (payload: never) => void) =>
      emitter.off(event, listener as (...args: unknown[]) => void),
  };
  return {
    chat,
    emitter,
    update: (action: ChatUpdateEvent['action'], message: ChatUpdateEvent['message']) =>
      emitter.emit('chatUpdate', { action, message, messages }),
    pinEvent: (pinned: boolean, message: PinEvent['message']) =>
      emitter.emit(pinned ? 'pinMessage' : 'unpinMessage', { message, messages }),
    listenerCount: () =>
      emitter.listenerCount('chatUpdate') +
      emitter.listenerCount('pinMessage') +
      emitter.listenerCount('unpinMessage'),
  };
}

export function text(
  id: string,
  t: number,
  message = `text ${id}`,
  userId = 'u1',
  extra: Partial<Message> = {},
): Message {
  return {
    id,
    type: 'text',
    userId,
    displayName: userId.toUpperCase(),
    time: new Date(t),
    timeMs: t,
    message,
    ...extra,
  } as Message;
}
