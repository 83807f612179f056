/**
 * The page `bench/list.bench.ts` drives in Chromium. `?impl=natter|tanstack|virtuoso|naive&n=N`
 * mounts one list over a fake `meeting.chat` that already holds N mixed messages, and measures
 * what a user sees: mount until the newest message is painted (for Natter the store's hydration
 * included), the heap the list adds, append latency, dropped vsyncs while scrolling 3 s, and
 * whether a jump to the top shows the first message. The numbers go to `window.__benchResult`.
 */
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Virtuoso } from 'react-virtuoso';
import { createChatStore } from '@natter/core';
import type { ChatLike, ChatUpdateEvent, Message } from '@natter/core';
import { ChatProvider } from '@natter/hooks';
import { MessageList } from '@natter/ui';
import '@natter/ui/styles.css';
import { FIRST_MARK, NEWEST_MARK, makeChat, makeMessages } from './messages';

declare global {
  interface Window {
    __benchResult?: Record<string, unknown>;
    __benchError?: string;
    __go?: () => void;
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
const SCROLL_FRAMES = 180; // 3 s at 60 Hz
const VSYNC = 1000 / 60;

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
const heap = () => {
  window.gc?.();
  return performance.memory?.usedJSHeapSize ?? NaN;
};

/** The baselines keep the SDK's array in state and follow its `chatUpdate` adds, as apps do. */
function useChatMessages(chat: ChatLike): Message[] {
  const [messages, setMessages] = useState(chat.messages);
  useEffect(() => {
    const onUpdate = (e: ChatUpdateEvent) => setMessages(e.messages);
    chat.on('chatUpdate', onUpdate);
    return () => void chat.off('chatUpdate', onUpdate);
  }, [chat]);
  return messages;
}

function RawRow({ m }: { m: Message | undefined }) {
  if (!m) return null;
  return (
    <>
      <b>{m.displayName}</b>{' '}
      {m.type === 'text' ? (
        m.message
      ) : m.type === 'image' ? (
        <img src={m.link} alt="" width={160} height={120} />
      ) : m.type === 'file' ? (
        <a href={m.link}>{m.name}</a>
      ) : null}
    </>
  );
}

function RawTanstack({ chat }: { chat: ChatLike }) {
  const messages = useChatMessages(chat);
  const parent = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the baseline uses TanStack Virtual exactly as its docs show
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => parent.current,
    estimateSize: () => 48,
    overscan: 6,
  });
  useEffect(() => {
    virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
  }, [messages.length, virtualizer]);
  return (
    <div ref={parent} className="raw-scroller" data-bench-scroller>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={messages[item.index]?.id}
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
            <RawRow m={messages[item.index]} />
          </div>
        ))}
      </div>
    </div>
  );
}

function RawVirtuoso({ chat }: { chat: ChatLike }) {
  const messages = useChatMessages(chat);
  return (
    <Virtuoso
      className="raw-scroller"
      data-bench-scroller
      data={messages}
      initialTopMostItemIndex={messages.length - 1}
      followOutput="auto"
      computeItemKey={(_, m) => m.id}
      itemContent={(_, m) => (
        <div className="raw-row">
          <RawRow m={m} />
        </div>
      )}
    />
  );
}

function Naive({ chat }: { chat: ChatLike }) {
  const messages = useChatMessages(chat);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollTo({ top: ref.current.scrollHeight });
  }, [messages.length]);
  return (
    <div ref={ref} className="raw-scroller" data-bench-scroller>
      {messages.map((m) => (
        <div key={m.id} className="raw-row">
          <RawRow m={m} />
        </div>
      ))}
    </div>
  );
}

/** Resolves when `text` is in the DOM under `root`, at the time it appeared (or NaN at 5 s). */
function whenInDom(root: HTMLElement, text: string): Promise<number> {
  if (root.textContent?.includes(text)) return Promise.resolve(performance.now());
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!root.textContent?.includes(text)) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    setTimeout(() => {
      observer.disconnect();
      resolve(NaN);
    }, 5_000);
  });
}

