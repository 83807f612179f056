import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { RouteContext } from './RouteContext';
import { checkApiKey } from './checkApiKey';
import { contentDisposition } from './contentDisposition';
import { sendHttpError, sendJson } from './sendJson';
import { writeChatDump } from './writeChatDump';

/**
 * `GET /v2/sessions/:sessionId/chat`, Dyte's Chat Replay API: Basic auth `orgId:apiKey` →
 * `{ success: true, data: { chat_download_url, chat_download_url_expiry } }` (ISO 8601).
 * 401 without valid credentials, 404 `{ success: false, ... }` for an unknown session.
 */
export function getChatDownloadUrl(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  sessionId: string,
): void {
  if (!checkApiKey(req, ctx.options.apiKey, ctx.options.orgId)) {
    return sendHttpError(res, 401, 'unauthorized', 'Basic auth with orgId:apiKey is required.', {
      'WWW-Authenticate': 'Basic realm="natter-dev"',
    });
  }
  if (!ctx.store.session(sessionId))
    return sendHttpError(res, 404, 'not-found', 'No session with this id.');
  const { url, expiresAt } = ctx.downloadLink(sessionId);
  sendJson(res, 200, {
    success: true,
    data: { chat_download_url: url, chat_download_url_expiry: expiresAt.toISOString() },
  });
}

/**
 * `GET|HEAD /v1/sessions/:sessionId/chat.csv?expires=…&signature=…`: the signed, expiring download
 * URL. 403 `{ success: false, error: { code: 'invalid-signature' | 'expired' } }` when tampered or
 * past its expiry; otherwise the CSV, streamed a page at a time with chunked encoding (no
 * `Content-Length`: the size is unknown until the last page). CORS is set by the router.
 */
export async function serveChatDump(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  sessionId: string,
  query: URLSearchParams,
): Promise<void> {
  const expires = query.get('expires') ?? '';
  if (!ctx.signer.verifyDownload(sessionId, expires, query.get('signature') ?? '')) {
    return sendHttpError(
      res,
      403,
      'invalid-signature',
      'This download URL is not valid: it was altered or not issued by this server.',
    );
  }
  if (Number(expires) <= Date.now()) {
    return sendHttpError(
      res,
      403,
      'expired',
      `This download URL expired at ${new Date(Number(expires)).toISOString()}. Ask the Replay API for a new one.`,
    );
  }
  const session = ctx.store.session(sessionId);
  if (!session) return sendHttpError(res, 404, 'not-found', 'No session with this id.');
  const headers = {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': contentDisposition('attachment', `chat-${sessionId}.csv`),
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  // The size is not known without writing the whole CSV: HEAD reads no row, GET is chunked.
  if (req.method === 'HEAD') return void res.writeHead(200, headers).end();
  const pages = writeChatDump(
    ctx.store,
    { id: session.id, meetingId: session.meeting_id },
    ctx.baseUrl(),
  );
  res.writeHead(200, headers);
  // One page at a time, and the next only once the socket has taken the last (back-pressure).
  const body = Readable.from(pages, { objectMode: false, highWaterMark: 64 * 1024 });
  try {
    await pipeline(body, res);
  } catch (error) {
    // The reader went away mid-download (closed tab, aborted fetch): nothing to answer.
    if (!res.destroyed) throw error;
  }
}
