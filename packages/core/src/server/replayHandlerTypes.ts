/** The replay handler's options and response bodies (`createReplayHandler`, `callReplayApi`). */

/** Error codes the handler puts in `{ error: { code, message } }` bodies. */
export type ReplayHandlerErrorCode =
  | 'method-not-allowed'
  | 'invalid-session-id'
  | 'forbidden'
  | 'upstream-auth'
  | 'session-not-found'
  | 'rate-limited'
  | 'upstream-error'
  /** The handler's own options are incomplete (a missing secret, for example): answered with 500. */
  | 'misconfigured';

/** The body of a successful response: the storage URL and when it stops working (ISO 8601). */
export interface ReplayLinkBody {
  url: string;
  expiresAt: string;
}

/** The body of every error response. `message` is ours, never the upstream's. */
export interface ReplayErrorBody {
  error: { code: ReplayHandlerErrorCode; message: string };
}

/**
 * Who may read a session's chat: a choice the app must make, because anyone who knows a session
 * id would otherwise get the whole chat.
 */
export type ReplayAccess =
  | {
      /**
       * Decides whether this request may read this session's chat (check the app's own session
       * cookie, meeting membership, ...). Returning `false` or throwing answers 403; the Replay
       * API is not called.
       */
      authorize: (request: Request, context: { sessionId: string }) => boolean | Promise<boolean>;
      public?: false;
    }
  | {
      /** Anyone who knows a session id may download that session's chat. */
      public: true;
      authorize?: undefined;
    };

interface CommonOptions {
  /**
   * Where the session id comes from. Default: the `sessionId` query parameter
   * (`GET /api/chat-replay?sessionId=...`). Override for path routing, e.g.
   * `(request) => new URL(request.url).pathname.split('/').at(-1)`.
   */
  getSessionId?: (request: Request) => string | null | undefined;
  /** API origin, for proxies and tests. Default: the provider's public API. */
  apiBase?: string;
  /** Give up on the Replay API after this long (answers 502). Default 10 000 ms. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * Told about every upstream failure, for server logs. The browser gets only a generic
   * message; this gets the upstream status and the underlying error (never the token).
   */
  onUpstreamError?: (details: {
    code: ReplayHandlerErrorCode;
    sessionId: string;
    status?: number;
    cause?: unknown;
  }) => void;
}

/** Cloudflare RealtimeKit: `Authorization: Bearer <API token>`. */
export type CloudflareReplayOptions = CommonOptions &
  ReplayAccess & {
    provider: 'cloudflare';
    accountId: string;
    appId: string;
    apiToken: string;
  };

/** Dyte: Basic auth with `orgId:apiKey`. */
export type DyteReplayOptions = CommonOptions &
  ReplayAccess & {
    provider: 'dyte';
    orgId: string;
    apiKey: string;
  };

export type ReplayHandlerOptions = CloudflareReplayOptions | DyteReplayOptions;
