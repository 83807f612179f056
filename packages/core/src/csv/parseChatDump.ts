import type { ChatDumpRowError } from './ChatDumpError';
import { ChatDumpError } from './ChatDumpError';
import type { DumpMessage } from './chatDumpColumns';
import { ChatDumpRowReader } from './chatDumpRowReader';
import type { RowQuoteProblems } from './chatDumpRowReader';
import { loadPapa } from './loadPapa';
import type { ChatDumpInput } from './readChatDumpText';
import { inputSize, readChatDumpText } from './readChatDumpText';

export interface ChatDumpProgress {
  /** Messages read so far. */
  rows: number;
  /** Row errors so far. */
  errors: number;
  /** Bytes read (Blob, stream) or UTF-16 code units (string input). */
  loaded: number;
  /** Total in the same unit, when known (not for streams). */
  total: number | undefined;
}

export interface ParseChatDumpOptions {
  /**
   * Receives messages in batches as they are parsed (at most `batchSize`, or every `batchMs`).
   * Return a promise to hold the parse until it settles (no more text is parsed meanwhile), for
   * a consumer slower than the parse, such as one writing to IndexedDB. A throw or a rejection
   * ends the parse with that error.
   */
  onRows?: (batch: DumpMessage[]) => unknown;
  /** Called after each parsed chunk of text. */
  onProgress?: (progress: ChatDumpProgress) => void;
  /** Aborting rejects with `signal.reason` and stops reading the Blob/stream. */
  signal?: AbortSignal;
  /** Keep the messages for the returned result (default true). False when `onRows` is all you need: memory stays flat. */
  collect?: boolean;
  /** Largest batch passed to `onRows` (default 5000). */
  batchSize?: number;
  /** A non-empty batch older than this many ms is delivered at the next chance (default 16). */
  batchMs?: number;
  /** Text (UTF-16 code units) gathered before each parse step (default 32 Ki: below V8's large-object size, so each window dies young). */
  chunkSize?: number;
  /** Undo the writer's formula neutralisation (default true; see `chatDumpCells.ts`). */
  restoreFormulas?: boolean;
  /** Yield a macrotask after each parsed window so a main-thread parse does not freeze the page (default true; the worker turns it off). */
  yieldBetweenChunks?: boolean;
}

export interface ChatDumpResult {
  messages: DumpMessage[];
  errors: ChatDumpRowError[];
}

/**
 * Parses a Chat Replay API CSV dump (columns located by header name) into messages plus per-row
 * errors. Blobs and streams are read and parsed chunk by chunk, never held whole as one string.
 * Rejects with a `ChatDumpError` only when the whole file is unusable (`empty`, `not-csv`,
 * `missing-columns`, `read-failed`); never rejects for a malformed row.
 *
 * @example
 * ```ts
 * const { messages, errors } = await parseChatDump(await response.blob(), {
 *   onProgress: ({ loaded, total }) => setProgress(total ? loaded / total : undefined),
 * });
 * for (const e of errors) console.warn(e.message); // "Row 12 (line 14): createdAt "yesterday" ..."
 * ```
 */
export async function parseChatDump(
  input: ChatDumpInput,
  options: ParseChatDumpOptions = {},
): Promise<ChatDumpResult> {
  const { onRows, onProgress, signal } = options;
  const collect = options.collect ?? true;
  const batchSize = Math.max(1, options.batchSize ?? 5000);
  const batchMs = options.batchMs ?? 16;
  const chunkSize = Math.max(1, options.chunkSize ?? 1 << 15);
  const pause = options.yieldBetweenChunks ?? true;
  signal?.throwIfAborted();
  const Papa = await loadPapa();
  signal?.throwIfAborted();

  const messages: DumpMessage[] = [];
  let count = 0;
  let batch: DumpMessage[] = [];
  let batchStart = Date.now();
  /** Full batches not yet handed to `onRows`. */
  const ready: DumpMessage[][] = [];
  const flush = () => {
    if (!onRows || batch.length === 0) return;
    ready.push(batch);
    batch = [];
    batchStart = Date.now();
  };
  /** Hands the ready batches to `onRows` in order, each after the promise the last one returned. */
  const deliver = async () => {
    for (let next = ready.shift(); next; next = ready.shift()) {
      const hold = onRows?.(next);
      if (isThenable(hold)) await unlessAborted(Promise.resolve(hold), signal);
    }
  };
  const rows = new ChatDumpRowReader((message) => {
    count += 1;
    if (collect) messages.push(message);
    if (!onRows) return;
    if (batch.length === 0) batchStart = Date.now();
    batch.push(message);
    if (batch.length >= batchSize || ((count & 255) === 0 && Date.now() - batchStart >= batchMs))
      flush();
  }, options.restoreFormulas ?? true);

  let parser: InstanceType<typeof Papa.Parser> | undefined;
  /** Text not yet turned into rows: the carried-over incomplete last row, then new text. */
  let pending = '';
  let carried = 0;
  let base = 0;
  let loaded = 0;
  const total = inputSize(input);
  let lastPause = Date.now();

  /** Parses `pending[0, end)`; the incomplete last row stays pending unless `final`. */
  const step = (end: number, final: boolean) => {
    if (!parser) {
      const newline = detectNewline(pending, final);
      if (newline === undefined) return false;
      parser = new Papa.Parser({ delimiter: ',', newline, quoteChar: '"', escapeChar: '"' });
    }
    const text = pending.slice(0, end);
    const result = parser.parse(text, base, !final) as ParseOutput;
    const consumed = final ? end : result.meta.cursor - base;
    rows.startWindow(result.data);
    feed(rows, result, !final);
    // A partial window ends right after its last row's line break: its text holds every break
    // of its rows. (The final window's rows are scanned if a later line were ever needed.)
    rows.endWindow(final ? undefined : countLineBreaksIn(text, consumed));
    pending = pending.slice(consumed);
    base += consumed;
    carried = end - consumed;
    if (onRows && Date.now() - batchStart >= batchMs) flush();
    return true;
  };
  const report = () => onProgress?.({ rows: count, errors: rows.errors.length, loaded, total });

  for await (const chunk of readChatDumpText(input)) {
    signal?.throwIfAborted();
    pending += chunk.text;
    loaded = chunk.loaded;
    // Parse windows of `chunkSize` new characters, and at least as many as the carried row, so an
    // unclosed quote costs amortised linear time instead of a re-scan per chunk.
    while (pending.length - carried >= Math.max(chunkSize, carried)) {
      if (!step(carried + Math.max(chunkSize, carried), false)) break;
      if (ready.length > 0) await deliver();
      report();
      // A macrotask every ~10 ms of parsing keeps a main-thread parse from freezing the page
      // without paying a timer per (small) window.
      if (pause && Date.now() - lastPause >= PAUSE_EVERY_MS) {
        await nextTask();
        lastPause = Date.now();
      }
      signal?.throwIfAborted();
    }
  }
  signal?.throwIfAborted();
  step(pending.length, true);
  rows.finish();
  flush();
  await deliver();
  report();
  return { messages, errors: rows.errors };
}

