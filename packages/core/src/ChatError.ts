/** Machine-readable reasons a chat operation failed. */
export type ChatErrorCode =
  | 'too-long'
  | 'empty'
  | 'rate-limited'
  | 'file-too-large'
  | 'unsupported'
  | 'not-found'
  /** The backend (or the host's settings) does not allow it. */
  | 'forbidden'
  | 'network'
  | 'unknown';

/**
 * The one error type Natter throws or stores. `code` is for programs, `message` for people.
 *
 * @example
 * ```ts
 * try { await actions.sendText(text) } catch (e) {
 *   if (e instanceof ChatError && e.code === 'too-long') showCounter()
 * }
 * ```
 */
export class ChatError extends Error {
  override readonly name = 'ChatError';
  readonly code: ChatErrorCode;
  /** The SDK's own code where one was given (`ERR0503`, ...). */
  readonly sdkCode: string | undefined;

  constructor(
    code: ChatErrorCode,
    message: string,
    options?: { cause?: unknown; sdkCode?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.sdkCode = options?.sdkCode;
  }
}

const SDK_CODES: Record<string, ChatErrorCode> = {
  ERR0502: 'empty',
  ERR0503: 'too-long',
  ERR0013: 'rate-limited',
  ERR0504: 'not-found',
};

/** Turns whatever an SDK threw into a `ChatError`, keeping the original as `cause`. */
export function toChatError(error: unknown): ChatError {
  if (error instanceof ChatError) return error;
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  // The SDKs set `code: '0503'` and put `[ERR0503]` in the message; accept either form.
  const raw =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : undefined;
  const sdkCode = (raw && /^\d{4}$/.test(raw) ? `ERR${raw}` : raw) ?? /ERR\d{4}/.exec(text)?.[0];
  const mapped = sdkCode ? SDK_CODES[sdkCode] : undefined;
  if (mapped) return new ChatError(mapped, readable(mapped, text), { cause: error, sdkCode });
  if (raw === 'forbidden') {
    // The server's sentence without its bracketed code: "You may only change your own messages."
    const sentence = text.replace(/^\[forbidden\]\s*/i, '').trim();
    return new ChatError('forbidden', sentence || 'You are not allowed to do that here.', {
      cause: error,
    });
  }
  if (/network|fetch|socket|offline|disconnect|timeout/i.test(text)) {
    return new ChatError(
      'network',
      'The message could not reach the server. Check the connection and retry.',
      { cause: error, sdkCode: sdkCode || undefined },
    );
  }
  return new ChatError('unknown', text || 'Something went wrong.', {
    cause: error,
    sdkCode: sdkCode || undefined,
  });
}

function readable(code: ChatErrorCode, fallback: string): string {
  switch (code) {
    case 'empty':
      return 'The message is empty.';
    case 'too-long':
      return 'The message is longer than this chat allows.';
    case 'rate-limited':
      return 'You are sending messages too fast. Wait a moment and retry.';
    case 'not-found':
      return 'That message no longer exists.';
    default:
      return fallback || 'Something went wrong.';
  }
}
