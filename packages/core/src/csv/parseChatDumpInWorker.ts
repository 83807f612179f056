import { ChatDumpError } from './ChatDumpError';
import type { DumpMessage } from './chatDumpColumns';
import { unpackRows } from './chatDumpPacking';
import type { PackedRows } from './chatDumpPacking';
import type { ChatDumpWorkerRequest, ChatDumpWorkerResponse } from './chatDumpWorkerProtocol';
import type { ChatDumpProgress, ChatDumpResult } from './parseChatDump';
import { nextTask, parseChatDump } from './parseChatDump';

/** The part of `Worker` used here (a custom `createWorker` may return any such object). */
export interface ChatDumpWorkerLike {
  postMessage(message: ChatDumpWorkerRequest, transfer?: Transferable[]): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<ChatDumpWorkerResponse>) => void,
  ): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface ParseChatDumpInWorkerOptions {
  /**
   * Receives each batch as it arrives from the worker. The worker parses on once this returns,
   * or once the promise it returns settles. A throw or a rejection ends the parse with that error.
   */
  onRows?: (batch: DumpMessage[]) => unknown;
  onProgress?: (progress: ChatDumpProgress) => void;
  /** Aborting terminates the worker and rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Keep the messages for the result (default true); false when `onRows` is all you need. */
  collect?: boolean;
  /** Rows per posted batch (default 5000). */
  batchSize?: number;
  /** A non-empty batch is posted after this many ms at the latest (default 16). */
  batchMs?: number;
  /** Creates the worker. Default: the module worker `chatDumpWorker.ts`. For tests and custom bundling. */
  createWorker?: () => ChatDumpWorkerLike;
}

/**
 * Messages built per main-thread task when taking a batch in (a batch is up to `batchSize`,
 * typically ~2,800 at 500k rows). A batch was taken in one task, and a young-generation
 * collection of V8, which lands in whichever task allocates when the young space is full, added
 * to it: traced at 500k rows, tasks of 46-55 ms were scavenges of 37-44 ms plus 7-11 ms of the
 * batch's deserialising and unpacking. In slices of 1,000 that part of such a task is 2-5 ms.
 */
const TAKE_SLICE = 1000;

function defaultWorker(): ChatDumpWorkerLike {
  return new Worker(new URL('./chatDumpWorker.ts', import.meta.url), {
    type: 'module',
    name: 'natter-chat-dump',
  }) as ChatDumpWorkerLike;
}

/**
 * Parses a large chat dump in a Web Worker (DESIGN.md section 4: no main-thread task over 50 ms).
 * Rows come back in packed batches; without `Worker` (Node, old test runners) it runs
 * `parseChatDump` on the calling thread with the same options and result.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const { messages, errors } = await parseChatDumpInWorker(await response.blob(), {
 *   signal: controller.signal,
 *   onProgress: ({ loaded, total }) => setPercent(total ? (100 * loaded) / total : undefined),
 * });
 * ```
 */
export async function parseChatDumpInWorker(
  input: Blob | ReadableStream<Uint8Array>,
  options: ParseChatDumpInWorkerOptions = {},
): Promise<ChatDumpResult> {
  const { onRows, onProgress, signal, collect = true, batchSize = 5000, batchMs = 16 } = options;
  const create =
    options.createWorker ?? (typeof Worker === 'undefined' ? undefined : defaultWorker);
  if (!create)
    return parseChatDump(input, { onRows, onProgress, signal, collect, batchSize, batchMs });
  signal?.throwIfAborted();

  return new Promise<ChatDumpResult>((resolve, reject) => {
    const messages: DumpMessage[] = [];
    /** Repeated values (participant, name, session, ...) shared across batches. */
    const shared = new Map<string, string>();
    let settled = false;
    let worker: ChatDumpWorkerLike | undefined;
    let pump: ReadableStreamDefaultReader<Uint8Array> | undefined;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      worker?.terminate();
      pump?.cancel().catch(() => undefined);
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const fail = (code: 'worker-failed' | 'read-failed', message: string, cause?: unknown) =>
      settle(() => reject(new ChatDumpError(code, message, { cause })));
    const onAbort = () => settle(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });

    try {
      worker = create();
    } catch (error) {
      return fail('worker-failed', 'The chat dump worker could not be started.', error);
    }
    const target = worker;
    /**
     * Takes a batch in, {@link TAKE_SLICE} messages a task, then tells the worker, which parses no
     * further until then (see chatDumpWorker.ts). Batches are taken in order, each after
     * `onRows`'s promise for the last; `onRows` gets the whole batch.
     */
    let line = Promise.resolve();
    const take = (rows: PackedRows) => {
      line = line
        .then(async () => {
          const parts: DumpMessage[][] = [];
          for (let from = 0; from < rows.count; from += TAKE_SLICE) {
            if (from > 0) await nextTask();
            if (settled) return;
            const part = unpackRows(rows, shared, from, Math.min(rows.count, from + TAKE_SLICE));
            if (collect) for (const message of part) messages.push(message);
            parts.push(part);
          }
          // The whole batch for `onRows`, joined only when there is one to give it to.
          if (onRows) await onRows(parts.length === 1 ? (parts[0] ?? []) : parts.flat());
          if (!settled) target.postMessage({ type: 'taken' });
        })
        .catch((error: unknown) => settle(() => reject(error)));
    };
    worker.addEventListener('message', ({ data }) => {
      if (settled) return;
      if (data.type === 'rows') take(data.rows);
      else if (data.type === 'progress') onProgress?.(data.progress);
      else if (data.type === 'done') settle(() => resolve({ messages, errors: data.errors }));
      else {
        const code = data.code === 'unknown' ? 'worker-failed' : data.code;
        settle(() => reject(new ChatDumpError(code, data.message)));
      }
    });
    worker.addEventListener('error', (event) =>
      fail('worker-failed', 'The chat dump worker failed to load or crashed.', event),
    );
    worker.addEventListener('messageerror', (event) =>
      fail('worker-failed', 'A message from the chat dump worker could not be read.', event),
    );

    if (input instanceof Blob) {
      worker.postMessage({ type: 'parse', input, batchSize, batchMs });
      return;
    }
    try {
      worker.postMessage({ type: 'parse', input, batchSize, batchMs }, [input]);
    } catch {
      // Streams are not transferable in every browser (Safari): pass the bytes on instead.
      target.postMessage({ type: 'start', batchSize, batchMs });
      pump = input.getReader();
      void forward(pump, target).catch((error: unknown) =>
        fail('read-failed', 'Reading the chat dump failed part way through.', error),
      );
    }
  });
}

async function forward(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  worker: ChatDumpWorkerLike,
): Promise<void> {
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return worker.postMessage({ type: 'end' });
    const own =
      value.byteOffset === 0 && value.byteLength === value.buffer.byteLength
        ? value
        : value.slice();
    worker.postMessage({ type: 'chunk', bytes: own }, [own.buffer as ArrayBuffer]);
  }
}
