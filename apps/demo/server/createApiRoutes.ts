import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReplayHandler } from '@natter/core/server';
import type { JoinResponse } from '../src/joinMeeting';
import {
  IDENTITY_TTL_MS,
  TAB_ID,
  clearIdentityCookie,
  identityCookieName,
  parseCookies,
  pruneIdentityCookies,
  setIdentityCookie,
  verifyIdentity,
} from './identity';
import type { Identity } from './identity';

export interface ApiRoutesOptions {
  /** The dev server's origin, read at every request (it changes only if the dev server moves). */
  devServerUrl(): string;
  /** Where browsers reach the chat server (default: `devServerUrl`); the demo proxies it. */
  chatUrl?(): string;
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
    const [id, mac] = (
      parseCookies(request.headers.get('cookie') ?? undefined).get(COOKIE) ?? ''
    ).split('.');
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

  /** Asks the dev server for a token for `identity` (its open session in that meeting). */
  async function mint(
    identity: Identity,
  ): Promise<JoinResponse | { status: number; message: string }> {
    const devServerUrl = options.devServerUrl();
    const { userId, displayName: name, meetingId, preset } = identity;
    let upstream: Response;
    try {
      upstream = await fetch(`${devServerUrl}/v1/meetings/${meetingId}/participants`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, userId, preset }),
        signal: AbortSignal.timeout(5000),
      });
    } catch (error) {
      options.log(`join: the dev server did not answer (${String(error)})`);
      return { status: 502, message: 'The chat server is not reachable.' };
    }
    const answer = (await upstream.json().catch(() => undefined)) as
      | { data?: { token: string; userId: string; displayName: string; sessionId: string } }
      | undefined;
    if (!upstream.ok || !answer?.data) {
      options.log(`join: the dev server answered ${upstream.status}`);
      return { status: 502, message: 'The chat server refused the join.' };
    }
    const { token, sessionId } = answer.data;
    const chatUrl = options.chatUrl?.() ?? devServerUrl;
    return {
      token,
      userId: answer.data.userId,
      displayName: answer.data.displayName,
      meetingId,
      sessionId,
      chatUrl,
      wsUrl: `${chatUrl.replace(/^http/, 'ws')}/v1/ws`,
      preset,
    };
  }

  /** Answers a join (new or resumed): the export cookie, and this tab's identity cookie renewed. */
  async function admit(
    req: IncomingMessage,
    res: ServerResponse,
    identity: Identity,
    tab: string | undefined,
  ): Promise<void> {
    const result = await mint(identity);
    if (!('token' in result))
      return sendJson(res, result.status, { error: { message: result.message } });
    const cookies = [
      `${COOKIE}=${result.sessionId}.${sign(result.sessionId)}; Path=/api; HttpOnly; SameSite=Strict`,
    ];
    if (tab) {
      cookies.push(setIdentityCookie(options.cookieSecret, tab, identity));
      const jar = parseCookies(req.headers.cookie);
      cookies.push(...pruneIdentityCookies(options.cookieSecret, jar, tab, Date.now()));
    }
    sendJson(res, 200, result, { 'Set-Cookie': cookies });
  }

  async function body(req: IncomingMessage, res: ServerResponse) {
    try {
      return (await readBody(req)) as Record<string, unknown>;
    } catch {
      sendJson(res, 400, { error: { message: 'Send a JSON body of at most 4 kB.' } });
      return undefined;
    }
  }
  const tabOf = (value: unknown): string | undefined =>
    typeof value === 'string' && TAB_ID.test(value) ? value : undefined;

  /** `POST /api/join { name, meetingId?, host?, tab? }`: a new person (this tab's identity). */
  async function join(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const input = await body(req, res);
    if (!input) return;
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    const meetingId = typeof input.meetingId === 'string' ? input.meetingId : 'demo-room';
    if (name.length === 0 || name.length > 60)
      return sendJson(res, 400, { error: { message: 'Your name must be 1 to 60 characters.' } });
    if (!SAFE_ID.test(meetingId))
      return sendJson(res, 400, { error: { message: 'The room name may use A-Z, 0-9, - and _.' } });
    if (input.tab !== undefined && !tabOf(input.tab))
      return sendJson(res, 400, {
        error: { message: '`tab` must be 8 to 64 of A-Z, 0-9, - and _.' },
      });
    // A demo: whoever ticks "Join as host" is one. A real app decides from its own accounts.
    const preset = input.host === true ? 'host' : 'participant';
    const identity: Identity = {
      userId: userIdFor(name),
      displayName: name,
      meetingId,
      preset,
      expiresAt: Date.now() + IDENTITY_TTL_MS,
    };
    await admit(req, res, identity, tabOf(input.tab));
  }

  /**
   * `POST /api/session { meetingId, tab }`: the same person again (after a reload or a restart),
   * from this tab's signed cookie; 401 when there is none valid for this tab and room (forged,
   * expired, another tab's or room's cookie is never honoured, and an unusable one is cleared).
   */
  async function session(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const input = await body(req, res);
    if (!input) return;
    const tab = tabOf(input.tab);
    const meetingId = typeof input.meetingId === 'string' ? input.meetingId : 'demo-room';
    const value = tab ? parseCookies(req.headers.cookie).get(identityCookieName(tab)) : undefined;
    const identity = tab ? verifyIdentity(options.cookieSecret, tab, value, Date.now()) : undefined;
    if (!tab || !identity || identity.meetingId !== meetingId) {
      const clear =
        tab && value !== undefined && !identity ? { 'Set-Cookie': clearIdentityCookie(tab) } : {};
      return sendJson(res, 401, { error: { message: 'Join the meeting first.' } }, clear);
    }
    await admit(req, res, { ...identity, expiresAt: Date.now() + IDENTITY_TTL_MS }, tab);
  }

  /** `POST /api/leave { tab }`: forgets this tab's identity (the next visit is a new person). */
  async function leave(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const input = await body(req, res);
    if (!input) return;
    const tab = tabOf(input.tab);
    sendJson(res, 200, { left: true }, tab ? { 'Set-Cookie': clearIdentityCookie(tab) } : {});
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

  const posts = new Map([
    ['/api/join', join],
    ['/api/session', session],
    ['/api/leave', leave],
  ]);

  /** Handles `/api/*`; resolves false when the path is not an API route. */
  return async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
    const post = posts.get(path);
    if (post) {
      if (req.method !== 'POST') sendJson(res, 405, { error: { message: 'Use POST.' } });
      else await post(req, res);
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
