/**
 * Store benchmarks: cost of one `chatUpdate` add at 100 / 10k / 100k stored messages, hydration
 * of 100k messages, and heap bytes per stored message. Prints one JSON line per result.
 */
import { EventEmitter } from 'node:events';
import { createChatStore } from '@natter/core';
import type { ChatLike, Message } from '@natter/core';

const emit = (result: Record<string, unknown>) =>
  console.log(JSON.stringify({ suite: 'store', ...result }));

function makeMessages(n: number, start = 0): Message[] {
  const out: Message[] = [];
  for (let i = start; i < start + n; i++) {
    out.push({
      id: `m${i}`,
      type: 'text',
      userId: `u${i % 20}`,
      displayName: `User ${i % 20}`,
      time: new Date(1_700_000_000_000 + i * 1000),
      timeMs: 1_700_000_000_000 + i * 1000,
      message: `Message number ${i} with some ordinary words in it`,
    });
  }
  return out;
}

function makeChat(messages: Message[]) {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const no = () => Promise.resolve();
  const chat: ChatLike = {
    messages,
    sendTextMessage: no,
    sendImageMessage: no,
    sendFileMessage: no,
    editTextMessage: no,
    deleteMessage: no,
    pin: no,
    unpin: no,
    on: (e: string, l: (p: never) => void) => emitter.on(e, l as (...args: unknown[]) => void),
    off: (e: string, l: (p: never) => void) => emitter.off(e, l as (...args: unknown[]) => void),
  };
  return { chat, emitter };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

function benchAppend(n: number): void {
  const { chat, emitter } = makeChat(makeMessages(n));
  const store = createChatStore(chat, { logger: { warn: () => undefined } });
  let renders = 0;
  store.subscribe(() => renders++);
  renders = 0;
  const extra = makeMessages(6000, n);
  const samples: number[] = [];
  for (let i = 0; i < extra.length; i++) {
    const message = extra[i]!;
    const t0 = process.hrtime.bigint();
    emitter.emit('chatUpdate', { action: 'add', message, messages: chat.messages });
    const dt = Number(process.hrtime.bigint() - t0) / 1e3;
    if (i >= 1000) samples.push(dt); // first 1000 are warm-up
  }
  samples.sort((a, b) => a - b);
  if (store.getState().ids.length !== n + extra.length || renders !== extra.length)
    throw new Error('append bench lost messages');
  emit({
    name: `append one message to ${n.toLocaleString('en')}`,
    n,
    p50_us: +percentile(samples, 0.5).toFixed(2),
    p95_us: +percentile(samples, 0.95).toFixed(2),
    samples: samples.length,
  });
  store.destroy();
}

function benchHydrate(n: number): void {
  const messages = makeMessages(n);
  const runs: number[] = [];
  const index: number[] = [];
  for (let r = 0; r < 5; r++) {
    const { chat } = makeChat(messages);
    const store = createChatStore(chat);
    const t0 = performance.now();
    store.subscribe(() => undefined);
    runs.push(performance.now() - t0);
    if (store.getState().ids.length !== n) throw new Error('hydrate bench lost messages');
    // The id index, built after the first paint (in an idle task): timed apart.
    const t1 = performance.now();
    if (store.getState().byId.size !== n) throw new Error('hydrate bench lost messages');
    index.push(performance.now() - t1);
    store.destroy();
  }
  runs.sort((a, b) => a - b);
  index.sort((a, b) => a - b);
  emit({
    name: `hydrate ${n.toLocaleString('en')} messages`,
    n,
    median_ms: +percentile(runs, 0.5).toFixed(1),
    min_ms: +(runs[0] ?? NaN).toFixed(1),
    index_median_ms: +percentile(index, 0.5).toFixed(1),
  });
}

function benchHeap(n: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    emit({ name: 'heap per message', error: 'run with --expose-gc' });
    return;
  }
  const messages = makeMessages(n);
  const { chat } = makeChat(messages);
  gc();
  const before = process.memoryUsage().heapUsed;
  const store = createChatStore(chat);
  store.subscribe(() => undefined);
  // Counted with the id index built (it is, once the browser is idle after the first paint).
  if (store.getState().byId.size !== n) throw new Error('heap bench lost messages');
  gc();
  const after = process.memoryUsage().heapUsed;
  emit({
    name: `heap per stored message (${n.toLocaleString('en')})`,
    n,
    bytes_per_message: Math.round((after - before) / n),
  });
  if (store.getState().ids.length !== n) throw new Error('heap bench lost messages');
  store.destroy();
}

for (const n of [100, 10_000, 100_000]) benchAppend(n);
benchHydrate(100_000);
benchHeap(100_000);
