/**
 * The chat dump parsing worker (spawned by `parseChatDumpInWorker`). Parses off the main thread
 * with the same `parseChatDump`, posting messages in packed batches and errors once at the end.
 *
 * It parses no further while the page takes a batch in (until its `taken`). The page builds some
 * 2,000 messages from a batch (1,000 a task), and V8's young-generation collections of those run
 * on the page's thread plus helper threads: with the worker parsing on the other core of a
 * two-core machine they took 12-54 ms at 500k rows, and with the worker waiting 17-38 ms
 * (bench/RESULTS.md, session 9), for a parse still within 1.0x papaparse's. It also bounds what
 * waits in the page's queue when the page is busy.
 */
import { ChatDumpError } from './ChatDumpError';
import { packRows } from './chatDumpPacking';
import type { ChatDumpWorkerRequest, ChatDumpWorkerResponse } from './chatDumpWorkerProtocol';
import type { ChatDumpInput } from './readChatDumpText';
import { parseChatDump } from './parseChatDump';
import type { ChatDumpProgress } from './parseChatDump';

const PROGRESS_MS = 50;

export interface WorkerScope {
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<ChatDumpWorkerRequest>) => void,
  ): void;
  postMessage(message: ChatDumpWorkerResponse, options?: { transfer?: Transferable[] }): void;
}

/** Wires the protocol onto a worker scope; exported so Node tests can drive it without a browser. */
export function serveChatDumpWorker(scope: WorkerScope): void {
  let feed: ReadableStreamDefaultController<Uint8Array> | undefined;
  /** Resolves the wait for the batch last posted (`parseChatDump` hands over one at a time). */
  let taken: (() => void) | undefined;
  scope.addEventListener('message', ({ data }) => {
    if (data.type === 'taken') return taken?.();
    if (data.type === 'chunk') return feed?.enqueue(data.bytes);
    if (data.type === 'end') return feed?.close();
    let input: ChatDumpInput;
    if (data.type === 'parse') input = data.input;
    else
      input = new ReadableStream<Uint8Array>({ start: (controller) => void (feed = controller) });
    let latest: ChatDumpProgress | undefined;
    let lastProgress = 0;
    parseChatDump(input, {
      collect: false,
      batchSize: data.batchSize,
      batchMs: data.batchMs,
      yieldBetweenChunks: false,
      onRows: (batch) => {
        const { packed, transfer } = packRows(batch);
        scope.postMessage({ type: 'rows', rows: packed }, { transfer });
        return new Promise<void>((resolve) => (taken = resolve));
      },
      onProgress: (progress) => {
        // Windows are small (32 Ki characters): tell the page at most every PROGRESS_MS.
        latest = progress;
        if (Date.now() - lastProgress < PROGRESS_MS) return;
        lastProgress = Date.now();
        latest = undefined;
        scope.postMessage({ type: 'progress', progress });
      },
    }).then(
      ({ errors }) => {
        if (latest) scope.postMessage({ type: 'progress', progress: latest });
        scope.postMessage({ type: 'done', errors });
      },
      (error: unknown) =>
        scope.postMessage({
          type: 'failed',
          code: error instanceof ChatDumpError ? error.code : 'unknown',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
}

// Only when loaded as a worker (no `document`), never when imported by a test or the main bundle.
if (typeof document === 'undefined' && 'WorkerGlobalScope' in globalThis) {
  serveChatDumpWorker(self as unknown as WorkerScope);
}
