/**
 * Chat-dump parsing: 10k / 100k / 500k rows, in Node (main thread) and in Chromium (Web Worker,
 * batches across the boundary), each next to the floor (merely reading and decoding the bytes)
 * and to papaparse's own `header: true` parse of the same file (from the same Blob; in Chromium
 * in papaparse's worker, its rows back on the main thread): `x_papa` is ours over papaparse's.
 * Main-thread tasks over 50 ms are counted twice: by the page's Long Tasks observer, and from a
 * trace of the renderer's main thread (`traced_*`), which also sees the tasks the observer does
 * not report, such as V8's own garbage-collection tasks. Chromium's side runs each size in 3 fresh
 * browsers, Node's 5 rounds with each parse in a fresh process (`csv/nodeSample.ts`): times are
 * medians, long tasks counted over every run.
 * Prints one JSON line per result. `--rows 10000,100000` narrows the run; `--where chromium` (or
 * `node`) runs one side only. `--explain` also traces V8's own categories and prints, for every
 * main-thread task of 40 ms or more during our parse, what it held (collections, the message
 * handler): those categories slow V8's collections, so such a run's numbers are not recorded.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { build, defaultClientConditions } from 'vite';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { chatDumpFile } from './csvFixture';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const sizes = arg('rows', '10000,100000,500000').split(',').map(Number);
const where = arg('where', 'node,chromium').split(',');
const explain = process.argv.includes('--explain');
const emit = (r: Record<string, unknown>) => console.log(JSON.stringify({ suite: 'csv', ...r }));
const round = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const files = new Map<number, { path: string; bytes: number }>();
for (const rows of sizes) files.set(rows, await chatDumpFile(rows));
gc(); // the fixtures' garbage, before Chromium's side is timed

// Chromium: the worker path, as ReplayView uses it.
const root = resolve(import.meta.dirname, 'csv');
const outDir = resolve(import.meta.dirname, '.out/csv-page');
await build({
  root,
  logLevel: 'error',
  mode: 'production',
  resolve: { conditions: ['natter-source', ...defaultClientConditions] },
  build: { outDir, emptyOutDir: true },
});
const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const dump = /^\/dump-(\d+)\.csv$/.exec(path);
  const file = dump
    ? files.get(Number(dump[1]))?.path
    : join(outDir, path === '/' ? 'index.html' : path);
  if (!file) return void res.writeHead(404).end();
  try {
    const body = await readFile(file);
    const type = dump
      ? 'text/csv'
      : ({ '.html': 'text/html', '.js': 'text/javascript' }[extname(file)] ??
        'application/octet-stream');
    res.writeHead(200, { 'Content-Type': type }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
// A fresh browser for each run: the pages before it leave nothing in its heap or its GC's state.
const launch = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'natter-csv-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
// Each size in 3 fresh browsers, like the list's mounts: times are medians (`x_papa` the median
// of the runs' own ratios); long tasks are counted over all runs (`runs_with_task_over_50ms` says
// in how many), the longest task and the heap are the worst of any run.
const CHROMIUM_RUNS = 3;
try {
  for (const rows of where.includes('chromium') ? sizes : []) {
    const runs: Record<string, number>[] = [];
    for (let run = 0; run < CHROMIUM_RUNS; run++) {
      const browser = await launch();
      let outcome: { result?: Record<string, unknown>; error?: string };
      try {
        outcome = await runPage(browser.context, rows);
      } finally {
        await browser.close();
      }
      const { result, error } = outcome;
      if (error) throw new Error(`chromium ${rows}: ${error}`);
      runs.push(result as Record<string, number>);
    }
    const bytes = files.get(rows)!.bytes;
    const all = (key: string) => runs.map((r) => r[key] ?? 0);
    const sum = (key: string) => all(key).reduce((a, b) => a + b, 0);
    const worst = (key: string) => Math.max(...all(key));
    const withLongTask = runs.filter(
      (r) => (r.longTasks ?? 0) > 0 || (r.tracedLongTasks ?? 0) > 0,
    ).length;
    emit({
      name: `chromium worker ${rows.toLocaleString('en')} rows`,
      where: 'chromium worker',
      rows,
      file_mb: round(bytes / 2 ** 20),
      runs: runs.length,
      read_ms: round(median(all('readMs'))),
      parse_ms: round(median(all('parseMs'))),
      papa_ms: round(median(all('papaMs'))),
      x_papa: Math.round(median(runs.map((r) => (r.parseMs ?? 0) / (r.papaMs ?? 1))) * 100) / 100,
      x_read: round(median(all('parseMs')) / median(all('readMs'))),
      main_heap_x_file: round(worst('heapDelta') / bytes),
      runs_with_task_over_50ms: `${withLongTask} of ${runs.length}`,
      main_thread_long_tasks: sum('longTasks'),
      longest_task_ms: worst('longestTask'),
      traced_tasks_over_50ms: sum('tracedLongTasks'),
      traced_longest_task_ms: worst('tracedLongestTask'),
      papa_main_longest_task_ms: worst('papaLongestTask'),
      papa_traced_longest_task_ms: worst('papaTracedLongestTask'),
    });
  }
} finally {
  server.close();
}

// Node, after Chromium: the whole parse on the main thread, keeping every message (what a replay
// holds). Every sample runs in a fresh process, as every Chromium size gets a fresh browser: in one
// long-lived process each parse inherits the heap sizing and garbage of the one before, and the
// same 100k parse read anywhere from 1.0x to 1.6x papaparse's from one run to the next. Each size
// takes several rounds, ours and papaparse's back to back in alternating order; the times are the
// medians, `x_papa` the median of the rounds' own ratios, the heap the largest peak of any round.
const NODE_ROUNDS = 5;
const nodeSample = (kind: 'read' | 'natter' | 'papa', path: string, rows: number) => {
  const out = execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      resolve(import.meta.dirname, 'csv/nodeSample.ts'),
      kind,
      path,
      String(rows),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { ms: number; heap?: number };
};
for (const rows of where.includes('node') ? sizes : []) {
  const { path, bytes } = files.get(rows)!;
  const reads: number[] = [];
  const parses: number[] = [];
  const papas: number[] = [];
  const ratios: number[] = [];
  let heapPeak = 0;
  for (let r = 0; r < NODE_ROUNDS; r++) {
    reads.push(nodeSample('read', path, rows).ms);
    const papa = () => nodeSample('papa', path, rows).ms;
    let theirs = r % 2 === 1 ? papa() : undefined;
    const mine = nodeSample('natter', path, rows);
    theirs ??= papa();
    parses.push(mine.ms);
    papas.push(theirs);
    ratios.push(mine.ms / theirs);
    heapPeak = Math.max(heapPeak, (mine.heap ?? 0) / bytes);
  }
  const parseMs = median(parses);
  emit({
    name: `node ${rows.toLocaleString('en')} rows`,
    where: 'node main thread',
    rows,
    file_mb: round(bytes / 2 ** 20),
    runs: parses.length,
    read_ms: round(median(reads)),
    parse_ms: round(parseMs),
    papa_ms: round(median(papas)),
    x_papa: Math.round(median(ratios) * 100) / 100,
    x_papa_range: `${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}`,
    x_read: round(parseMs / median(reads)),
    heap_peak_x_file: round(heapPeak),
  });
}

async function runPage(
  context: BrowserContext,
  rows: number,
): Promise<{ result?: Record<string, unknown>; error?: string }> {
  const page = await context.newPage();
  // An uncaught error in the page (or its workers) ends the run at once instead of a 10 min wait.
  const crashed = new Promise<never>((_, reject) => {
    page.on('pageerror', (e) => reject(new Error(`chromium ${rows}: ${e.message}`)));
    page.on('worker', (w) =>
      w.on('console', (m) => m.type() === 'error' && reject(new Error(m.text()))),
    );
  });
  crashed.catch(() => undefined);
  // A trace of top-level tasks only (little overhead), to see every main-thread task.
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as TraceEvent[])));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'toplevel',
        'blink.user_timing',
        ...(explain ? ['devtools.timeline', 'v8', 'disabled-by-default-v8.gc'] : []),
      ],
    },
  });
  await page.goto(`${base}/?rows=${rows}`);
  const finished = page.waitForFunction(
    () =>
      (window as { __csv?: unknown; __csvError?: unknown }).__csv ??
      (window as { __csvError?: unknown }).__csvError,
    undefined,
    { timeout: 600_000, polling: 500 },
  );
  await Promise.race([finished, crashed]);
  await cdp.send('Tracing.end');
  await traced;
  const outcome = await page.evaluate(() => ({
    result: (window as { __csv?: Record<string, unknown> }).__csv,
    error: (window as { __csvError?: string }).__csvError,
  }));
  if (outcome.result) {
    const parse = mainTasks(events, 'natter-parse');
    const ours = tasksOver50(parse.tasks);
    const papa = tasksOver50(mainTasks(events, 'papa-parse').tasks);
    if (explain) for (const line of explainTasks(events, parse)) console.error(line);
    Object.assign(outcome.result, {
      tracedLongTasks: ours.count,
      tracedLongestTask: ours.longest,
      papaTracedLongestTask: papa.longest,
    });
  }
  return outcome;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
}

/**
 * The outermost top-level tasks of the renderer's main thread between `${mark}-start` and `-end`.
 * Tasks inside the window only: the ones holding the marks also hold the harness's forced gc().
 * Nested run loops report tasks inside tasks: the outermost only.
 */
