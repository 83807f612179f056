/**
 * Matching own sends with their echo (DESIGN §1): a pending send is confirmed only by a NEW id from
 * SELF. A redelivered known message or someone else's message with the same text never confirms it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChatStore } from './createChatStore';
import { createLocalChat } from './createLocalChat';
import type { ChatStore } from './chatStoreTypes';
import { getChatStore, releaseChatStore } from './getChatStore';
import type { LocalChat } from './localChat/types';
import type { ChatLike, ChatUpdateEvent } from './types';

const open: { chat: LocalChat; store: ChatStore }[] = [];
afterEach(() => {
  for (const { chat, store } of open.splice(0)) {
    store.destroy();
    releaseChatStore(chat);
    chat.dispose();
  }
});

/** The chat plus a handle on the listener the store registered, to replay SDK events. */
function setup(storeOptions: Parameters<typeof createChatStore>[1] = {}, hideSelf = false) {
  const local = createLocalChat({ seed: 5, latencyMs: 1, history: 2 });
  let listener: ((event: ChatUpdateEvent) => void) | undefined;
  const on = local.on.bind(local);
  // A real SDK's chat does not say who "self" is; `hideSelf` gives the store such a chat.
  const chat: LocalChat = hideSelf
    ? (new Proxy(local, {
        get: (target, key, receiver) =>
          key === 'self' ? undefined : (Reflect.get(target, key, receiver) as unknown),
      }) as LocalChat)
    : local;
  vi.spyOn(local, 'on').mockImplementation(((event: string, fn: never) => {
    if (event === 'chatUpdate') listener = fn;
    return on(event as 'chatUpdate', fn);
  }) as typeof local.on);
  const store = createChatStore(chat, { logger: { warn: () => undefined }, ...storeOptions });
  store.subscribe(() => undefined);
  open.push({ chat: local, store });
  const redeliver = (id: string) => {
    const message = local.messages.find((m) => m.id === id);
    if (!message || !listener) throw new Error(`cannot redeliver ${id}`);
    listener({ action: 'add', message: { ...message }, messages: [...local.messages] });
  };
  return { chat: local, proxy: chat, store, redeliver };
}

const rows = (store: ChatStore) =>
  store.getMessages().map((m) => `${m.type === 'text' ? m.message : m.type}:${m.status}`);

describe('an own message delivered again while a send with the same text is pending', () => {
  it('does not confirm the pending send: it keeps its row, its clientKey and its promise', async () => {
    const { chat, store, redeliver } = setup({ selfUserId: 'user-self' });
    const first = await store.sendText('ok');
    chat.simulate.setLatency(60_000);
    let settled: unknown;
    const second = store.sendText('ok').then((m) => (settled = m));
    const pending = store.getMessages().at(-1);
    expect(pending?.status).toBe('sending');
    redeliver(first.id);
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBeUndefined();
    expect(rows(store).slice(-2)).toEqual(['ok:sent', 'ok:sending']);
    expect(store.getMessages().at(-1)?.clientKey).toBe(pending?.clientKey);
    expect(store.getState().byId.get(first.id)?.clientKey).toBe(first.clientKey);
    chat.simulate.flush();
    const confirmed = await second;
    expect(confirmed).toMatchObject({ status: 'sent', clientKey: pending?.clientKey });
    expect((confirmed as { id: string }).id).not.toBe(first.id);
    expect(rows(store).slice(-2)).toEqual(['ok:sent', 'ok:sent']);
  });
});

