import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReplayHandler } from '@natter/core/server';
import type { JoinResponse } from '../src/joinMeeting';

export interface ApiRoutesOptions {
  /** The dev server's origin, read at every request (it changes only if the dev server moves). */
  devServerUrl(): string;
  /** Server-side secrets: they never leave this process. */
  apiKey: string;
  orgId: string;
  /** Signs the cookie that lets a browser export the chat of a session it joined. */
  cookieSecret: string;
  log(message: string): void;
}

const COOKIE = 'natter-demo-session';
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_BODY = 4096;

function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    text += chunk.toString('utf8');
    if (text.length > MAX_BODY) throw new Error('too large');
  }
  return JSON.parse(text || '{}') as unknown;
}

/** A readable, unique user id (`ada-lovelace-3f9a1c`): the UI shows ids in "private to" labels. */
function userIdFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24);
  return `${slug || 'guest'}-${randomBytes(3).toString('hex')}`;
}

function cookieOf(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * The demo app's own backend, the part a production app writes: `POST /api/join` asks the chat
 * backend for a participant token with the API key (which the browser never sees), and
 * `GET /api/chat-replay` is `createReplayHandler` pointed at the dev server's Chat Replay API,
 * exactly as it would be pointed at Cloudflare's. Returns false for other paths.
 */
export function createApiRoutes(options: ApiRoutesOptions) {
  const sign = (sessionId: string): string =>
    createHmac('sha256', options.cookieSecret).update(sessionId).digest('base64url');
  /** A browser may export a session's chat when it joined that session (cookie set by /api/join). */
  const mayExport = (request: Request, sessionId: string): boolean => {
    const [id, mac] = (cookieOf(request.headers.get('cookie'), COOKIE) ?? '').split('.');
    if (id !== sessionId || !mac) return false;
    const expected = Buffer.from(sign(sessionId));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given);
  };

  let replay: { base: string; handler: (request: Request) => Promise<Response> } | undefined;
  const replayHandler = () => {
    const base = options.devServerUrl();
    if (replay?.base !== base) {
      replay = {
        base,
        handler: createReplayHandler({
          provider: 'dyte',
          orgId: options.orgId,
          apiKey: options.apiKey,
          apiBase: base,
          authorize: (request, { sessionId }) => mayExport(request, sessionId),
          onUpstreamError: ({ code, status }) =>
            options.log(`chat replay failed: ${code}${status ? ` (HTTP ${status})` : ''}`),
        }),
      };
    }
    return replay.handler;
  };

  async function join(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: { name?: unknown; meetingId?: unknown; host?: unknown };
    try {
      body = (await readBody(req)) as typeof body;
    } catch {
      return sendJson(res, 400, { error: { message: 'Send a JSON body of at most 4 kB.' } });
    }
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    const meetingId = typeof body.meetingId === 'string' ? body.meetingId : 'demo-room';
    if (name.length === 0 || name.length > 60)
      return sendJson(res, 400, { error: { message: 'Your name must be 1 to 60 characters.' } });
    if (!SAFE_ID.test(meetingId))
      return sendJson(res, 400, { error: { message: 'The room name may use A-Z, 0-9, - and _.' } });
    const preset = body.host === true ? 'host' : 'participant';
    const devServerUrl = options.devServerUrl();
    let upstream: Response;
    try {
      upstream = await fetch(`${devServerUrl}/v1/meetings/${meetingId}/participants`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' },
        // A demo: whoever ticks "Join as host" is one. A real app decides from its own accounts.
        body: JSON.stringify({ name, userId: userIdFor(name), preset }),
        signal: AbortSignal.timeout(5000),
      });
    } catch (error) {
      options.log(`join: the dev server did not answer (${String(error)})`);
      return sendJson(res, 502, { error: { message: 'The chat server is not reachable.' } });
    }
    const answer = (await upstream.json().catch(() => undefined)) as
      | { data?: { token: string; userId: string; displayName: string; sessionId: string } }
      | undefined;
    if (!upstream.ok || !answer?.data) {
      options.log(`join: the dev server answered ${upstream.status}`);
      return sendJson(res, 502, { error: { message: 'The chat server refused the join.' } });
    }
    const { token, userId, displayName, sessionId } = answer.data;
    const result: JoinResponse = {
      token,
      userId,
      displayName,
      meetingId,
      sessionId,
      chatUrl: devServerUrl,
      wsUrl: `${devServerUrl.replace(/^http/, 'ws')}/v1/ws`,
      preset,
    };
    sendJson(res, 200, result, {
      'Set-Cookie': `${COOKIE}=${sessionId}.${sign(sessionId)}; Path=/api; HttpOnly; SameSite=Strict`,
    });
  }

  async function chatReplay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = new Request(new URL(req.url ?? '/', 'http://demo.invalid'), {
      method: req.method ?? 'GET',
      headers: req.headers.cookie ? { cookie: req.headers.cookie } : {},
    });
    const response = await replayHandler()(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(await response.text());
  }

  /** Handles `/api/*`; resolves false when the path is not an API route. */
  return async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
    if (path === '/api/join') {
      if (req.method !== 'POST') sendJson(res, 405, { error: { message: 'Use POST.' } });
      else await join(req, res);
      return true;
    }
    if (path === '/api/chat-replay') {
      await chatReplay(req, res);
      return true;
    }
    if (path.startsWith('/api/')) {
      sendJson(res, 404, { error: { message: 'No such route.' } });
      return true;
    }
    return false;
  };
}