function mainTasks(events: TraceEvent[], mark: string): { tasks: TraceEvent[]; tid: number } {
  const start = events.find((e) => e.name === `${mark}-start`);
  const end = events.find((e) => e.name === `${mark}-end`);
  if (!start || !end) throw new Error(`the trace has no ${mark} marks`);
  const tasks: TraceEvent[] = [];
  let covered = 0;
  const all = events
    .filter(
      (e) => e.tid === start.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask',
    )
    .sort((a, b) => a.ts - b.ts);
  for (const task of all) {
    const dur = task.dur ?? 0;
    if (task.ts < start.ts || task.ts + dur > end.ts || task.ts < covered) continue;
    covered = task.ts + dur;
    tasks.push(task);
  }
  return { tasks, tid: start.tid };
}

/** Of a window's tasks: how many over 50 ms, and the longest. */
function tasksOver50(tasks: readonly TraceEvent[]): { count: number; longest: number } {
  let count = 0;
  let longest = 0;
  for (const task of tasks) {
    const dur = (task.dur ?? 0) / 1000;
    if (dur > 50) count += 1;
    longest = Math.max(longest, dur);
  }
  return { count, longest: round(longest) };
}

/** `--explain`: each task of 40 ms or more, with the events of 3 ms or more inside it (start:length). */
function explainTasks(
  events: readonly TraceEvent[],
  { tasks, tid }: { tasks: readonly TraceEvent[]; tid: number },
): string[] {
  const first = tasks[0]?.ts ?? 0;
  return tasks
    .filter((task) => (task.dur ?? 0) >= 40_000)
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      const inside = events
        .filter(
          (e) =>
            e !== task &&
            e.tid === tid &&
            e.ph === 'X' &&
            e.ts >= task.ts &&
            e.ts + (e.dur ?? 0) <= end &&
            (e.dur ?? 0) >= 3000,
        )
        .sort((a, b) => a.ts - b.ts)
        .map((e) => `${e.name} ${ms(e.ts - task.ts)}:${ms(e.dur ?? 0)}`);
      return `task of ${ms(task.dur ?? 0)} ms at ${ms(task.ts - first)} ms: ${inside.join(', ')}`;
    });
}

/** A trace's microseconds as milliseconds, to 0.1. */
function ms(microseconds: number): string {
  return (microseconds / 1000).toFixed(1);
}
