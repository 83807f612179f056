/** createLocalChat behaves like each SDK: private messages, the two flavors, history and paging. */
import { describe, expect, it } from 'vitest';
import {
  START,
  setup,
  lastAdded,
  track,
  disposeTrackedChats,
  historyAt,
} from '../test/localChatSetup';

disposeTrackedChats();

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
