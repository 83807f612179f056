import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChatStore } from './createChatStore';
import { createLocalChat } from './createLocalChat';
import type { ChatStore } from './chatStoreTypes';
import type { LocalChat } from './localChat/types';

const open: { chat: LocalChat; store: ChatStore }[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const { chat, store } of open.splice(0)) {
    store.destroy();
    chat.dispose();
  }
});

function setup(
  options: Parameters<typeof createLocalChat>[0] = {},
  storeOptions: Parameters<typeof createChatStore>[1] = {},
) {
  const chat = createLocalChat({ seed: 11, latencyMs: 1, history: 3, ...options });
  const store = createChatStore(chat, {
    selfUserId: chat.self.userId,
    logger: { warn: () => undefined },
    ...storeOptions,
  });
  store.subscribe(() => undefined);
  open.push({ chat, store });
  return { chat, store };
}

const texts = (store: ChatStore) =>
  store.getMessages().map((m) => `${m.type === 'text' ? m.message : m.type}:${m.status}`);

describe('store actions over createLocalChat', () => {
  it('reconciles several identical sends with their echoes, oldest first, with no duplicates', async () => {
    const { store } = setup();
    const sends = [store.sendText('same'), store.sendText('same'), store.sendText('other')];
    expect(texts(store).slice(-3)).toEqual(['same:sending', 'same:sending', 'other:sending']);
    const confirmed = await Promise.all(sends);
    expect(texts(store).slice(-3)).toEqual(['same:sent', 'same:sent', 'other:sent']);
    expect(store.getMessages()).toHaveLength(6);
    expect(new Set(confirmed.map((m) => m.id)).size).toBe(3);
    expect(store.getState().sendingCount).toBe(0);
  });

  it('passes a copy of peerIds, so the SDK appending the sender does not change the caller’s array', async () => {
    const { chat, store } = setup();
    const peerIds = [chat.participants[0]?.userId ?? 'p'];
    const message = await store.sendText('psst', { peerIds });
    expect(peerIds).toHaveLength(1);
    expect(message.targetUserIds).toContain(peerIds[0]);
  });

  it('refuses to send past the rate limit before calling the SDK, with a readable wait time', async () => {
    const { chat, store } = setup({ rateLimits: { maxInvocations: 2, period: 60 } });
    const spy = vi.spyOn(chat, 'sendTextMessage');
    await store.sendText('one');
    await store.sendText('two');
    await expect(store.sendText('three')).rejects.toMatchObject({
      code: 'rate-limited',
      message: /Try again in \d+ s/,
    });
    expect(spy).toHaveBeenCalledTimes(2);
    expect(texts(store)).not.toContain('three:failed');
  });

  it('refuses files over the size limit and non-images sent as images', async () => {
    const { store } = setup({}, { maxFileSize: 10 });
    const big = new File(['x'.repeat(11)], 'big.pdf', { type: 'application/pdf' });
    await expect(store.sendFile(big)).rejects.toMatchObject({
      code: 'file-too-large',
      message: /big\.pdf/,
    });
    const notImage = new File(['x'], 'notes.txt', { type: 'text/plain' });
    await expect(store.sendImage(notImage)).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('shows an image send at once with its file for a preview, then the confirmed link', async () => {
    const { store } = setup();
    const file = new File(['png'], 'cat.png', { type: 'image/png' });
    const sending = store.sendImage(file);
    const pending = store.getMessages().at(-1);
    expect(pending?.status).toBe('sending');
    expect(pending?.pending?.file).toBe(file);
    const sent = await sending;
    expect(sent.type === 'image' && sent.link).toMatch(/^blob:/);
    expect(sent.clientKey).toBe(pending?.clientKey);
  });

  it('marks a send failed when the server never confirms it, and a late echo still settles it', async () => {
    vi.useFakeTimers();
    const { chat, store } = setup({}, { confirmTimeoutMs: 5_000 });
    chat.simulate.failNext('drop');
    const sending = store.sendText('lost in the network');
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(sending).rejects.toMatchObject({ code: 'network' });
    expect(texts(store).at(-1)).toBe('lost in the network:failed');
    const failedId = store.getMessages().at(-1)?.id ?? '';
    const retried = store.retry(failedId);
    await vi.advanceTimersByTimeAsync(10);
    await expect(retried).resolves.toMatchObject({ status: 'sent' });
    expect(texts(store).filter((t) => t.startsWith('lost'))).toEqual(['lost in the network:sent']);
  });

  it('discards a failed send on request', async () => {
    const { chat, store } = setup();
    chat.simulate.failNext('reject');
    await store.sendText('oops').catch(() => undefined);
    const id = store.getMessages().at(-1)?.id ?? '';
    store.discard(id);
    expect(texts(store)).not.toContain('oops:failed');
  });

  it('edit, pin, unpin and delete resolve when the server’s event arrives', async () => {
    const { store } = setup();
    const mine = await store.sendText('first draft');
    const edited = await store.edit(mine.id, 'second draft');
    expect(edited.type === 'text' && edited.message).toBe('second draft');
    expect(edited.isEdited).toBe(true);
    await store.pin(mine.id);
    expect(store.getState().pinnedIds).toEqual([mine.id]);
    await store.unpin(mine.id);
    expect(store.getState().pinnedIds).toEqual([]);
    await store.remove(mine.id);
    expect(store.getState().byId.has(mine.id)).toBe(false);
  });

  it('reports an edit the SDK refuses as a ChatError and leaves the message as it was', async () => {
    const { store } = setup({ maxTextLimit: 20 });
    const mine = await store.sendText('short');
    await expect(store.edit(mine.id, '')).rejects.toMatchObject({ code: 'empty' });
    await expect(store.edit('no-such-id', 'x')).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.edit(mine.id, 'y'.repeat(21))).rejects.toMatchObject({ code: 'too-long' });
    const now = store.getState().byId.get(mine.id);
    expect(now?.type === 'text' && now.message).toBe('short');
  });

  it('works on a Dyte-style chat, whose pins arrive as an edit only', async () => {
    const { store } = setup({ flavor: 'dyte' });
    const mine = await store.sendText('dyte message');
    await store.pin(mine.id);
    expect(store.getState().pinnedIds).toEqual([mine.id]);
  });

  it('loads history page by page from a RealtimeKit-style chat with 1k messages', async () => {
    const { store } = setup({ history: 1_000 }, { pageSize: 100 });
    await vi.waitFor(() => expect(store.getState().status).toBe('ready'));
    const initial = store.getState().ids.length;
    expect(initial).toBeGreaterThanOrEqual(100);
    while (store.getState().hasOlder) await store.loadOlder();
    expect(store.getState().ids.length).toBe(1_000);
    const times = store.getMessages().map((m) => m.timeMs ?? 0);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
