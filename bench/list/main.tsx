/**
 * The page `bench/list.bench.ts` drives in Chromium. `?impl=natter|tanstack|virtuoso|naive&n=N`
 * mounts one list of N messages, then measures mount, DOM size, heap, append latency and frames
 * while scrolling through the whole list, and leaves the numbers on `window.__benchResult`.
 */
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Virtuoso } from 'react-virtuoso';
import type { VirtuosoHandle } from 'react-virtuoso';
import { getChatStore } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { Message } from '@natter/core';
import { ChatProvider } from '@natter/hooks';
import { MessageList } from '@natter/ui';
import '@natter/ui/styles.css';

declare global {
  interface Window {
    __benchResult?: Record<string, unknown>;
    __benchError?: string;
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

const params = new URLSearchParams(location.search);
const impl = params.get('impl') ?? 'natter';
const n = Number(params.get('n') ?? 1000);
const APPENDS = 40;
const SCROLL_FRAMES = 360;

const WORDS =
  'the quick brown fox jumps over lazy dogs while we talk about the meeting agenda and slides'.split(
    ' ',
  );
function makeMessages(count: number): Message[] {
  const out: Message[] = [];
  const start = Date.UTC(2026, 0, 1, 8);
  for (let i = 0; i < count; i++) {
    const len = 3 + ((i * 7919) % 40);
    const words: string[] = [];
    for (let w = 0; w < len; w++) words.push(WORDS[(i + w * 13) % WORDS.length] ?? 'x');
    const t = start + i * 20_000;
    out.push({
      id: `m${i}`,
      type: 'text',
      userId: `u${i % 7}`,
      displayName: `Person ${i % 7}`,
      time: new Date(t),
      timeMs: t,
      message: words.join(' '),
    });
  }
  return out;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/** Resolves after the next paint: a frame, then a task queued behind it. */
const afterPaint = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
};
const round = (x: number) => Math.round(x * 100) / 100;

/** Appends go through this: each implementation registers how it appends one message. */
let appendOne: (m: Message) => void = () => undefined;
/** For the natter list: when the SDK emitted the last `chatUpdate`. */
let emittedAt: number | null = null;

function RawTanstack({ initial }: { initial: Message[] }) {
  const [messages, setMessages] = useState(initial);
  const parent = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the baseline uses TanStack Virtual exactly as its docs show
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => parent.current,
    estimateSize: () => 48,
    overscan: 6,
  });
  useEffect(() => {
    appendOne = (m) => setMessages((list) => [...list, m]);
  }, []);
  useEffect(() => {
    virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
  }, [messages.length, virtualizer]);
  return (
    <div ref={parent} className="raw-scroller" data-bench-scroller>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const m = messages[item.index];
          return (
            <div
              key={m?.id}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="raw-row"
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${item.start}px)`,
              }}
            >
              <b>{m?.displayName}</b> {m?.type === 'text' ? m.message : ''}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function RawVirtuoso({ initial }: { initial: Message[] }) {
  const [messages, setMessages] = useState(initial);
  const ref = useRef<VirtuosoHandle>(null);
  useEffect(() => {
    appendOne = (m) => setMessages((list) => [...list, m]);
  }, []);
  return (
    <Virtuoso
      ref={ref}
      className="raw-scroller"
      data-bench-scroller
      data={messages}
      initialTopMostItemIndex={messages.length - 1}
      followOutput="auto"
      computeItemKey={(_, m) => m.id}
      itemContent={(_, m) => (
        <div className="raw-row">
          <b>{m.displayName}</b> {m.type === 'text' ? m.message : ''}
        </div>
      )}
    />
  );
}

function Naive({ initial }: { initial: Message[] }) {
  const [messages, setMessages] = useState(initial);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    appendOne = (m) => setMessages((list) => [...list, m]);
  }, []);
  useEffect(() => {
    ref.current?.scrollTo({ top: ref.current.scrollHeight });
  }, [messages.length]);
  return (
    <div ref={ref} className="raw-scroller" data-bench-scroller>
      {messages.map((m) => (
        <div key={m.id} className="raw-row">
          <b>{m.displayName}</b> {m.type === 'text' ? m.message : ''}
        </div>
      ))}
    </div>
  );
}

async function run(): Promise<Record<string, unknown>> {
  const messages = makeMessages(n);
  const root = createRoot(document.getElementById('root')!);
  let app: React.ReactNode;
  let hydrateMs = 0;
  if (impl === 'natter') {
    const chat = createLocalChat({
      history: messages,
      joinHistoryLimit: n,
      capabilities: { fetchMessages: false, dyteQueries: false },
      latencyMs: 0,
    });
    // Registered before the store attaches, so it runs first: the moment `chatUpdate` is
    // emitted, which is where the append latency starts (the fake SDK's own work is not ours).
    chat.on('chatUpdate', () => {
      emittedAt = performance.now();
    });
    const store = getChatStore(chat, { selfUserId: 'u0' });
    // The store already holds the history when the panel opens: hydration is measured apart.
    const t = performance.now();
    store.subscribe(() => undefined);
    hydrateMs = performance.now() - t;
    appendOne = (m) => {
      chat.simulate.receive({
        userId: m.userId,
        displayName: m.displayName,
        text: m.type === 'text' ? m.message : '',
      });
      chat.simulate.flush();
    };
    app = (
      <ChatProvider chat={chat} selfUserId="u0">
        <div className="bench-frame" data-natter-theme="light">
          <MessageList />
        </div>
      </ChatProvider>
    );
  } else if (impl === 'tanstack') app = <RawTanstack initial={messages} />;
  else if (impl === 'virtuoso') app = <RawVirtuoso initial={messages} />;
  else app = <Naive initial={messages} />;

  window.gc?.();
  await afterPaint();
  const t0 = performance.now();
  flushSync(() => root.render(<StrictMode>{app}</StrictMode>));
  const committed = performance.now() - t0;
  await afterPaint();
  const mountMs = performance.now() - t0;
  // Let lazy measurement settle before counting.
  for (let i = 0; i < 10; i++) await nextFrame();
  const domNodes = document.getElementsByTagName('*').length;
  window.gc?.();
  const heapMb = (performance.memory?.usedJSHeapSize ?? NaN) / 2 ** 20;

  // Append latency: from the append call to the row in the DOM (MutationObserver), and painted.
  const toDom: number[] = [];
  const toPaint: number[] = [];
  const container = document.getElementById('root')!;
  for (let i = 0; i < APPENDS; i++) {
    const token = `append-${i}-${Math.random().toString(36).slice(2)}`;
    const seen = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (container.textContent?.includes(token)) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(container, { childList: true, subtree: true, characterData: true });
    });
    emittedAt = null;
    const before = performance.now();
    const timeMs = Date.UTC(2027, 0, 1) + i * 1000;
    appendOne({
      id: `a${i}`,
      type: 'text',
      userId: 'u1',
      displayName: 'Person 1',
      time: new Date(timeMs),
      timeMs,
      message: token,
    });
    const t = emittedAt ?? before;
    const inDom = await Promise.race([
      seen,
      new Promise<number>((r) => setTimeout(() => r(NaN), 3000)),
    ]);
    toDom.push(inDom - t);
    await afterPaint();
    toPaint.push(performance.now() - t);
    await nextFrame();
  }

  // Scroll through the whole list from top to bottom in SCROLL_FRAMES steps, one per frame.
  const scroller = (document.querySelector('[data-bench-scroller]') ??
    document.querySelector('[role="log"]')) as HTMLElement | null;
  const frames: number[] = [];
  const longTasks: number[] = [];
  const po = new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => longTasks.push(e.duration)),
  );
  try {
    po.observe({ type: 'longtask', buffered: false });
  } catch {
    /* not supported */
  }
  if (scroller) {
    scroller.scrollTop = 0;
    await afterPaint();
    await nextFrame();
    let last = await nextFrame();
    for (let f = 1; f <= SCROLL_FRAMES; f++) {
      scroller.scrollTop = ((scroller.scrollHeight - scroller.clientHeight) * f) / SCROLL_FRAMES;
      const now = await nextFrame();
      frames.push(now - last);
      last = now;
    }
  }
  po.disconnect();
  const budget = 1000 / 60;
  return {
    impl,
    n,
    hydrate_ms: round(hydrateMs),
    commit_ms: round(committed),
    mount_ms: round(mountMs),
    dom_nodes: domNodes,
    heap_mb: round(heapMb),
    append_dom_p50_ms: round(percentile(toDom, 0.5)),
    append_dom_p95_ms: round(percentile(toDom, 0.95)),
    append_paint_p50_ms: round(percentile(toPaint, 0.5)),
    append_paint_p95_ms: round(percentile(toPaint, 0.95)),
    scroll_frames: frames.length,
    dropped_frames: frames.filter((d) => d > budget * 1.5).length,
    frames_over_50ms: frames.filter((d) => d > 50).length,
    worst_frame_ms: round(Math.max(0, ...frames)),
    long_tasks: longTasks.length,
  };
}

run().then(
  (result) => (window.__benchResult = result),
  (error: unknown) =>
    (window.__benchError =
      error instanceof Error ? `${error.message}\n${error.stack}` : String(error)),
);
