import { afterEach, describe, expect, it } from 'vitest';
import { createChatStore } from './createChatStore';
import { createLocalChat } from './createLocalChat';
import { CHAT_IMAGE_TYPES, isChatImageType } from './imageTypes';
import type { ChatStore } from './chatStoreTypes';
import type { LocalChat } from './localChat/types';

const open: { chat: LocalChat; store: ChatStore }[] = [];
afterEach(() => {
  for (const { chat, store } of open.splice(0)) {
    store.destroy();
    chat.dispose();
  }
});

describe('one rule for what is sent as an image', () => {
  it('accepts the SDKs’ image types and nothing else', () => {
    expect(CHAT_IMAGE_TYPES).toEqual(['image/gif', 'image/jpeg', 'image/png']);
    expect(CHAT_IMAGE_TYPES.every(isChatImageType)).toBe(true);
    for (const type of ['image/webp', 'image/svg+xml', 'text/plain', '', 'IMAGE/PNG'])
      expect(isChatImageType(type)).toBe(false);
  });

  it('the store refuses a WebP sent as an image, naming it, and lists nothing; a PNG goes through', async () => {
    const chat = createLocalChat({ seed: 3, latencyMs: 1, history: 0 });
    const store = createChatStore(chat, {
      selfUserId: chat.self.userId,
      logger: { warn: () => undefined },
    });
    store.subscribe(() => undefined);
    open.push({ chat, store });
    const webp = new File(['webp'], 'photo.webp', { type: 'image/webp' });
    await expect(store.sendImage(webp)).rejects.toMatchObject({
      code: 'unsupported',
      message: /photo\.webp.*GIF, JPEG or PNG/,
    });
    expect(store.getMessages()).toHaveLength(0);
    await store.sendImage(new File(['png'], 'shot.png', { type: 'image/png' }));
    expect(store.getMessages().map((m) => `${m.type}:${m.status}`)).toEqual(['image:sent']);
  });
});
