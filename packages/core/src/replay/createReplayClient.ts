import { ReplayError, abortError } from './ReplayError';
import type { ReplayErrorCode } from './ReplayError';

/** A signed storage URL for a session's chat dump, valid until `expiresAt`. */
export interface ReplayLink {
  url: string;
  expiresAt: Date;
}

/** Ask the app for a link yourself (custom transport, auth headers, a server action, ...). */
export type FetchDownloadUrl = (
  sessionId: string,
  options: { signal?: AbortSignal; force: boolean },
) => Promise<{ url: string; expiresAt: Date | string | number }>;

/** Where links come from: the app's endpoint mounting `createReplayHandler`, or your own function. */
export type ReplayLinkSource = { endpoint: string } | { fetchDownloadUrl: FetchDownloadUrl };

export interface ReplayClientOptions {
  fetch?: typeof fetch;
  /** A link counts as stale this long before its expiry. Default 30 000 ms. */
  safetyMarginMs?: number;
  /** The clock, for tests. Default `Date.now`. */
  now?: () => number;
}

export interface ReplayClient {
  /**
   * Asks for a fresh link. No caching here: every call reaches the source (the hooks layer
   * caches with TanStack Query). `force` is passed to `fetchDownloadUrl`; endpoint answers are
   * `no-store` anyway.
   */
  getDownloadUrl(
    sessionId: string,
    options?: { signal?: AbortSignal; force?: boolean },
  ): Promise<ReplayLink>;
  /** Whether `link` is still usable: before its expiry minus the safety margin. */
  isFresh(link: ReplayLink): boolean;
  /** Milliseconds until `link` stops being fresh (0 when it already is stale): a `staleTime`. */
  msUntilStale(link: ReplayLink): number;
}

/**
 * The browser half of the Chat Replay API: gets `{ url, expiresAt }` from the app's endpoint
 * (`GET <endpoint>?sessionId=<id>`) and maps its error bodies to typed `ReplayError`s.
 *
 * @example
 * ```ts
 * const replay = createReplayClient({ endpoint: '/api/chat-replay' })
 * const blob = await downloadChatDump({
 *   getUrl: ({ force, signal }) => replay.getDownloadUrl(sessionId, { force, signal }),
 *   onProgress: ({ loaded, total }) => showProgress(loaded, total),
 * })
 * saveBlob(blob, `chat-${sessionId}.csv`)
 * ```
 */
export function createReplayClient(
  source: ReplayLinkSource,
  options: ReplayClientOptions = {},
): ReplayClient {
  const fetchImpl =
    options.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const margin = options.safetyMarginMs ?? 30_000;
  const now = options.now ?? Date.now;

  const fromEndpoint = async (
    endpoint: string,
    sessionId: string,
    signal: AbortSignal | undefined,
  ) => {
    const url = `${endpoint}${endpoint.includes('?') ? '&' : '?'}sessionId=${encodeURIComponent(sessionId)}`;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'GET',
        headers: { Accept: 'application/json' },
        signal,
      });
    } catch (cause) {
      if (signal?.aborted) throw abortError(signal);
      throw new ReplayError('network', undefined, { cause });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      if (signal?.aborted) throw abortError(signal);
      body = undefined;
    }
    if (!response.ok) throw endpointError(response, body);
    if (!isRecord(body))
      throw new ReplayError('bad-response', undefined, { status: response.status });
    return { url: body.url, expiresAt: body.expiresAt };
  };

  return {
    async getDownloadUrl(sessionId, { signal, force = false } = {}) {
      if (signal?.aborted) throw abortError(signal);
      let raw: { url: unknown; expiresAt: unknown };
      if ('endpoint' in source) {
        raw = await fromEndpoint(source.endpoint, sessionId, signal);
      } else {
        try {
          raw = await source.fetchDownloadUrl(sessionId, { force, signal });
        } catch (cause) {
          if (cause instanceof ReplayError) throw cause;
          if (signal?.aborted) throw abortError(signal);
          throw new ReplayError('endpoint-error', undefined, { cause });
        }
      }
      return toLink(raw);
    },
    isFresh(link) {
      return link.expiresAt.getTime() - margin > now();
    },
    msUntilStale(link) {
      return Math.max(0, link.expiresAt.getTime() - margin - now());
    },
  };
}

/** Validates a `{ url, expiresAt }` pair: an http(s) URL and a real date. */
export function toLink(raw: { url: unknown; expiresAt: unknown }): ReplayLink {
  if (typeof raw.url !== 'string')
    throw new ReplayError('bad-response', 'The chat export did not return a download URL.');
  let url: URL;
  try {
    url = new URL(raw.url, globalThis.location?.href);
  } catch (cause) {
    throw new ReplayError('bad-response', 'The chat export returned an invalid download URL.', {
      cause,
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ReplayError(
      'bad-response',
      'The chat export returned a download URL that is not http(s).',
    );
  }
  const expiresAt =
    raw.expiresAt instanceof Date
      ? new Date(raw.expiresAt.getTime())
      : typeof raw.expiresAt === 'string' || typeof raw.expiresAt === 'number'
        ? new Date(raw.expiresAt)
        : undefined;
  if (!expiresAt || Number.isNaN(expiresAt.getTime())) {
    throw new ReplayError(
      'bad-response',
      'The chat export did not say when its download URL expires.',
    );
  }
  return { url: url.href, expiresAt };
}

/** The handler's codes (see `createReplayHandler`) to ours. */
const HANDLER_CODES: Record<string, ReplayErrorCode> = {
  'invalid-session-id': 'invalid-session',
  forbidden: 'forbidden',
  'upstream-auth': 'upstream-auth',
  'session-not-found': 'not-found',
  'rate-limited': 'rate-limited',
  'upstream-error': 'upstream-error',
};

function endpointError(response: Response, body: unknown): ReplayError {
  const status = response.status;
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const handlerCode = typeof error?.code === 'string' ? HANDLER_CODES[error.code] : undefined;
  const code: ReplayErrorCode =
    handlerCode ??
    (status === 429
      ? 'rate-limited'
      : status === 401 || status === 403
        ? 'forbidden'
        : 'endpoint-error');
  const retryAfterMs =
    code === 'rate-limited' ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
  return new ReplayError(code, undefined, { status, retryAfterMs });
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
