/** Why a whole chat dump could not be read. Row-level problems never throw (see {@link ChatDumpRowError}). */
export type ChatDumpErrorCode =
  /** Nothing but whitespace (or a byte-order mark). */
  | 'empty'
  /** The first non-blank line names none of the dump's columns (an HTML or XML error page, JSON, binary). */
  | 'not-csv'
  /** A header was found but lacks columns without which no message can be built. */
  | 'missing-columns'
  /** The Blob or stream failed while being read. */
  | 'read-failed'
  /** The parsing worker could not start or crashed. */
  | 'worker-failed';

/**
 * Thrown (as a rejected promise) when a chat dump is unusable as a whole.
 *
 * @example
 * ```ts
 * try { await parseChatDump(blob) } catch (e) {
 *   if (e instanceof ChatDumpError && e.code === 'missing-columns') console.warn(e.columns)
 * }
 * ```
 */
export class ChatDumpError extends Error {
  override readonly name = 'ChatDumpError';
  readonly code: ChatDumpErrorCode;
  /** For `missing-columns`: the required columns that were not found. */
  readonly columns: readonly string[];

  constructor(
    code: ChatDumpErrorCode,
    message: string,
    options?: { cause?: unknown; columns?: readonly string[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.columns = options?.columns ?? [];
  }
}

/** Machine-readable reasons a single row was skipped or partly read. */
export type ChatDumpRowErrorCode =
  /** Row skipped: a quoted field never closes, so it swallowed the rest of the file. */
  | 'unterminated-quote'
  /** Row kept if otherwise valid: a closing quote is followed by other characters. */
  | 'bad-quotes'
  /** Row skipped: it has fewer or more fields than the header. */
  | 'field-count'
  /** Row skipped: the `id` cell is blank. */
  | 'missing-id'
  /** Row skipped: an earlier row has the same `id` (the first one wins). */
  | 'duplicate-id'
  /** Row skipped: `createdAt` is neither an ISO 8601 date nor an epoch number. */
  | 'bad-date'
  /** Row kept without the flag: `pinned` or `isEdited` is not a boolean. */
  | 'bad-boolean'
  /** Row kept as a `custom` message holding the raw payload: an image/file payload was unreadable. */
  | 'bad-payload';

/** One problem with one row. The good rows around it are still returned. */
export interface ChatDumpRowError {
  code: ChatDumpRowErrorCode;
  /** 1-based index of the record among the data records (header and blank lines not counted). */
  row: number;
  /** 1-based physical line where the record starts (the header is usually line 1). */
  line: number;
  /** Readable explanation naming the row, the column and the value. */
  message: string;
  /** The column at fault, when there is one. */
  column?: string;
  /** True when the row produced no message. */
  skipped: boolean;
  /** The row's raw cells when it was skipped, so nothing is silently lost. */
  cells?: string[];
}
