import { describe, expect, it, vi } from 'vitest';
import { createChatStore } from './createChatStore';
import { getChatStore, releaseChatStore } from './getChatStore';
import { createEventChat, text } from '../test/eventChat';
import type { FetchMessagesOptions, Message } from './types';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function history(n: number, from = 0): Message[] {
  return Array.from({ length: n }, (_, i) => text(`m${from + i}`, 1_000 + (from + i) * 1_000));
}

describe('createChatStore: attaching and detaching', () => {
  it('attaches on the first subscriber, detaches on the last, and destroy removes every listener', () => {
    const fake = createEventChat();
    const store = createChatStore(fake.chat);
    expect(fake.listenerCount()).toBe(0);
    const a = store.subscribe(() => undefined);
    const b = store.subscribe(() => undefined);
    expect(fake.listenerCount()).toBe(3);
    a();
    a();
    expect(fake.listenerCount()).toBe(3);
    b();
    expect(fake.listenerCount()).toBe(0);
    store.subscribe(() => undefined);
    expect(fake.listenerCount()).toBe(3);
    store.destroy();
    expect(fake.listenerCount()).toBe(0);
  });

  it('gives every caller of getChatStore the same store, so many hooks share one set of listeners', () => {
    const fake = createEventChat();
    const one = getChatStore(fake.chat);
    const two = getChatStore(fake.chat);
    expect(one).toBe(two);
    one.subscribe(() => undefined);
    two.subscribe(() => undefined);
    expect(fake.listenerCount()).toBe(3);
    releaseChatStore(fake.chat);
    expect(fake.listenerCount()).toBe(0);
    expect(getChatStore(fake.chat)).not.toBe(one);
  });
});

describe('createChatStore: history', () => {
  it('reads chat.messages on attach (history loaded on join arrives without an event)', () => {
    const fake = createEventChat(history(3));
    const store = createChatStore(fake.chat);
    store.subscribe(() => undefined);
    expect(store.getState().ids.toArray()).toEqual(['m0', 'm1', 'm2']);
    expect(store.getState().status).toBe('ready');
    expect(store.getState().hasOlder).toBe(false);
  });

  it('prefers fetchPublicMessages, pages older history, and never fires twice for one request', async () => {
    const all = history(120);
    const fake = createEventChat();
    const calls: FetchMessagesOptions[] = [];
    fake.chat.fetchPublicMessages = async (o) => {
      calls.push(o);
      const before = all.filter((m) => (m.timeMs ?? 0) < (o.timestamp ?? Infinity));
      return before.slice(-o.limit);
    };
    const store = createChatStore(fake.chat, { pageSize: 50, now: () => 10_000_000 });
    store.subscribe(() => undefined);
    expect(store.getState().status).toBe('loading');
    await flush();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().ids.length).toBe(50);
    expect(store.getState().ids.first()).toBe('m70');
    expect(store.getState().hasOlder).toBe(true);

    const first = store.loadOlder();
    const second = store.loadOlder();
    expect(second).toBe(first);
    expect(store.getState().isLoadingOlder).toBe(true);
    await first;
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ timestamp: 71_000, limit: 50, direction: 'before' });
    expect(store.getState().ids.first()).toBe('m20');
    await store.loadOlder();
    expect(store.getState().ids.toArray()).toEqual(all.map((m) => m.id));
    expect(store.getState().hasOlder).toBe(false);
    await store.loadOlder();
    expect(calls).toHaveLength(3);
  });

  it('keeps events that arrive while history is loading, and does not duplicate them', async () => {
    const fake = createEventChat();
    let answer: (m: Message[]) => void = () => undefined;
    fake.chat.fetchPublicMessages = () => new Promise((resolve) => (answer = resolve));
    const store = createChatStore(fake.chat);
    store.subscribe(() => undefined);
    fake.update('add', text('live', 50_000));
    answer([text('old', 1_000), text('live', 50_000)]);
    await flush();
    expect(store.getState().ids.toArray()).toEqual(['old', 'live']);
  });

  it('reads pins from fetchPinnedMessages or the Dyte pinned getter', async () => {
    const fake = createEventChat(history(3));
    Object.defineProperty(fake.chat, 'pinned', {
      get: () => [text('m1', 2_000, 'text m1', 'u1', { pinned: true })],
    });
    const store = createChatStore(fake.chat);
    store.subscribe(() => undefined);
    expect(store.getState().pinnedIds).toEqual(['m1']);

    const rtk = createEventChat();
    rtk.chat.fetchPublicMessages = async () => history(2);
    rtk.chat.fetchPinnedMessages = async () => [
      text('m0', 1_000, 'text m0', 'u1', { pinned: true }),
    ];
    const rtkStore = createChatStore(rtk.chat);
    rtkStore.subscribe(() => undefined);
    await flush();
    await flush();
    expect(rtkStore.getState().pinnedIds).toEqual(['m0']);
    expect(rtkStore.getState().byId.get('m0')?.pinned).toBe(true);
  });

  it('reports a failed history load as an error status with a readable error', async () => {
    const fake = createEventChat();
    fake.chat.fetchPublicMessages = () => Promise.reject(new Error('socket closed'));
    const warn = vi.fn();
    const store = createChatStore(fake.chat, { logger: { warn } });
    store.subscribe(() => undefined);
    await flush();
    expect(store.getState().status).toBe('error');
    expect(store.getState().error?.code).toBe('network');
    expect(warn).toHaveBeenCalled();
  });
});

