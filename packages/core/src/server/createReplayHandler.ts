/**
 * The server half of the Chat Replay API (DESIGN.md section 2): a standard `Request → Response`
 * handler that the app mounts, so the API token stays on the server and the browser only ever
 * sees a short-lived storage URL.
 */

import { callReplayApi, checkOptions } from './callReplayApi';
import type {
  ReplayErrorBody,
  ReplayHandlerErrorCode,
  ReplayHandlerOptions,
  ReplayLinkBody,
} from './replayHandlerTypes';

type UpstreamErrorDetails = Parameters<NonNullable<ReplayHandlerOptions['onUpstreamError']>>[0];

/** What ids the handler forwards: UUIDs and similar. Anything else is refused before any upstream call. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

const MESSAGES: Record<ReplayHandlerErrorCode, string> = {
  'method-not-allowed': 'Only GET is supported.',
  'invalid-session-id': 'The session id is missing or malformed.',
  forbidden: 'You are not allowed to download this chat.',
  'upstream-auth':
    'The chat service rejected the server’s credentials. The app’s API token needs fixing.',
  'session-not-found': 'No chat was found for this session.',
  'rate-limited': 'Too many chat export requests. Retry later.',
  'upstream-error': 'The chat service did not return a download link. Retry later.',
  misconfigured: 'The chat export endpoint is not configured.',
};

/**
 * Creates the app's replay endpoint. It answers `GET ?sessionId=<id>` with
 * `{ url, expiresAt }` (ISO 8601, `Cache-Control: no-store`), or an error body
 * `{ error: { code, message } }`: 400 `invalid-session-id`, 403 `forbidden`, 404
 * `session-not-found`, 405 `method-not-allowed`, 429 `rate-limited` (with `Retry-After`),
 * 502 `upstream-auth` (the server's token is wrong, not the user) or `upstream-error`, 500
 * `misconfigured` naming the missing setting. Options are checked on the first request, not at
 * import, so an app builds (`next build`, CI) without its secrets.
 *
 * @example Next.js route handler (`app/api/chat-replay/route.ts`)
 * ```ts
 * import { createReplayHandler } from '@natter/core/server'
 *
 * const handler = createReplayHandler({
 *   provider: 'cloudflare',
 *   accountId: process.env.CF_ACCOUNT_ID!,
 *   appId: process.env.RTK_APP_ID!,
 *   apiToken: process.env.CF_API_TOKEN!,
 *   authorize: async (request, { sessionId }) => canSeeSession(await getUser(request), sessionId),
 * })
 * export { handler as GET }
 * ```
 *
 * @example Node `http` server
 * ```ts
 * import { createServer } from 'node:http'
 * import { createReplayHandler } from '@natter/core/server'
 *
 * // Anyone who knows a session id may export it: only for open meetings. Prefer `authorize`.
 * const handler = createReplayHandler({ provider: 'dyte', orgId, apiKey, public: true })
 * createServer(async (req, res) => {
 *   if (!req.url?.startsWith('/api/chat-replay')) return void res.writeHead(404).end()
 *   const response = await handler(new Request(new URL(req.url, 'http://localhost'), { method: req.method }))
 *   res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text())
 * }).listen(3000)
 * ```
 */
export function createReplayHandler(
  options: ReplayHandlerOptions,
): (request: Request) => Promise<Response> {
  // Who may download is a choice in code, not a secret: refuse to build without it.
  if (typeof options.authorize !== 'function' && options.public !== true) {
    throw new TypeError(
      'createReplayHandler: say who may download a chat: `authorize: (request, { sessionId }) => ' +
        'boolean` (check your own session or meeting membership), or `public: true` (anyone who ' +
        'knows a session id gets its whole chat).',
    );
  }
  let checked: ReturnType<typeof check> | undefined;
  const fetchImpl =
    options.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const getSessionId =
    options.getSessionId ??
    ((request: Request) => new URL(request.url).searchParams.get('sessionId'));

  return async function replayHandler(request) {
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: { Allow: 'GET, OPTIONS', 'Cache-Control': 'no-store' },
      });
    }
    if (request.method !== 'GET')
      return errorResponse(405, 'method-not-allowed', { Allow: 'GET, OPTIONS' });
    checked ??= check(options);
    if ('problem' in checked)
      return errorResponse(500, 'misconfigured', undefined, checked.problem);
    const { credentials } = checked;

    let sessionId: string | null | undefined;
    try {
      sessionId = getSessionId(request);
    } catch {
      sessionId = undefined;
    }
    if (typeof sessionId !== 'string' || !SAFE_ID.test(sessionId))
      return errorResponse(400, 'invalid-session-id');

    let allowed = options.public === true && typeof options.authorize !== 'function';
    if (typeof options.authorize === 'function') {
      try {
        allowed = (await options.authorize(request, { sessionId })) === true;
      } catch {
        allowed = false;
      }
    }
    if (!allowed) return errorResponse(403, 'forbidden');

    const outcome = await callReplayApi(fetchImpl, credentials, sessionId, timeoutMs);
    if ('link' in outcome) return jsonResponse(200, outcome.link);
    // The app's callback sees only the keys that have a value (it may log or compare them).
    const details: UpstreamErrorDetails = { code: outcome.code, sessionId };
    if (outcome.status !== undefined) details.status = outcome.status;
    if (outcome.cause !== undefined) details.cause = outcome.cause;
    options.onUpstreamError?.(details);
    const retryAfter =
      outcome.retryAfter === undefined ? undefined : { 'Retry-After': outcome.retryAfter };
    return errorResponse(
      outcome.code === 'session-not-found' ? 404 : outcome.code === 'rate-limited' ? 429 : 502,
      outcome.code,
      retryAfter,
    );
  };
}

/** Runs once, on the first request; the problem names the setting, never a secret's value. */
function check(options: ReplayHandlerOptions) {
  try {
    return { credentials: checkOptions(options) };
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    console.error(problem);
    return { problem };
  }
}

function jsonResponse(
  status: number,
  body: ReplayLinkBody | ReplayErrorBody,
  headers?: Record<string, string>,
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  });
}

function errorResponse(
  status: number,
  code: ReplayHandlerErrorCode,
  headers?: Record<string, string>,
  message = MESSAGES[code],
): Response {
  return jsonResponse(status, { error: { code, message } }, headers);
}
