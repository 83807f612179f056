import { describe, expect, it, vi } from 'vitest';
import * as vitest from 'vitest';
import { describeChatConformance } from './testing/chatConformance';
import type { RemoteDriver } from './testing/conformanceTypes';
import { createLocalChat } from './createLocalChat';
import type { LocalChatOptions } from './localChat/types';
import type { Message } from './types';
import {
  ADA,
  GRACE,
  START,
  setup,
  only,
  lastAdded,
  track,
  disposeTrackedChats,
  historyAt,
} from '../test/localChatSetup';

disposeTrackedChats();

function localFixture(options: LocalChatOptions) {
  const chat = createLocalChat({ participants: [ADA, GRACE], ...options });
  const remote: RemoteDriver = {
    userId: ADA.userId,
    displayName: ADA.displayName,
    sendText: async (text) => void chat.simulate.receive({ userId: ADA.userId, text }),
    edit: async (id, text) => void chat.simulate.edit(id, text),
    delete: async (id) => chat.simulate.delete(id),
    pin: async (id) => void chat.simulate.pin(id),
    unpin: async (id) => void chat.simulate.unpin(id),
  };
  return { chat, self: chat.self, remote, dispose: () => chat.dispose() };
}

describeChatConformance(
  'createLocalChat (realtimekit)',
  () => localFixture({ flavor: 'realtimekit' }),
  {
    test: vitest,
  },
);
describeChatConformance('createLocalChat (dyte)', () => localFixture({ flavor: 'dyte' }), {
  emitsPinEvents: false,
  test: vitest,
});
describeChatConformance(
  'createLocalChat (realtimekit, 3 ms latency)',
  () => localFixture({ flavor: 'realtimekit', latencyMs: 3 }),
  { test: vitest },
);

describe('createLocalChat: delivery', () => {
  it('resolves a send at once and delivers the add only after the latency', async () => {
    const { chat, clock, updates } = track(setup({ latencyMs: 100 }));
    await chat.sendTextMessage('hello');
    expect(updates).toHaveLength(0);
    expect(chat.messages).toHaveLength(0);
    expect(chat.simulate.pendingDeliveries).toBe(1);
    clock.advance(99);
    expect(updates).toHaveLength(0);
    clock.advance(1);
    expect(only(updates)).toMatchObject({
      action: 'add',
      message: { type: 'text', message: 'hello', userId: 'user-self' },
    });
  });

  it('keeps deliveries in order when the latency changes', async () => {
    const { chat, clock, updates } = track(setup({ latencyMs: 100 }));
    await chat.sendTextMessage('first');
    chat.simulate.setLatency(0);
    await chat.sendTextMessage('second');
    clock.advance(0);
    expect(updates.map((u) => ('message' in u.message ? u.message.message : undefined))).toEqual([
      'first',
      'second',
    ]);
  });

  it('delivers everything pending at once with flush()', async () => {
    const { chat, updates } = track(setup({ latencyMs: 5000 }));
    await chat.sendTextMessage('a');
    chat.simulate.receive({ userId: 'user-ada', text: 'b' });
    chat.simulate.flush();
    expect(updates.map((u) => u.action)).toEqual(['add', 'add']);
    expect(chat.simulate.pendingDeliveries).toBe(0);
  });

  it('replaces the array on add but mutates it in place on edit, pin and delete', async () => {
    const { chat, clock, updates } = track(setup());
    const before = chat.messages;
    const { id } = chat.simulate.receive({ userId: 'user-ada', text: 'one' });
    clock.advance(0);
    expect(chat.messages).not.toBe(before);
    const array = chat.messages;
    chat.simulate.edit(id, 'uno');
    chat.simulate.pin(id);
    clock.advance(0);
    chat.simulate.delete(id);
    clock.advance(0);
    expect(chat.messages).toBe(array);
    expect(updates.slice(1).every((u) => u.messages === array)).toBe(true);
    expect(chat.messages).toHaveLength(0);
  });

  it('shapes messages like the SDK: whole-second time, placeholders, empty targetUserIds', async () => {
    const { chat, clock, updates } = track(setup());
    await chat.sendTextMessage('shape');
    clock.advance(0);
    const message = lastAdded(updates) as Message & Record<string, unknown>;
    expect(message.time.getTime()).toBe(Math.floor(START / 1000) * 1000);
    expect(message.timeMs).toBe(START);
    expect(message).toMatchObject({
      isEdited: false,
      pinned: false,
      targetUserIds: [],
      link: '',
      name: '',
      size: 0,
    });
  });
});