interface ParseOutput {
  data: string[][];
  errors: { code: string; row: number }[];
  meta: { cursor: number; linebreak: string };
}

/** Line breaks (`\r\n`, `\r` or `\n`, as rows count them) in `text[0, end)`. */
function countLineBreaksIn(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
  for (let at = text.indexOf('\r'); at !== -1 && at < end; at = text.indexOf('\r', at + 1))
    if (text.charCodeAt(at + 1) !== 10 || at + 1 >= end) count++;
  return count;
}

function feed(rows: ChatDumpRowReader, result: ParseOutput, partial: boolean): void {
  const data = result.data;
  const stripCr = result.meta.linebreak === '\n';
  let quotes: Map<number, RowQuoteProblems> | undefined;
  for (const error of result.errors) {
    // With a partial parse, errors of the dropped last row are reported again when it is complete.
    if (partial && error.row >= data.length) continue;
    quotes ??= new Map();
    const problems = quotes.get(error.row) ?? { unterminated: false, malformed: false };
    if (error.code === 'MissingQuotes') problems.unterminated = true;
    else problems.malformed = true;
    quotes.set(error.row, problems);
  }
  for (let position = 0; position < data.length; position++) {
    const cells = data[position] as string[];
    if (stripCr) stripCarriageReturn(cells);
    rows.push(cells, quotes?.get(position));
  }
}

/** An LF file with stray CRLF lines: drop the CR that ends the row's last field. */
function stripCarriageReturn(cells: string[]): void {
  const last = cells.length - 1;
  const value = cells[last];
  if (value !== undefined && value.charCodeAt(value.length - 1) === 13)
    cells[last] = value.slice(0, -1);
}

/**
 * The line break of the file: the first one outside quotes in the first MiB, like papaparse's own
 * guess. `undefined` while it cannot be told yet (no break seen, or a CR that may precede an LF).
 */
function detectNewline(text: string, final: boolean): '\r\n' | '\n' | '\r' | undefined {
  const sample = text.slice(0, 1 << 20).replace(/"[^"]*"/g, '');
  const match = /\r\n|\r|\n/.exec(sample);
  if (!match) {
    if (final) return '\n';
    if (text.length >= 1 << 20) {
      throw new ChatDumpError(
        'not-csv',
        'This is not a chat dump CSV: its first MiB holds no line break.',
      );
    }
    return undefined;
  }
  const atEnd = match.index === sample.length - 1 && text.length <= 1 << 20;
  if (!final && match[0] === '\r' && atEnd) return undefined;
  return match[0] as '\r\n' | '\n' | '\r';
}

const PAUSE_EVERY_MS = 10;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts. */
async function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  let abort = () => {};
  const aborted = new Promise<never>((_, reject) => (abort = () => reject(signal.reason)));
  signal.addEventListener('abort', abort, { once: true });
  try {
    return await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', abort);
  }
}

interface Scheduling {
  scheduler?: { yield?: () => Promise<void> };
  setImmediate?: (callback: () => void) => unknown;
}

/**
 * A macrotask, without a timer's clamp: `setTimeout(0)` waits at least 1 ms in Node and 4 ms in
 * a browser's nested timers. A 100k-row parse on a Chromium page paused that way took 1.2-1.4 s,
 * 0.87-1.17 s with `scheduler.yield()`, which resumes ahead of other tasks once input has run.
 * Node has `setImmediate`; other browsers get a `MessageChannel` task.
 */
export function nextTask(): Promise<void> {
  const host = globalThis as Scheduling;
  if (typeof host.scheduler?.yield === 'function') return host.scheduler.yield();
  return new Promise((resolve) => {
    if (typeof host.setImmediate === 'function') {
      host.setImmediate(resolve);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
