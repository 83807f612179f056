import type { ChatDumpErrorCode, ChatDumpRowError } from './ChatDumpError';
import type { ChatDumpProgress } from './parseChatDump';
import type { PackedRows } from './chatDumpPacking';

/**
 * Main thread → worker. Either the whole input, or (when streams cannot be transferred) `start`,
 * `chunk`s and `end`; then a `taken` for each `rows` batch once the page has taken it in.
 */
export type ChatDumpWorkerRequest =
  | { type: 'parse'; input: Blob | ReadableStream<Uint8Array>; batchSize: number; batchMs: number }
  | { type: 'start'; batchSize: number; batchMs: number }
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'end' }
  | { type: 'taken' };

/** Worker → main thread. */
export type ChatDumpWorkerResponse =
  | { type: 'rows'; rows: PackedRows }
  | { type: 'progress'; progress: ChatDumpProgress }
  | { type: 'done'; errors: ChatDumpRowError[] }
  | { type: 'failed'; code: ChatDumpErrorCode | 'unknown'; message: string };
