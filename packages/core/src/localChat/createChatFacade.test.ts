import { describe, expect, it } from 'vitest';
import { createChatFacade } from './createChatFacade';
import type { ChatBackend } from './createChatFacade';
import { createEmitter } from './createEmitter';

interface Events {
  ping: { n: number };
}

function setup(maxTextLimit = 10) {
  const calls: string[] = [];
  const warnings: string[] = [];
  const backend: ChatBackend = {
    sendText: async (text) => void calls.push(`text:${text}`),
    sendImage: async (image) => void calls.push(`image:${image.name}`),
    sendFile: async (file) => void calls.push(`file:${file.name}`),
    editText: async (id, text) => void calls.push(`edit:${id}:${text}`),
    editImage: async (id, image) => void calls.push(`editImage:${id}:${image.name}`),
    editFile: async (id, file) => void calls.push(`editFile:${id}:${file.name}`),
  };
  const emitter = createEmitter<Events>();
  const time = { now: 0 };
  const target = { tag: 'the chat' };
  const chat = createChatFacade<Events, typeof target>({
    backend,
    emitter,
    chat: () => target,
    limits: { maxInvocations: 2, period: 60 },
    maxTextLimit: () => maxTextLimit,
    now: () => time.now,
    warn: (message) => void warnings.push(message),
  });
  return { chat, target, calls, warnings, emitter, time };
}

const png = new File(['p'], 'a.png', { type: 'image/png' });
const webp = new File(['w'], 'b.webp', { type: 'image/webp' });

describe('createChatFacade: the SDK-shaped calls both in-process and dev chats share', () => {
  it('refuses too-long and empty text with the SDK codes, and passes the rest on', async () => {
    const { chat, calls } = setup(5);
    await expect(chat.sendTextMessage('too long')).rejects.toMatchObject({ code: '0503' });
    await expect(chat.sendTextMessage('')).rejects.toMatchObject({ code: '0502' });
    await chat.sendMessage({ type: 'text', message: 'hi' });
    expect(calls).toEqual(['text:hi']);
  });

  it('logs and resolves for an image type the SDKs do not take, as they do', async () => {
    const { chat, calls, warnings } = setup();
    await chat.sendImageMessage(webp);
    await chat.editImageMessage('m1', webp);
    await chat.sendMessage({ type: 'image', image: png });
    await chat.editMessage('m2', { type: 'file', file: webp });
    expect(calls).toEqual(['image:a.png', 'editFile:m2:b.webp']);
    expect(warnings).toEqual([
      'sendImageMessage::image_type_not_supported (image/webp)',
      'editImageMessage::image_type_not_supported (image/webp)',
    ]);
  });

  it('throws the rate-limit error synchronously and opens again after the period', async () => {
    const { chat, time } = setup();
    await chat.sendTextMessage('one');
    await chat.sendTextMessage('two');
    expect(() => chat.sendTextMessage('three')).toThrow(/rate limit 2 invocations\/60sec/);
    time.now = 61_000;
    await expect(chat.sendTextMessage('four')).resolves.toBeUndefined();
  });

  it('adds and removes listeners, returning the chat so calls chain', () => {
    const { chat, target, emitter } = setup();
    const seen: number[] = [];
    const listener = ({ n }: { n: number }) => void seen.push(n);
    expect(chat.on('ping', listener)).toBe(target);
    expect(chat.once('ping', listener)).toBe(target);
    expect(chat.listenerCount('ping')).toBe(2);
    emitter.emit('ping', { n: 1 });
    emitter.emit('ping', { n: 2 });
    chat.removeListener('ping', listener);
    emitter.emit('ping', { n: 3 });
    expect(seen).toEqual([1, 1, 2]);
  });
});
