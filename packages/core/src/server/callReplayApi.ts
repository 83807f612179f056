import type {
  ReplayHandlerErrorCode,
  ReplayHandlerOptions,
  ReplayLinkBody,
} from './replayHandlerTypes';

/** How to reach one provider's Replay API: origin, path per session, and the Authorization header. */
export interface Credentials {
  base: string;
  path: (sessionId: string) => string;
  authorization: string;
}

/** Validates the options once, at creation, and prepares the upstream URL and credentials. */
export function checkOptions(options: ReplayHandlerOptions): Credentials {
  const required = (name: string, value: unknown): string => {
    if (typeof value !== 'string' || value === '') {
      throw new TypeError(
        `createReplayHandler: \`${name}\` is required for provider "${options.provider}".`,
      );
    }
    return value;
  };
  const base = (
    options.apiBase ??
    (options.provider === 'dyte' ? 'https://api.dyte.io' : 'https://api.cloudflare.com')
  ).replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(base))
    throw new TypeError('createReplayHandler: `apiBase` must be an http(s) URL.');
  if (options.provider === 'cloudflare') {
    const accountId = encodeURIComponent(required('accountId', options.accountId));
    const appId = encodeURIComponent(required('appId', options.appId));
    const token = required('apiToken', options.apiToken);
    return {
      base,
      path: (id) => `/client/v4/accounts/${accountId}/realtime/kit/${appId}/sessions/${id}/chat`,
      authorization: `Bearer ${token}`,
    };
  }
  if (options.provider === 'dyte') {
    const basic = btoa(`${required('orgId', options.orgId)}:${required('apiKey', options.apiKey)}`);
    return { base, path: (id) => `/v2/sessions/${id}/chat`, authorization: `Basic ${basic}` };
  }
  throw new TypeError(
    `createReplayHandler: unknown provider "${String((options as { provider?: unknown }).provider)}".`,
  );
}

export type UpstreamOutcome =
  | { link: ReplayLinkBody }
  | { code: ReplayHandlerErrorCode; status?: number; retryAfter?: string; cause?: unknown };

/** Calls the Replay API and turns whatever happens into a link or one of our error codes. */
export async function callReplayApi(
  fetchImpl: typeof fetch,
  credentials: Credentials,
  sessionId: string,
  timeoutMs: number,
): Promise<UpstreamOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(`${credentials.base}${credentials.path(sessionId)}`, {
      method: 'GET',
      headers: { Authorization: credentials.authorization, Accept: 'application/json' },
      // A redirect is not part of the API; never follow one with the token attached.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    return { code: 'upstream-error', cause };
  }
  const status = response.status;
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    if (status === 401 || status === 403) return { code: 'upstream-auth', status };
    if (status === 404) return { code: 'session-not-found', status };
    if (status === 429) {
      const retryAfter = safeRetryAfter(response.headers.get('Retry-After'));
      return { code: 'rate-limited', status, retryAfter };
    }
    return { code: 'upstream-error', status };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    return { code: 'upstream-error', status, cause };
  }
  const link = readLink(body);
  return link
    ? { link }
    : { code: 'upstream-error', status, cause: new Error('Unexpected Replay API response shape.') };
}

function readLink(body: unknown): ReplayLinkBody | undefined {
  if (!isRecord(body) || body.success !== true || !isRecord(body.data)) return undefined;
  const { chat_download_url: url, chat_download_url_expiry: expiry } = body.data;
  if (typeof url !== 'string') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const expiresAt = parseExpiry(expiry);
  return expiresAt ? { url: parsed.href, expiresAt: expiresAt.toISOString() } : undefined;
}

/** ISO strings, or epoch seconds / milliseconds as a number or numeric string. */
function parseExpiry(value: unknown): Date | undefined {
  let ms: number;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value))) {
    const n = Number(value);
    ms = n < 1e12 ? n * 1000 : n;
  } else if (typeof value === 'string') {
    ms = Date.parse(value);
  } else {
    return undefined;
  }
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

/** Passes `Retry-After` on only when it is a plain delay or an HTTP date: never arbitrary upstream text. */
function safeRetryAfter(value: string | null): string | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,6}$/.test(trimmed)) return trimmed;
  const date = Date.parse(trimmed);
  return Number.isFinite(date) ? new Date(date).toUTCString() : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
