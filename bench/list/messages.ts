/**
 * The list benchmark's data: mixed messages as a meeting produces them (85 % text of 5-300
 * characters in several scripts with emoji, 10 % images, 5 % files), and one fake `meeting.chat`
 * that every list under test reads and listens to.
 */
import type { ChatLike, ChatUpdateEvent, Message } from '@natter/core';

/** The first message carries this, so the bench can see whether a scroll to the top reached it. */
export const FIRST_MARK = '⟦first⟧';
/** The newest message at mount carries this: mount ends when it is painted. */
export const NEWEST_MARK = '⟦newest⟧';

const WORDS = [
  ...'the quick brown fox jumps over lazy dogs while we talk about the meeting agenda and slides'.split(
    ' ',
  ),
  ...'привет коллеги давайте обсудим план'.split(' '),
  ...'مرحبا بالجميع هل تسمعونني'.split(' '),
  ...'שלום לכולם'.split(' '),
  ...'会議 資料 確認 します'.split(' '),
  ...'नमस्ते सभी को'.split(' '),
  ...'😀 👍 🎉 🙏 🚀 ❤️ 👀 😂'.split(' '),
];

/** A small seeded PRNG (mulberry32): every browser gets the same messages. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += (out ? ' ' : '') + WORDS[Math.floor(next() * WORDS.length)];
  return out.slice(0, length);
}

export function makeMessages(count: number): Message[] {
  const next = random(42);
  const out: Message[] = [];
  const start = Date.UTC(2026, 0, 1, 8);
  for (let i = 0; i < count; i++) {
    const t = start + i * 20_000;
    const user = Math.floor(next() * 7);
    const base = { id: `m${i}`, userId: `u${user}`, displayName: `Person ${user}` };
    const time = { time: new Date(t), timeMs: t };
    const roll = next();
    const edge = i === 0 || i === count - 1;
    if (!edge && roll < 0.1) {
      out.push({ ...base, ...time, type: 'image', link: `/img/${i % 50}.png` });
    } else if (!edge && roll < 0.15) {
      const size = Math.floor(next() * 5_000_000);
      out.push({
        ...base,
        ...time,
        type: 'file',
        link: `/files/${i}.pdf`,
        name: `notes-${i}.pdf`,
        size,
      });
    } else {
      const text = sentence(next, 5 + Math.floor(next() * 296));
      const mark = i === 0 ? `${FIRST_MARK} ` : i === count - 1 ? `${NEWEST_MARK} ` : '';
      out.push({ ...base, ...time, type: 'text', message: mark + text });
    }
  }
  return out;
}

/** A `meeting.chat` that already holds the history; `add` emits like the SDK (a new array). */
export function makeChat(history: Message[]) {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const no = () => Promise.resolve();
  const chat: ChatLike = {
    messages: history,
    sendTextMessage: no,
    sendImageMessage: no,
    sendFileMessage: no,
    editTextMessage: no,
    deleteMessage: no,
    pin: no,
    unpin: no,
    on(event: string, listener: (payload: never) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(listener);
    },
    off(event: string, listener: (payload: never) => void) {
      listeners.get(event)?.delete(listener);
    },
  };
  const add = (message: Message) => {
    chat.messages = [...chat.messages, message];
    const event: ChatUpdateEvent = { action: 'add', message, messages: chat.messages };
    for (const listener of listeners.get('chatUpdate') ?? []) listener(event as never);
  };
  return { chat, add };
}
