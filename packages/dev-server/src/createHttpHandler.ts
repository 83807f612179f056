import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteContext } from './RouteContext';
import { addParticipant, endSession, openJoin } from './handleParticipants';
import { getChatDownloadUrl, serveChatDump } from './handleReplayApi';
import { handleUpload } from './handleUpload';
import { BodyError, applyCors, sendHttpError, sendJson, sendPreflight } from './sendJson';
import { serveFile } from './serveFile';

type Handler = (
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  param: string,
  query: URLSearchParams,
) => unknown;

interface Route {
  method: string;
  pattern: RegExp;
  /** Browser-facing: gets CORS headers and preflights. Server-to-server routes do not. */
  cors: boolean;
  handle: Handler;
}

const ID = '([A-Za-z0-9_-]{1,128})';

/**
 * The HTTP routes:
 * - `POST /v1/meetings/:meetingId/participants` (API key) → participant token
 * - `POST /v1/meetings/:meetingId/join` (no key; only with `openJoin`) → participant token
 * - `POST /v1/sessions/:sessionId/end` (API key)
 * - `POST /v1/uploads` (participant token), `GET|HEAD /v1/files/:fileId`
 * - `GET /v2/sessions/:sessionId/chat` (Basic `orgId:apiKey`): the Chat Replay API
 * - `GET|HEAD /v1/sessions/:sessionId/chat.csv?expires&signature`: the signed download URL
 * - `GET /health`; the WebSocket endpoint `/v1/ws?token=…` is handled on `upgrade`.
 */
const ROUTES: Route[] = [
  {
    method: 'POST',
    pattern: new RegExp(`^/v1/meetings/${ID}/participants$`),
    cors: false,
    handle: addParticipant,
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/v1/meetings/${ID}/join$`),
    cors: true,
    handle: openJoin,
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/v1/sessions/${ID}/end$`),
    cors: false,
    handle: endSession,
  },
  { method: 'POST', pattern: /^\/v1\/uploads$/, cors: true, handle: handleUpload },
  { method: 'GET', pattern: new RegExp(`^/v1/files/${ID}$`), cors: true, handle: serveFile },
  {
    method: 'GET',
    pattern: new RegExp(`^/v2/sessions/${ID}/chat$`),
    cors: false,
    handle: getChatDownloadUrl,
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/sessions/${ID}/chat\\.csv$`),
    cors: true,
    handle: serveChatDump,
  },
  {
    method: 'GET',
    pattern: /^\/health$/,
    cors: true,
    handle: (_c, _q, res) => sendJson(res, 200, { ok: true }),
  },
];

/** The `request` listener of the dev server's `http.Server`. */
export function createHttpHandler(
  ctx: RouteContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://dev-server.invalid');
    const matches = ROUTES.map((r) => ({ route: r, match: r.pattern.exec(url.pathname) })).filter(
      (m) => m.match,
    );
    if (matches.length === 0) return sendHttpError(res, 404, 'not-found', 'No such route.');
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    const found = matches.find((m) => m.route.method === method);
    if (matches.some((m) => m.route.cors)) applyCors(req, res, ctx.options.corsOrigins);
    if (req.method === 'OPTIONS' && matches.some((m) => m.route.cors)) return sendPreflight(res);
    if (!found?.match) {
      const allow = [...new Set(matches.map((m) => m.route.method))].join(', ');
      return sendHttpError(res, 405, 'method-not-allowed', `Use ${allow}.`, { Allow: allow });
    }
    await found.route.handle(
      ctx,
      req,
      res,
      decodeURIComponent(found.match[1] ?? ''),
      url.searchParams,
    );
  }

  return (req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof BodyError)
        return sendHttpError(res, error.status, 'bad-request', error.message);
      ctx.logger.warn(`${req.method} ${req.url?.split('?')[0]} failed`, error);
      if (!res.headersSent)
        sendHttpError(res, 500, 'internal', 'The server could not handle this request.');
      else res.destroy();
    });
  };
}
