/** Measures, in the page, reading a dump and parsing it in the worker (see bench/csv.bench.ts). */
import { parseChatDumpInWorker } from '@natter/core';

declare global {
  interface Window {
    __csv?: Record<string, number>;
    __csvError?: string;
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

const rows = Number(new URLSearchParams(location.search).get('rows'));
const heap = () => performance.memory?.usedJSHeapSize ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

async function readFloor(blob: Blob): Promise<number> {
  const t = performance.now();
  const text = await blob.text();
  const readMs = performance.now() - t;
  if (text.length === 0) throw new Error('empty');
  return readMs;
}

async function run(): Promise<Record<string, number>> {
  const blob = await (await fetch(`/dump-${rows}.csv`)).blob();
  // The floor: decode the bytes to text and nothing else. (The text is dropped before the parse:
  // a user's page does not hold the dump as a string.)
  window.gc?.();
  const readMs = await readFloor(blob);
  window.gc?.();
  let t: number;
  const longTasks: number[] = [];
  // Only tasks from the parse on: the forced gc() just above is itself a long task of the harness.
  let start = Infinity;
  const observer = new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => e.startTime >= start && longTasks.push(e.duration)),
  );
  observer.observe({ type: 'longtask' });
  const before = heap();
  let peak = before;
  performance.mark('natter-parse-start');
  t = start = performance.now();
  const result = await parseChatDumpInWorker(blob, {
    onProgress: () => (peak = Math.max(peak, heap())),
  });
  const parseMs = performance.now() - t;
  peak = Math.max(peak, heap());
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  performance.mark('natter-parse-end');
  if (result.messages.length !== rows)
    throw new Error(`${result.messages.length} rows of ${rows}, ${result.errors.length} errors`);

  // The baseline: papaparse's `header: true` in a worker (papaWorker.ts), its rows back on the
  // main thread.
  window.gc?.();
  await new Promise((r) => setTimeout(r, 100));
  const papaTasks: number[] = [];
  const papaObserver = new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => e.startTime >= start && papaTasks.push(e.duration)),
  );
  papaObserver.observe({ type: 'longtask' });
  performance.mark('papa-parse-start');
  t = start = performance.now();
  const papaRows = await new Promise<number>((resolve, reject) => {
    const worker = new Worker(new URL('./papaWorker.ts', import.meta.url), { type: 'module' });
    const received: Record<string, string>[] = [];
    worker.addEventListener(
      'message',
      ({
        data,
      }: MessageEvent<{ type: string; rows?: Record<string, string>[]; message?: string }>) => {
        if (data.type === 'rows') for (const row of data.rows ?? []) received.push(row);
        else if (data.type === 'done') resolve(received.length);
        else reject(new Error(data.message));
        if (data.type !== 'rows') worker.terminate();
      },
    );
    worker.addEventListener('error', (e) => reject(new Error(e.message)));
    worker.postMessage(blob);
  });
  const papaMs = performance.now() - t;
  await new Promise((r) => setTimeout(r, 100));
  papaObserver.disconnect();
  performance.mark('papa-parse-end');
  if (papaRows !== rows) throw new Error(`papaparse: ${papaRows} rows of ${rows}`);
  return {
    readMs: round(readMs),
    parseMs: round(parseMs),
    heapDelta: peak - before,
    longTasks: longTasks.length,
    longestTask: round(Math.max(0, ...longTasks)),
    papaMs: round(papaMs),
    papaLongestTask: round(Math.max(0, ...papaTasks)),
  };
}

run().then(
  (r) => (window.__csv = r),
  (e: unknown) => (window.__csvError = e instanceof Error ? `${e.message}\n${e.stack}` : String(e)),
);
