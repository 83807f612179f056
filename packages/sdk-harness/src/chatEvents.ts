/** Recording and awaiting a chat object's events, for tests and drivers. */
import type { ChatUpdateEvent } from '@natter/core';
import type { EmittedChatEvent } from './chatWire';
import type { ChatEmitter } from './harnessTypes';

/** Collect a chat object's events (for tests and drivers). */
export function recordChatEvents(chat: ChatEmitter): {
  events: EmittedChatEvent[];
  updates: () => ChatUpdateEvent[];
  stop: () => void;
} {
  const events: EmittedChatEvent[] = [];
  const listeners = (['chatUpdate', 'pinMessage', 'unpinMessage'] as const).map((name) => {
    const listener = (payload: unknown): void => {
      events.push({ name, payload });
    };
    chat.on(name, listener);
    return [name, listener] as const;
  });
  return {
    events,
    updates: () =>
      events.filter((e) => e.name === 'chatUpdate').map((e) => e.payload as ChatUpdateEvent),
    stop: () => {
      for (const [name, listener] of listeners) chat.off(name, listener);
    },
  };
}

/**
 * Resolve with the first `chatUpdate` (or pin event) matching `predicate`. Register it before
 * acting; it rejects after `timeoutMs` so a missing event fails the test instead of hanging it.
 */
export function waitForChatEvent<T = ChatUpdateEvent>(
  chat: ChatEmitter,
  name: 'chatUpdate' | 'pinMessage' | 'unpinMessage',
  predicate: (payload: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (payload: unknown): void => {
      if (!predicate(payload as T)) return;
      clearTimeout(timer);
      chat.off(name, listener);
      resolve(payload as T);
    };
    const timer = setTimeout(() => {
      chat.off(name, listener);
      reject(new Error(`sdk-harness: no matching ${name} within ${timeoutMs} ms`));
    }, timeoutMs);
    chat.on(name, listener);
  });
}
