import { afterEach, describe, expect, it, vi } from 'vitest';
import * as vitest from 'vitest';
import { describeChatConformance } from './testing/chatConformance';
import type { RemoteDriver } from './testing/conformanceTypes';
import { createLocalChat } from './createLocalChat';
import { createManualClock } from './localChat/createManualClock';
import type { LocalChat, LocalChatOptions } from './localChat/types';
import type { ChatUpdateEvent, Message, PinEvent } from './types';

const ADA = { userId: 'user-ada', displayName: 'Ada Lovelace', peerId: 'peer-ada' };
const GRACE = { userId: 'user-grace', displayName: 'Grace Hopper', peerId: 'peer-grace' };
const START = Date.UTC(2025, 0, 6, 9, 0, 0, 250);

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

/** A chat on a manual clock, recording every event. */
function setup(options: LocalChatOptions = {}) {
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

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

function lastAdded(updates: readonly ChatUpdateEvent[]): Message {
  const add = updates.filter((u) => u.action === 'add').at(-1);
  if (!add || !('type' in add.message)) throw new Error('no add event');
  return add.message;
}

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) chat.dispose();
  vi.restoreAllMocks();
});
function track<T extends { chat: LocalChat }>(value: T): T {
  chats.push(value.chat);
  return value;
}

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

describe('createLocalChat: private messages', () => {
  it('appends the sender to the caller’s peerIds array and sets targetUserIds', async () => {
    const { chat, clock, updates } = track(
      setup({ self: { userId: 'user-me', displayName: 'Me', peerId: 'peer-me' } }),
    );
    const peerIds = ['peer-ada'];
    await chat.sendTextMessage('psst', peerIds);
    expect(peerIds).toEqual(['peer-ada', 'peer-me']);
    clock.advance(0);
    expect(lastAdded(updates).targetUserIds).toEqual(['user-ada', 'user-me']);
  });

  it('marks simulated private messages for the sender and the local participant', () => {
    const { chat, clock, updates } = track(setup());
    chat.simulate.receive({ userId: 'user-grace', text: 'just you', private: true });
    clock.advance(0);
    expect(lastAdded(updates)).toMatchObject({
      displayName: 'Grace Hopper',
      targetUserIds: ['user-grace', 'user-self'],
    });
    expect(() => chat.simulate.receive({ userId: 'user-ada' })).toThrow(TypeError);
  });
});

describe('createLocalChat: flavors', () => {
  it('realtimekit: a pin is an edit (new object) then pinMessage; remote deletes of unknown ids emit { id }', async () => {
    const { chat, clock, updates, order } = track(setup({ flavor: 'realtimekit' }));
    const { id } = chat.simulate.receive({ userId: 'user-ada', text: 'pin me' });
    clock.advance(0);
    const original = chat.messages[0];
    const pinning = chat.pin(id);
    clock.advance(0);
    await pinning;
    expect(order).toEqual(['chatUpdate:add', 'chatUpdate:edit', 'pinMessage']);
    expect(chat.messages[0]).not.toBe(original);
    expect(chat.messages[0]?.pinned).toBe(true);
    chat.simulate.delete('ghost');
    clock.advance(0);
    expect(updates.at(-1)).toEqual({
      action: 'delete',
      message: { id: 'ghost' },
      messages: chat.messages,
    });
  });

  it('dyte: a pin mutates the message object and emits only the edit; unknown ids are silent', async () => {
    const { chat, clock, order } = track(setup({ flavor: 'dyte' }));
    const { id } = chat.simulate.receive({ userId: 'user-ada', text: 'pin me' });
    clock.advance(0);
    const original = chat.messages[0];
    await chat.pin(id);
    clock.advance(0);
    expect(chat.messages[0]).toBe(original);
    expect(original?.pinned).toBe(true);
    expect(chat.pinned?.map((m) => m.id)).toEqual([id]);
    chat.simulate.delete('ghost');
    chat.simulate.edit(id, 'changed on the server');
    chat.simulate.delete(id);
    chat.simulate.delete(id);
    clock.advance(0);
    expect(order).toEqual([
      'chatUpdate:add',
      'chatUpdate:edit',
      'chatUpdate:edit',
      'chatUpdate:delete',
    ]);
  });

  it('has each flavor’s optional methods, and neither when both are turned off', () => {
    const rtk = track(setup({ flavor: 'realtimekit' })).chat;
    const dyte = track(setup({ flavor: 'dyte' })).chat;
    const neither = track(
      setup({ capabilities: { fetchMessages: false, dyteQueries: false } }),
    ).chat;
    expect(
      ['fetchPublicMessages', 'fetchPinnedMessages', 'fetchPrivateMessages'].every((k) => k in rtk),
    ).toBe(true);
    expect(
      ['getMessages', 'getMessagesByUser', 'getMessagesByType', 'searchMessages', 'pinned'].some(
        (k) => k in rtk,
      ),
    ).toBe(false);
    expect(
      ['getMessages', 'getMessagesByUser', 'getMessagesByType', 'searchMessages', 'pinned'].every(
        (k) => k in dyte,
      ),
    ).toBe(true);
    expect('fetchPublicMessages' in dyte).toBe(false);
    expect(['fetchPublicMessages', 'getMessages', 'pinned'].some((k) => k in neither)).toBe(false);
  });
});