describe('createChatStore: events', () => {
  it('ignores a chatUpdate with a missing or malformed message, with a warning and no crash', () => {
    const fake = createEventChat();
    const warn = vi.fn();
    const store = createChatStore(fake.chat, { logger: { warn } });
    store.subscribe(() => undefined);
    fake.emitter.emit('chatUpdate', undefined);
    fake.emitter.emit('chatUpdate', { action: 'add' });
    fake.emitter.emit('chatUpdate', {
      action: 'add',
      message: { id: 'x', type: 'text', time: 'not a date', message: 'hi' },
    });
    fake.emitter.emit('chatUpdate', {
      action: 'add',
      message: { id: 'y', type: 'poll', time: new Date() },
    });
    fake.emitter.emit('chatUpdate', { action: 'explode', message: text('z', 1) });
    fake.emitter.emit('pinMessage', null);
    expect(warn).toHaveBeenCalledTimes(6);
    expect(store.getState().ids.length).toBe(0);
    fake.update('add', text('ok', 1));
    expect(store.getState().ids.toArray()).toEqual(['ok']);
  });

  it('sees edits and deletes although the SDK mutates its message objects and array in place', () => {
    const messages: Message[] = [];
    const fake = createEventChat(messages);
    const store = createChatStore(fake.chat);
    store.subscribe(() => undefined);
    const m = text('a', 1, 'first');
    messages.push(m);
    fake.update('add', m);
    const before = store.getState().byId.get('a');
    (m as { message: string }).message = 'second';
    m.isEdited = true;
    fake.update('edit', m);
    const after = store.getState().byId.get('a');
    expect(after).not.toBe(before);
    expect(after?.type === 'text' && after.message).toBe('second');
    expect(before?.type === 'text' && before.message).toBe('first');
    messages.splice(0, 1);
    fake.update('delete', m);
    expect(store.getState().ids.length).toBe(0);
  });

  it('derives pins from message.pinned on edits, so Dyte (edit only) and RealtimeKit (edit + pinMessage) agree', () => {
    const fake = createEventChat();
    const store = createChatStore(fake.chat);
    store.subscribe(() => undefined);
    fake.update('add', text('a', 1));
    fake.update('add', text('b', 2));
    fake.update('edit', text('b', 2, 'text b', 'u1', { pinned: true }));
    expect(store.getState().pinnedIds).toEqual(['b']);
    fake.pinEvent(true, text('b', 2, 'text b', 'u1', { pinned: true }));
    fake.update('edit', text('a', 1, 'text a', 'u1', { pinned: true }));
    expect(store.getState().pinnedIds).toEqual(['b', 'a']);
    fake.pinEvent(false, { id: 'b' });
    expect(store.getState().pinnedIds).toEqual(['a']);
    fake.update('delete', { id: 'a' });
    expect(store.getState().pinnedIds).toEqual([]);
  });

  it('keeps unrelated references stable: getMessages only changes when a message does', () => {
    const fake = createEventChat();
    const store = createChatStore(fake.chat);
    store.subscribe(() => undefined);
    fake.update('add', text('a', 1));
    const list = store.getMessages();
    expect(store.getMessages()).toBe(list);
    const idsBefore = store.getState().ids;
    fake.update('edit', text('a', 1, 'changed'));
    expect(store.getMessages()).not.toBe(list);
    expect(store.getState().ids).toBe(idsBefore);
    fake.update('add', text('b', 2));
    expect(store.getState().ids).not.toBe(idsBefore);
  });
});