async function run(): Promise<Record<string, unknown>> {
  const container = document.getElementById('root')!;
  const { chat, add } = makeChat(makeMessages(n));
  // Registered before any list listens, so it runs first: the moment `chatUpdate` is emitted,
  // which is where the append latency starts.
  let emittedAt = NaN;
  chat.on('chatUpdate', () => {
    emittedAt = performance.now();
  });
  const app =
    impl === 'natter' ? (
      <ChatProvider chat={chat} selfUserId="u0">
        <div className="bench-frame" data-natter-theme="light">
          <MessageList />
        </div>
      </ChatProvider>
    ) : impl === 'tanstack' ? (
      <RawTanstack chat={chat} />
    ) : impl === 'virtuoso' ? (
      <RawVirtuoso chat={chat} />
    ) : (
      <Naive chat={chat} />
    );

  // `&wait=1` holds here until `window.__go()` (a profiler started after the data is built).
  if (params.has('wait')) await new Promise<void>((resolve) => (window.__go = resolve));
  // A browser just started is still busy for a while after the page loads (its other processes
  // and threads share the 2 cores): mounted at once, the same list took 110-220 ms. A user opens
  // the chat in a page that has loaded, so every implementation mounts after `&settle` ms idle.
  await new Promise((resolve) => setTimeout(resolve, Number(params.get('settle') ?? 1000)));
  await afterPaint();
  const heapBefore = heap();
  if (impl === 'store') {
    // The store alone (hydrated, no list): how much of the list's heap growth is the store's.
    const t = performance.now();
    const store = createChatStore(chat);
    store.subscribe(() => undefined);
    const hydrateMs = performance.now() - t;
    // The id index is built after the first paint (an idle task): build it now, timed apart, so
    // the heap counts it.
    const t2 = performance.now();
    if (store.getState().byId.size !== n) throw new Error('store lost messages');
    const indexMs = performance.now() - t2;
    if (store.getState().ids.length !== n) throw new Error('store lost messages');
    return {
      impl,
      n,
      mount_ms: round(hydrateMs),
      index_ms: round(indexMs),
      heap_growth_mb: round((heap() - heapBefore) / 2 ** 20),
    };
  }
  const root = createRoot(container);
  // Marks for a trace of the mount (Chromium's Performance panel shows them).
  performance.mark('mount-start');
  const t0 = performance.now();
  flushSync(() => root.render(<StrictMode>{app}</StrictMode>));
  const committed = performance.now() - t0;
  await whenInDom(container, NEWEST_MARK);
  await afterPaint();
  const mountMs = performance.now() - t0;
  performance.mark('mount-end');
  // Let lazy measurement settle before counting.
  for (let i = 0; i < 10; i++) await nextFrame();
  const domNodes = document.getElementsByTagName('*').length;
  const heapGrowth = heap() - heapBefore;
  // `&stop=mount` ends here (for profiling the mount alone).
  if (params.get('stop') === 'mount') return { impl, n, mount_ms: round(mountMs) };

  // Append latency: from the SDK's `chatUpdate` to the row in the DOM, and painted.
  const toDom: number[] = [];
  const toPaint: number[] = [];
  for (let i = 0; i < APPENDS; i++) {
    const token = `append-${i}-${Math.random().toString(36).slice(2)}`;
    const seen = whenInDom(container, token);
    const timeMs = Date.UTC(2027, 0, 1) + i * 1000;
    const m = { id: `a${i}`, userId: 'u1', displayName: 'Person 1' };
    add({ ...m, type: 'text', time: new Date(timeMs), timeMs, message: token });
    const inDom = await seen;
    toDom.push(inDom - emittedAt);
    await afterPaint();
    toPaint.push(performance.now() - emittedAt);
    await nextFrame();
  }

  const scroller = (document.querySelector('[data-bench-scroller]') ??
    document.querySelector('[role="log"]')) as HTMLElement | null;
  if (!scroller) throw new Error('no scroller');

  // A jump to the top: does the first message end up at the top of the viewport?
  scroller.scrollTop = 0;
  for (let i = 0; i < 10; i++) await nextFrame();
  const first = [...scroller.querySelectorAll<HTMLElement>('*')].find(
    (el) => el.children.length === 0 && el.textContent?.includes(FIRST_MARK),
  );
  const box = scroller.getBoundingClientRect();
  const top = first?.getBoundingClientRect().top;
  const reachedTop =
    scroller.scrollTop === 0 && top !== undefined && top >= box.top && top < box.top + 120;

  // Scroll through the whole list, top to bottom, one step per frame for 3 s.
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
  await afterPaint();
  let last = await nextFrame();
  for (let f = 1; f <= SCROLL_FRAMES; f++) {
    scroller.scrollTop = ((scroller.scrollHeight - scroller.clientHeight) * f) / SCROLL_FRAMES;
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  }
  po.disconnect();
  return {
    impl,
    n,
    commit_ms: round(committed),
    mount_ms: round(mountMs),
    dom_nodes: domNodes,
    heap_growth_mb: round(heapGrowth / 2 ** 20),
    append_dom_p50_ms: round(percentile(toDom, 0.5)),
    append_dom_p95_ms: round(percentile(toDom, 0.95)),
    append_paint_p50_ms: round(percentile(toPaint, 0.5)),
    scroll_frames: frames.length,
    // A frame of 2 vsyncs dropped one; of 3, two.
    dropped_vsyncs: frames.reduce((sum, d) => sum + Math.max(0, Math.round(d / VSYNC) - 1), 0),
    frames_over_50ms: frames.filter((d) => d > 50).length,
    worst_frame_ms: round(Math.max(0, ...frames)),
    long_tasks: longTasks.length,
    reached_top: reachedTop ? 1 : 0,
  };
}

run().then(
  (result) => (window.__benchResult = result),
  (error: unknown) =>
    (window.__benchError =
      error instanceof Error ? `${error.message}\n${error.stack}` : String(error)),
);