describe('createLocalChat: validation and limits', () => {
  it('defaults maxTextLimit to 2000 and throws SDK-shaped errors', async () => {
    const { chat } = track(setup());
    expect(chat.maxTextLimit).toBe(2000);
    const error = await chat.sendTextMessage('x'.repeat(2001)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ClientError', code: '0503' });
    expect((error as Error).message).toMatch(/^\[ERR0503\]: \{Chat\} Text Message is too large/);
    chat.setMaxTextLimit(3);
    await expect(chat.sendTextMessage('abcd')).rejects.toMatchObject({ code: '0503' });
    await expect(chat.sendTextMessage('')).rejects.toMatchObject({ code: '0502' });
    await expect(chat.sendTextMessage('   ')).resolves.toBeUndefined(); // like the SDK: only '' is empty
  });

  it('rate-limits text sends synchronously, counts failed sends, and reopens after the period', async () => {
    const { chat, clock } = track(setup());
    expect(chat.rateLimits).toEqual({ maxInvocations: 180, period: 60 });
    chat.updateRateLimits(2, 1);
    expect(chat.rateLimits).toEqual({ maxInvocations: 2, period: 1 });
    await chat.sendTextMessage('one');
    await expect(chat.sendTextMessage('')).rejects.toMatchObject({ code: '0502' });
    expect(() => chat.sendTextMessage('three')).toThrow(expect.objectContaining({ code: '0013' }));
    clock.advance(1001);
    await expect(chat.sendTextMessage('four')).resolves.toBeUndefined();
  });

  it('limits image and file sends to 20 a minute each', async () => {
    const { chat } = track(setup());
    const file = new File(['x'], 'a.txt', { type: 'text/plain' });
    for (let i = 0; i < 20; i++) await chat.sendFileMessage(file);
    expect(() => chat.sendFileMessage(file)).toThrow(expect.objectContaining({ code: '0013' }));
    await expect(
      chat.sendImageMessage(new File(['x'], 'a.png', { type: 'image/png' })),
    ).resolves.toBeUndefined();
  });

  it('rejects pins of unknown ids with 0504, ignores an empty edit', async () => {
    const warn = vi.fn();
    const { chat, clock, updates } = track(setup({ logger: { warn } }));
    await expect(chat.pin('nope')).rejects.toMatchObject({ code: '0504' });
    await expect(chat.unpin('nope')).rejects.toMatchObject({ code: '0504' });
    const { id } = chat.simulate.receive({ userId: 'user-ada', text: 'x' });
    clock.advance(0);
    await expect(chat.editTextMessage(id, '')).resolves.toBeUndefined();
    clock.advance(0);
    expect(updates.map((u) => u.action)).toEqual(['add']);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('editTextMessage::message_can_not_be_empty'),
    );
  });

  it.each(['realtimekit', 'dyte'] as const)(
    '%s: an own edit or delete of an id the server does not hold resolves, with no event',
    async (flavor) => {
      // Both real SDKs send the request, the server refuses it, and the refusal is swallowed.
      const warn = vi.fn();
      const { chat, clock, order } = track(setup({ flavor, logger: { warn } }));
      const image = new File(['png'], 'a.png', { type: 'image/png' });
      const file = new File(['txt'], 'a.txt', { type: 'text/plain' });
      const { editImageMessage, editFileMessage } = chat;
      if (!editImageMessage || !editFileMessage) throw new Error('an edit method is missing');
      await expect(chat.editTextMessage('nope', 'x')).resolves.toBeUndefined();
      await expect(editImageMessage('nope', image)).resolves.toBeUndefined();
      await expect(editFileMessage('nope', file)).resolves.toBeUndefined();
      await expect(chat.deleteMessage('nope')).resolves.toBeUndefined();
      await chat.sendTextMessage('barrier');
      clock.runAll();
      expect(order).toEqual(['chatUpdate:add']);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('deleteMessage::server_refused'));
    },
  );

  it('sends an own edit and delete of a message the server holds but `messages` does not', async () => {
    // Only the newest message is in `messages` after join; the older one is still on the server.
    const times = [START - 2000, START - 1000];
    const { chat, clock, updates } = track(
      setup({ history: historyAt(times), joinHistoryLimit: 1 }),
    );
    expect(chat.messages.map((m) => m.id)).toEqual(['m1']);
    await chat.editTextMessage('m0', 'changed');
    await chat.deleteMessage('m0');
    clock.runAll();
    // RealtimeKit emits both without adding the message; `{ id }` is all a delete then carries.
    expect(updates.map((u) => [u.action, u.message])).toEqual([
      ['edit', expect.objectContaining({ id: 'm0', message: 'changed', isEdited: true })],
      ['delete', { id: 'm0' }],
    ]);
    expect(chat.messages.map((m) => m.id)).toEqual(['m1']);
  });
});
