/** createLocalChat over time: determinism, files, injected failures, listeners, dispose; the manual clock. */
import { describe, expect, it, vi } from 'vitest';
import { createLocalChat } from './createLocalChat';
import { createManualClock } from './localChat/createManualClock';
import type { LocalChat } from './localChat/types';
import type { Message } from './types';
import { START, chats, setup, track, disposeTrackedChats } from '../test/localChatSetup';

disposeTrackedChats();

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
