/** Shared fixtures of the createLocalChat tests (`src/createLocalChat*.test.ts`). */
import { afterEach, expect, vi } from 'vitest';
import { createLocalChat } from '../src/createLocalChat';
import { createManualClock } from '../src/localChat/createManualClock';
import type { LocalChat, LocalChatOptions } from '../src/localChat/types';
import type { ChatUpdateEvent, Message, PinEvent } from '../src/types';

export const ADA = { userId: 'user-ada', displayName: 'Ada Lovelace', peerId: 'peer-ada' };
export const GRACE = { userId: 'user-grace', displayName: 'Grace Hopper', peerId: 'peer-grace' };
export const START = Date.UTC(2025, 0, 6, 9, 0, 0, 250);

/** A chat on a manual clock, recording every event. */
export function setup(options: LocalChatOptions = {}) {
  const clock = createManualClock(START);
  const chat = createLocalChat({ clock, participants: [ADA, GRACE], ...options });
  const updates: ChatUpdateEvent[] = [];
  const pins: { kind: 'pin' | 'unpin'; event: PinEvent }[] = [];
  const order: string[] = [];
  chat.on('chatUpdate', (event) => {
    updates.push(event);
    order.push(`chatUpdate:${event.action}`);
  });
  chat.on('pinMessage', (event) => {
    pins.push({ kind: 'pin', event });
    order.push('pinMessage');
  });
  chat.on('unpinMessage', (event) => {
    pins.push({ kind: 'unpin', event });
    order.push('unpinMessage');
  });
  return { chat, clock, updates, pins, order };
}

export function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

export function lastAdded(updates: readonly ChatUpdateEvent[]): Message {
  const add = updates.filter((u) => u.action === 'add').at(-1);
  if (!add || !('type' in add.message)) throw new Error('no add event');
  return add.message;
}

/** Chats disposed after each test (`track` adds a setup's; a test may push its own). */
export const chats: LocalChat[] = [];
/** Disposes, after each test of the calling file, every chat given to `track`. */
export function disposeTrackedChats(): void {
  afterEach(() => {
    for (const chat of chats.splice(0)) chat.dispose();
    vi.restoreAllMocks();
  });
}
/** Registers a setup's chat for disposal after the test. */
export function track<T extends { chat: LocalChat }>(value: T): T {
  chats.push(value.chat);
  return value;
}

/** Text messages at `times`, alternating Grace and Ada. */
export function historyAt(
  times: readonly number[],
  extra: (i: number) => Partial<Message> = () => ({}),
): Message[] {
  return times.map(
    (timeMs, i) =>
      ({
        id: `m${i}`,
        type: 'text',
        message: `message ${i}`,
        userId: i % 2 ? 'user-ada' : 'user-grace',
        displayName: i % 2 ? 'Ada Lovelace' : 'Grace Hopper',
        time: new Date(timeMs),
        timeMs,
        ...extra(i),
      }) as Message,
  );
}
