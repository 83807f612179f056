/**
 * The store says what happened (issue 14, point 2): `validate()` names why a message would be
 * refused, and `submit()` says at once whether the store took a send, so no caller has to compare
 * `ids` before and after or send something to find out.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChatStore } from './createChatStore';
import { createLocalChat } from './createLocalChat';
import type { ChatStore } from './chatStoreTypes';
import type { LocalChat } from './localChat/types';

const open: { chat: LocalChat; store: ChatStore }[] = [];
afterEach(() => {
  for (const { chat, store } of open.splice(0)) {
    store.destroy();
    chat.dispose();
  }
});

function setup(options: Parameters<typeof createLocalChat>[0] = {}, maxFileSize = 1024) {
  const chat = createLocalChat({ seed: 17, latencyMs: 1, history: 2, ...options });
  const store = createChatStore(chat, {
    selfUserId: chat.self.userId,
    maxFileSize,
    logger: { warn: () => undefined },
  });
  store.subscribe(() => undefined);
  open.push({ chat, store });
  return { chat, store };
}

describe('validate', () => {
  it('names what the store would refuse, and lists nothing, records nothing, calls no SDK', () => {
    const { chat, store } = setup({ maxTextLimit: 10 });
    const spy = vi.spyOn(chat, 'sendTextMessage');
    const ids = store.getState().ids;
    expect(store.validate({ type: 'text', message: 'x'.repeat(11) })).toMatchObject({
      code: 'too-long',
      message: 'The message is 1 characters over the limit of 10.',
    });
    expect(store.validate({ type: 'text', message: '  \n ' })).toMatchObject({ code: 'empty' });
    const big = new File(['x'.repeat(1025)], 'big.zip', { type: 'application/zip' });
    expect(store.validate({ type: 'file', file: big })).toMatchObject({
      code: 'file-too-large',
      message: /"big\.zip"/,
    });
    const notes = new File(['x'], 'notes.txt', { type: 'text/plain' });
    expect(store.validate({ type: 'image', image: notes })).toMatchObject({ code: 'unsupported' });
    expect(store.validate({ type: 'text', message: 'x'.repeat(10) })).toBeNull();
    expect(store.validate({ type: 'file', file: notes })).toBeNull();
    expect(store.getState().ids).toBe(ids);
    expect(store.getState().lastError).toBeNull();
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('submit', () => {
  it('says at once that it took a send: the entry is listed under that id and confirmed later', async () => {
    const { store } = setup();
    const outcome = store.submit({ type: 'text', message: 'taken' });
    if (!outcome.accepted) throw new Error('refused');
    const listed = store.getState().byId.get(outcome.id);
    expect(listed).toMatchObject({ status: 'sending', message: 'taken', clientKey: outcome.id });
    expect(store.getState().ids.last()).toBe(outcome.id);
    const confirmed = await outcome.confirmed;
    expect(confirmed).toMatchObject({ status: 'sent', message: 'taken', clientKey: outcome.id });
    expect(store.getMessages().filter((m) => m.type === 'text' && m.message === 'taken')).toEqual([
      confirmed,
    ]);
  });

  it('says at once that it refused a send, with the reason, and lists nothing', () => {
    const { chat, store } = setup({ maxTextLimit: 5 });
    const spy = vi.spyOn(chat, 'sendTextMessage');
    const ids = store.getState().ids;
    const outcome = store.submit({ type: 'text', message: 'far too long' });
    expect(outcome).toMatchObject({ accepted: false, error: { code: 'too-long' } });
    expect(store.getState().ids).toBe(ids);
    expect(store.getState().lastError).toMatchObject({ code: 'too-long' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a send past the rate limit, which validate (content only) does not check', async () => {
    const { store } = setup({ rateLimits: { maxInvocations: 1, period: 60 } });
    await store.sendText('one');
    expect(store.validate({ type: 'text', message: 'two' })).toBeNull();
    expect(store.submit({ type: 'text', message: 'two' })).toMatchObject({
      accepted: false,
      error: { code: 'rate-limited' },
    });
  });

  it('keeps a taken send that then fails, as failed and retryable: the caller may let go of it', async () => {
    const { chat, store } = setup();
    chat.simulate.failNext('reject');
    const outcome = store.submit({ type: 'text', message: 'will fail' });
    if (!outcome.accepted) throw new Error('refused');
    await expect(outcome.confirmed).rejects.toMatchObject({ name: 'ChatError' });
    expect(store.getState().byId.get(outcome.id)?.status).toBe('failed');
    await expect(store.retry(outcome.id)).resolves.toMatchObject({ status: 'sent' });
  });
});