describe("someone else's message with the same text as a pending send", () => {
  async function race(store: ChatStore, chat: LocalChat) {
    await vi.waitFor(() => expect(store.getState().status).toBe('ready'));
    chat.simulate.setLatency(60_000);
    const other = chat.participants[0];
    chat.simulate.receive({ text: 'hi', userId: other?.userId ?? 'x', displayName: 'Other' });
    const sending = store.sendText('hi');
    const key = store.getMessages().at(-1)?.clientKey;
    chat.simulate.flush();
    return { sending, key, otherId: other?.userId };
  }

  it('is never taken as our echo when the store was created without selfUserId', async () => {
    const { chat, store } = setup();
    const { sending, key, otherId } = await race(store, chat);
    const mine = await sending;
    expect(mine.userId).toBe(chat.self.userId);
    expect(mine.clientKey).toBe(key);
    const his = store.getMessages().filter((m) => m.userId === otherId && m.type === 'text');
    expect(his.at(-1)).toMatchObject({ message: 'hi', status: 'sent' });
    expect(his.at(-1)?.clientKey).toBe(his.at(-1)?.id);
  });

  it('is not taken when the chat does not say who self is either: the send waits for self', async () => {
    const { chat, store } = setup({}, true);
    const { key, otherId } = await race(store, chat);
    await Promise.resolve();
    const listed = store.getMessages().filter((m) => m.type === 'text' && m.message === 'hi');
    expect(listed.find((m) => m.userId === otherId)?.clientKey).not.toBe(key);
    expect(listed.find((m) => m.clientKey === key)?.status).toBe('sending');
    // Once somebody tells the store who self is (a ChatProvider mounted later), sends confirm.
    store.setSelf({ userId: chat.self.userId });
    chat.simulate.setLatency(1);
    const later = await store.sendText('now it is known');
    expect(later).toMatchObject({ status: 'sent', userId: chat.self.userId });
  });

  it('getChatStore gives a store created without self the selfUserId a later caller passes', async () => {
    const local = createLocalChat({ seed: 3, latencyMs: 1 });
    const chat: ChatLike = new Proxy(local, {
      get: (target, key, receiver) =>
        key === 'self' ? undefined : (Reflect.get(target, key, receiver) as unknown),
    });
    const first = getChatStore(chat);
    const again = getChatStore(chat, { selfUserId: local.self.userId });
    expect(again).toBe(first);
    const stop = first.subscribe(() => undefined);
    await expect(first.sendText('hello')).resolves.toMatchObject({ status: 'sent' });
    stop();
    releaseChatStore(chat);
    local.dispose();
  });

  it('getChatStore replaces a self it was given before: the last caller who says wins', async () => {
    const local = createLocalChat({ seed: 4, latencyMs: 1 });
    const chat: ChatLike = new Proxy(local, {
      get: (target, key, receiver) =>
        key === 'self' ? undefined : (Reflect.get(target, key, receiver) as unknown),
    });
    // A provider rendered before the meeting said who self is, with a placeholder id.
    const store = getChatStore(chat, {
      selfUserId: 'placeholder',
      confirmTimeoutMs: 2_000,
      logger: { warn: () => undefined },
    });
    const stop = store.subscribe(() => undefined);
    getChatStore(chat, { selfUserId: local.self.userId, selfDisplayName: 'Me' });
    expect(store.getSelf()).toEqual({ userId: local.self.userId, displayName: 'Me' });
    // A caller that does not say who self is changes nothing.
    getChatStore(chat);
    expect(store.getSelf()?.userId).toBe(local.self.userId);
    const sending = store.sendText('after the change');
    expect(store.getMessages().at(-1)).toMatchObject({
      userId: local.self.userId,
      displayName: 'Me',
      status: 'sending',
    });
    await expect(sending).resolves.toMatchObject({ status: 'sent', userId: local.self.userId });
    const rows = store
      .getMessages()
      .filter((m) => m.type === 'text' && m.message === 'after the change');
    expect(rows).toHaveLength(1);
    stop();
    releaseChatStore(chat);
    local.dispose();
  });

  it('setSelf keeps the self it has when nothing changed, and a name given before stays', () => {
    const local = createLocalChat({ seed: 4, latencyMs: 1 });
    const store = createChatStore(local, { selfUserId: 'u-me', selfDisplayName: 'Me' });
    const self = store.getSelf();
    // ChatProvider says who self is on every render: the same answer allocates nothing.
    store.setSelf({ userId: 'u-me', displayName: 'Me' });
    store.setSelf({ userId: 'u-me' });
    expect(store.getSelf()).toBe(self);
    expect(self).toEqual({ userId: 'u-me', displayName: 'Me' });
    store.setSelf({ userId: 'u-me', displayName: 'Me again' });
    expect(store.getSelf()).toEqual({ userId: 'u-me', displayName: 'Me again' });
    store.setSelf({ userId: 'u-other' });
    expect(store.getSelf()).toEqual({ userId: 'u-other', displayName: undefined });
    store.destroy();
    local.dispose();
  });
});