function historyAt(
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

describe('createLocalChat: history and pagination', () => {
  const times = Array.from({ length: 10 }, (_, i) => START - 100_000 + i * 1000);

  it('loads history into messages without events, and replaces it on loadHistory', () => {
    const { chat, updates } = track(setup({ history: 5 }));
    expect(chat.messages).toHaveLength(5);
    const before = chat.messages;
    chat.simulate.loadHistory(historyAt(times));
    expect(chat.messages).not.toBe(before);
    expect(chat.messages.map((m) => m.id)).toEqual(times.map((_, i) => `m${i}`));
    expect(updates).toHaveLength(0);
  });

  it('puts only the newest joinHistoryLimit messages in messages; the rest are fetched', async () => {
    const { chat } = track(setup({ history: historyAt(times), joinHistoryLimit: 4 }));
    expect(chat.messages.map((m) => m.id)).toEqual(['m6', 'm7', 'm8', 'm9']);
    const older = await chat.fetchPublicMessages?.({
      timestamp: times[6],
      limit: 3,
      direction: 'before',
    });
    expect(older?.map((m) => m.id)).toEqual(['m3', 'm4', 'm5']);
    expect(older?.[0]).not.toBe(chat.messages[0]);
  });

  it('pages RealtimeKit fetches before and after a timestamp, exclusive', async () => {
    const history = historyAt(times, (i) => ({
      pinned: i === 2 || i === 7,
      targetUserIds: i === 4 ? ['user-ada', 'user-self'] : [],
    }));
    const { chat } = track(setup({ history }));
    const after = await chat.fetchPublicMessages?.({
      timestamp: times[5],
      limit: 3,
      direction: 'after',
    });
    expect(after?.map((m) => m.id)).toEqual(['m6', 'm7', 'm8']);
    const before = await chat.fetchPublicMessages?.({
      timestamp: times[5],
      limit: 10,
      direction: 'before',
    });
    expect(before?.map((m) => m.id)).toEqual(['m0', 'm1', 'm2', 'm3']); // m4 is private
    expect(await chat.fetchPublicMessages?.({ limit: 5, direction: 'after' })).toEqual([]);
    const pinned = await chat.fetchPinnedMessages?.({
      timestamp: START,
      limit: 10,
      direction: 'before',
    });
    expect(pinned?.map((m) => m.id)).toEqual(['m2', 'm7']);
    const privately = await chat.fetchPrivateMessages?.({
      userId: 'user-ada',
      timestamp: START,
      limit: 10,
      direction: 'before',
    });
    expect(privately?.map((m) => m.id)).toEqual(['m4']);
  });

  it('pages Dyte getMessages with offset and next, and answers the Dyte queries', async () => {
    const { chat } = track(setup({ flavor: 'dyte', history: historyAt(times) }));
    const page = await chat.getMessages?.(START, 3, true, 2);
    expect(page?.messages.map((m) => m.id)).toEqual(['m5', 'm6', 'm7']);
    expect(page?.next).toBe(true);
    const last = await chat.getMessages?.(times[0] ?? 0, 20, false);
    expect(last?.messages).toHaveLength(9);
    expect(last?.next).toBe(false);
    expect(chat.getMessagesByUser?.('user-ada')).toHaveLength(5);
    expect(chat.getMessagesByType?.('text')).toHaveLength(10);
    expect((await chat.searchMessages?.('MESSAGE 3'))?.map((m) => m.id)).toEqual(['m3']);
  });
});

describe('createLocalChat: determinism', () => {
  const snapshot = (chat: LocalChat) =>
    chat.messages.map((m) => [m.id, m.userId, m.type, m.timeMs, 'message' in m ? m.message : '']);

  it('generates the same history for the same seed and clock, a different one for another seed', () => {
    const a = track(setup({ seed: 42, history: 30 })).chat;
    const b = track(setup({ seed: 42, history: 30 })).chat;
    const c = track(setup({ seed: 43, history: 30 })).chat;
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(snapshot(a)).not.toEqual(snapshot(c));
    expect(a.messages.some((m) => m.type === 'image' && m.link.startsWith('blob:'))).toBe(true);
  });

  it('runs the same simulated conversation for the same seed, and stops when told', () => {
    const run = () => {
      const { chat, clock, order } = track(setup({ seed: 7, history: 10 }));
      const stop = chat.simulate.startConversation({ intervalMs: 1000 });
      clock.advance(40_000);
      stop();
      const seen = order.length;
      clock.advance(10_000);
      expect(order).toHaveLength(seen);
      return { order, messages: snapshot(chat) };
    };
    const first = run();
    expect(first.order.length).toBeGreaterThanOrEqual(40);
    expect(new Set(first.order).size).toBeGreaterThan(1);
    expect(run()).toEqual(first);
  });

  it('starts the default clock at `now` when given', async () => {
    const chat = createLocalChat({ now: START, history: 3 });
    chats.push(chat);
    const newest = chat.messages.at(-1)?.timeMs ?? 0;
    expect(newest).toBeLessThan(START);
    expect(newest).toBeGreaterThan(START - 60_000);
  });
});

describe('createLocalChat: files, failures, listeners, dispose', () => {
  it('sends images and files as object URLs with name and size', async () => {
    const { chat, clock, updates } = track(setup());
    await chat.sendImageMessage(new File(['png'], 'shot.png', { type: 'image/png' }));
    await chat.sendFileMessage(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await chat.sendImageMessage(new File(['<svg/>'], 'x.svg', { type: 'image/svg+xml' })); // ignored, as the SDK
    clock.advance(0);
    const [image, file] = updates.map((u) => u.message as Message);
    expect(updates).toHaveLength(2);
    expect(image).toMatchObject({ type: 'image', link: expect.stringMatching(/^blob:/) });
    expect(file).toMatchObject({
      type: 'file',
      name: 'notes.txt',
      size: 5,
      link: expect.stringMatching(/^blob:/),
    });
  });

  it('fails the next send by rejecting or by dropping it', async () => {
    const { chat, clock, updates } = track(setup({ failNext: 'reject' }));
    await expect(chat.sendTextMessage('lost')).rejects.toMatchObject({ code: '0012' });
    chat.simulate.failNext('drop');
    await expect(chat.sendTextMessage('dropped')).resolves.toBeUndefined();
    const custom = new Error('boom');
    chat.simulate.failNext('reject', custom);
    await expect(chat.sendTextMessage('x')).rejects.toBe(custom);
    await chat.sendTextMessage('fine');
    clock.runAll();
    expect(updates.map((u) => ('message' in u.message ? u.message.message : undefined))).toEqual([
      'fine',
    ]);
  });

  it('supports addListener, removeListener, once and listenerCount', async () => {
    const { chat, clock } = track(setup());
    const calls: string[] = [];
    const always = (): void => void calls.push('always');
    chat.addListener('chatUpdate', always);
    chat.once('chatUpdate', () => calls.push('once'));
    expect(chat.listenerCount('chatUpdate')).toBe(3);
    await chat.sendTextMessage('1');
    await chat.sendTextMessage('2');
    clock.advance(0);
    chat.removeListener('chatUpdate', always);
    expect(chat.listenerCount('chatUpdate')).toBe(1);
    expect(calls).toEqual(['always', 'once', 'always']);
  });

  it('dispose stops deliveries and conversations and revokes its object URLs', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const { chat, clock, updates } = track(setup({ history: 12 }));
    chat.simulate.startConversation({ intervalMs: 10 });
    await chat.sendTextMessage('never delivered');
    chat.dispose();
    clock.advance(1000);
    expect(updates).toHaveLength(0);
    expect(clock.pending).toBe(0);
    expect(revoke).toHaveBeenCalledWith(expect.stringMatching(/^blob:/));
  });
});

describe('createManualClock', () => {
  it('runs timers in due order only when advanced', () => {
    const clock = createManualClock(0);
    const ran: string[] = [];
    clock.setTimeout(() => ran.push('b'), 20);
    clock.setTimeout(() => ran.push('a'), 10);
    const cancelled = clock.setTimeout(() => ran.push('x'), 15);
    clock.clearTimeout(cancelled);
    clock.advance(15);
    expect(ran).toEqual(['a']);
    expect(clock.now()).toBe(15);
    clock.runAll();
    expect(ran).toEqual(['a', 'b']);
    expect(clock.now()).toBe(20);
  });
});
