/** Machine-readable reasons getting or downloading a chat dump failed. */
export type ReplayErrorCode =
  /** The app's replay endpoint failed or answered something Natter does not understand. */
  | 'endpoint-error'
  /** The session id was refused as malformed. */
  | 'invalid-session'
  /** The app refused this user access to this session's chat. */
  | 'forbidden'
  /** The app's server credentials for the Replay API are wrong: a deployment problem, not the user's. */
  | 'upstream-auth'
  /** The Replay API failed or was unreachable. Retrying later may help. */
  | 'upstream-error'
  /** No chat exists for this session (or it is no longer available). */
  | 'not-found'
  | 'rate-limited'
  /** The download link had expired, and a fresh one did not help. */
  | 'expired'
  /** Storage refused the download link even after a fresh one was fetched. */
  | 'storage-forbidden'
  /** Storage answered with another error status. */
  | 'storage-error'
  /** The request never got an answer: offline, DNS, or blocked by CORS. */
  | 'network'
  | 'aborted'
  /** A response arrived but was not what was expected (not JSON, missing or unsafe URL, truncated body). */
  | 'bad-response'
  /** The environment lacks what is needed (no `document` for `saveBlob`). */
  | 'unsupported';

const MESSAGES: Record<ReplayErrorCode, string> = {
  'endpoint-error': 'The chat export service failed. Retry later.',
  'invalid-session': 'This session id is not valid.',
  forbidden: 'You are not allowed to download this chat.',
  'upstream-auth':
    'The chat export is misconfigured on the server (its API credentials were rejected).',
  'upstream-error': 'The chat service did not provide a download link. Retry later.',
  'not-found': 'No chat was found for this session.',
  'rate-limited': 'Too many chat export requests. Wait a moment and retry.',
  expired: 'The download link expired and a fresh one could not be used.',
  'storage-forbidden': 'The storage server refused the download, even with a fresh link.',
  'storage-error': 'The storage server could not deliver the chat file.',
  network: 'The chat export service could not be reached. Check the connection and retry.',
  aborted: 'The download was cancelled.',
  'bad-response': 'The chat export returned an unexpected response.',
  unsupported: 'Saving files is not supported here.',
};

const RETRYABLE: ReadonlySet<ReplayErrorCode> = new Set([
  'endpoint-error',
  'upstream-error',
  'rate-limited',
  'network',
  'storage-error',
]);

/**
 * The one error type of the replay/export path. `code` is for programs, `message` for people.
 *
 * @example
 * ```ts
 * try { await downloadChatDump({ getUrl }) } catch (e) {
 *   if (e instanceof ReplayError && e.code === 'aborted') return
 *   showError(e instanceof ReplayError ? e.message : 'Export failed')
 * }
 * ```
 */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
  readonly code: ReplayErrorCode;
  /** The HTTP status behind the error, when there was one. */
  readonly status: number | undefined;
  /** From `Retry-After`, on `rate-limited`. */
  readonly retryAfterMs: number | undefined;
  /** Whether trying again later may succeed (for TanStack Query's `retry`). */
  readonly retryable: boolean;

  constructor(
    code: ReplayErrorCode,
    message?: string,
    options?: { cause?: unknown; status?: number; retryAfterMs?: number },
  ) {
    super(
      message ?? MESSAGES[code],
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.status = options?.status;
    this.retryAfterMs = options?.retryAfterMs;
    this.retryable = RETRYABLE.has(code);
  }
}

/** A `ReplayError('aborted')` carrying the signal's reason as `cause`. */
export function abortError(signal: AbortSignal | undefined): ReplayError {
  return new ReplayError(
    'aborted',
    undefined,
    signal?.reason === undefined ? undefined : { cause: signal.reason },
  );
}
