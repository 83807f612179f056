/**
 * `createLocalChat` held to the behaviour observed on the real SDKs (`BEHAVIOUR`, filled in by
 * `sdkChat.test.ts`): the `realtimekit` flavor to RealtimeKit 2.0.2, the `dyte` flavor to Dyte
 * 3.1.11. Where the two disagreed, the local chat was changed; this keeps them from drifting apart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalChat, createManualClock } from '@natter/core/testing';
import type { ChatUpdateEvent, Message, PinEvent } from '@natter/core';
import type { LocalChat, LocalChatOptions } from '@natter/core/testing';
import { BEHAVIOUR } from './behaviour';

const FLAVORS = [
  { name: 'RealtimeKit 2.0.2', flavor: 'realtimekit' },
  { name: 'Dyte 3.1.11', flavor: 'dyte' },
] as const;

const BOB = { userId: 'bob', displayName: 'Bob' };
const SELF = { userId: 'self-user', displayName: 'Self' };
const START = Date.UTC(2025, 0, 2, 3, 4, 5, 678);

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) chat.dispose();
});

/** A local chat on a manual clock, recording its events as `sdkChat.test.ts` names them. */
function setup(options: LocalChatOptions) {
  const clock = createManualClock(START);
  const chat = createLocalChat({ clock, participants: [BOB], self: SELF, ...options });
  chats.push(chat);
  const events: { name: string; payload: ChatUpdateEvent | PinEvent }[] = [];
  chat.on('chatUpdate', (payload) =>
    events.push({ name: `chatUpdate:${payload.action}`, payload }),
  );
  chat.on('pinMessage', (payload) => events.push({ name: 'pinMessage', payload }));
  chat.on('unpinMessage', (payload) => events.push({ name: 'unpinMessage', payload }));
  /** The events of everything `act` did, once the server's broadcasts have been delivered. */
  const during = async (act: () => unknown): Promise<typeof events> => {
    const start = events.length;
    await act();
    clock.runAll();
    return events.slice(start);
  };
  return { chat, clock, events, during };
}

const names = (events: { name: string }[]): string[] => events.map((e) => e.name);

/** History of two messages of which only the newest lands in `messages` on join. */
function serverOnlyHistory(): Message[] {
  return ['old', 'new'].map((text, i) => ({
    id: `h-${text}`,
    type: 'text',
    message: text,
    ...BOB,
    time: new Date(START - 2000 + i * 1000),
    timeMs: START - 2000 + i * 1000,
  }));
}

describe.each(FLAVORS)(
  'createLocalChat ($flavor) behaves as the real $name',
  ({ name, flavor }) => {
    const expected = BEHAVIOUR[name];

    it('shapes a message with the same keys, whole-second time and timeMs', async () => {
      const { chat, during } = setup({ flavor });
      const [add] = await during(() => chat.simulate.receive({ ...BOB, text: 'hi' }));
      const message = (add?.payload as ChatUpdateEvent).message as unknown as Record<
        string,
        unknown
      >;
      expect(Object.keys(message).sort()).toEqual([...expected.messageKeys]);
      expect(message.time).toEqual(new Date(Math.floor(START / 1000) * 1000));
      expect(message.timeMs).toBe(START);
    });

    it('replaces the array on add; mutates it in place on edit, pin and delete', async () => {
      const { chat, during } = setup({ flavor });
      const before = chat.messages;
      const { id } = chat.simulate.receive({ ...BOB, text: 'first' });
      await during(() => undefined);
      expect(chat.messages).not.toBe(before);
      const array = chat.messages;
      const original = chat.messages[0];
      const edit = await during(() => chat.simulate.edit(id, 'second'));
      expect(names(edit)).toEqual(['chatUpdate:edit']);
      expect(chat.messages).toBe(array);
      expect(chat.messages[0]).not.toBe(original);
      const deleted = chat.messages[0];
      const del = await during(() => chat.simulate.delete(id));
      expect((del[0]?.payload as ChatUpdateEvent).message).toBe(deleted);
      expect(chat.messages).toBe(array);
    });

    it('emits the same events for a remote pin and unpin, keeping or replacing the object alike', async () => {
      const { chat, during } = setup({ flavor });
      const { id } = chat.simulate.receive({ ...BOB, text: 'pin me' });
      await during(() => undefined);
      const original = chat.messages[0];
      const pinned = await during(() => chat.simulate.pin(id));
      expect(names(pinned)).toEqual([...expected.pinEvents]);
      expect(chat.messages[0] === original).toBe(expected.pinKeepsMessageObject);
      for (const e of pinned.slice(1)) expect(e.payload.message).toBe(pinned[0]?.payload.message);
      const unpinned = await during(() => chat.simulate.unpin(id));
      expect(names(unpinned)).toEqual([...expected.unpinEvents]);
    });

    it('emits the same events for an edit, delete and pin of an id the client does not have', async () => {
      const { chat, during } = setup({ flavor, history: serverOnlyHistory(), joinHistoryLimit: 1 });
      expect(chat.messages.map((m) => m.id)).toEqual(['h-new']);
      expect(names(await during(() => chat.simulate.edit('h-old', 'text')))).toEqual([
        ...expected.unknownEditEvents,
      ]);
      expect(names(await during(() => chat.simulate.pin('h-old')))).toEqual([
        ...expected.unknownPinEvents,
      ]);
      const del = await during(() => chat.simulate.delete('h-old'));
      expect(names(del)).toEqual([...expected.unknownDeleteEvents]);
      if (del[0]) expect(del[0].payload.message).toEqual({ id: 'h-old' });
      expect(chat.messages.map((m) => m.id)).toEqual(['h-new']);
    });

    it('pins through the server (awaited or not) and rejects an unknown id with 0504', async () => {
      const { chat, clock, events } = setup({ flavor });
      const { id } = chat.simulate.receive({ ...BOB, text: 'pin me' });
      clock.runAll();
      const start = events.length;
      const pinning = chat.pin(id);
      // RealtimeKit's pin resolves only after the answer (a delivery); Dyte's at once.
      if (expected.pinAwaitsServer) clock.runAll();
      await pinning;
      expect(events.length > start).toBe(expected.pinAwaitsServer);
      await expect(chat.pin('missing')).rejects.toMatchObject({ code: '0504' });
    });

    it('resolves an own edit or delete the server refuses, silently', async () => {
      const { chat, during } = setup({ flavor });
      const refused = await during(async () => {
        await chat.editTextMessage('missing-1', 'x');
        await chat.deleteMessage('missing-2');
      });
      expect(refused).toEqual([]);
    });

    it('resolves an own send with no local echo, then adds it once', async () => {
      const { chat, clock, events } = setup({ flavor });
      await chat.sendTextMessage('hello from me');
      expect(events).toEqual([]);
      clock.runAll();
      expect(names(events)).toEqual(['chatUpdate:add']);
      expect(chat.messages.map((m) => m.userId)).toEqual([SELF.userId]);
    });

    it('validates as the SDK: 2000 characters, ERR0502 / ERR0503, a synchronous rate-limit throw', async () => {
      const { chat } = setup({ flavor, rateLimits: { maxInvocations: 2, period: 60 } });
      expect(chat.maxTextLimit).toBe(2000);
      await expect(chat.sendTextMessage('')).rejects.toMatchObject({ code: '0502' });
      await expect(chat.sendTextMessage('x'.repeat(2001))).rejects.toMatchObject({ code: '0503' });
      expect(() => chat.sendTextMessage('x')).toThrow(expect.objectContaining({ code: '0013' }));
    });
  },
);
