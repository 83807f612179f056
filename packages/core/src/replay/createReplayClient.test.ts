import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplayHandler } from '../server/createReplayHandler';
import { ReplayError } from './ReplayError';
import { createReplayClient } from './createReplayClient';

const TOKEN = 'cf-token-for-client-tests';
const EXPIRY = '2030-01-01T12:00:00.000Z';

/**
 * One real server playing both sides: the app, which mounts `createReplayHandler` under
 * `/api/...` as the TSDoc's Node example does, and the Cloudflare Replay API it calls.
 */
let server: Server;
let base: string;

async function mount(
  handler: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const response = await handler(
    new Request(new URL(req.url ?? '/', base), { method: req.method ?? 'GET' }),
  );
  res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
}

beforeAll(async () => {
  let handler: (request: Request) => Promise<Response> = async () =>
    new Response(null, { status: 503 });
  let wrongToken = handler;
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', base).pathname;
    const upstream =
      /^\/client\/v4\/accounts\/acc\/realtime\/kit\/app\/sessions\/([^/]+)\/chat$/.exec(path);
    if (upstream) {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401).end();
      if (upstream[1] === 'missing') return void res.writeHead(404).end();
      if (upstream[1] === 'busy') return void res.writeHead(429, { 'Retry-After': '7' }).end();
      const data = {
        chat_download_url: `https://storage.example/${upstream[1]}.csv`,
        chat_download_url_expiry: EXPIRY,
      };
      return void res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ success: true, data }));
    }
    if (path === '/api/chat-replay') return void mount(handler, req, res);
    if (path === '/api/wrong-token') return void mount(wrongToken, req, res);
    if (path === '/api/html')
      return void res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<!doctype html><p>app shell');
    if (path === '/api/crash') return void res.writeHead(500).end('Internal Server Error');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const common = { provider: 'cloudflare', accountId: 'acc', appId: 'app', apiBase: base } as const;
  handler = createReplayHandler({
    ...common,
    apiToken: TOKEN,
    authorize: (_request, { sessionId }) => sessionId !== 'denied',
  });
  wrongToken = createReplayHandler({ ...common, apiToken: 'stale-token', public: true });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(promise: Promise<unknown>): Promise<ReplayError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReplayError);
  return error as ReplayError;
}

describe('createReplayClient', () => {
  it('gets the link from the app endpoint, as a URL and a Date', async () => {
    const client = createReplayClient({ endpoint: `${base}/api/chat-replay` });
    await expect(client.getDownloadUrl('s-1')).resolves.toEqual({
      url: 'https://storage.example/s-1.csv',
      expiresAt: new Date(EXPIRY),
    });
  });

  it.each([
    ['missing', '/api/chat-replay', 'not-found', 404],
    ['busy', '/api/chat-replay', 'rate-limited', 429],
    ['denied', '/api/chat-replay', 'forbidden', 403],
    ['a/b', '/api/chat-replay', 'invalid-session', 400],
    ['s-1', '/api/wrong-token', 'upstream-auth', 502],
    ['s-1', '/api/crash', 'endpoint-error', 500],
    ['s-1', '/api/nowhere', 'endpoint-error', 404],
  ])('maps session %j at %s to %s', async (sessionId, path, code, status) => {
    const client = createReplayClient({ endpoint: `${base}${path}` });
    const error = await failure(client.getDownloadUrl(sessionId));
    expect(error).toMatchObject({ code, status });
    expect(error.message).not.toBe('');
  });

  it('reads Retry-After on rate limiting', async () => {
    const client = createReplayClient({ endpoint: `${base}/api/chat-replay` });
    const error = await failure(client.getDownloadUrl('busy'));
    expect(error.retryAfterMs).toBe(7000);
    expect(error.retryable).toBe(true);
  });

  it('calls a non-JSON 200 a bad response', async () => {
    const client = createReplayClient({ endpoint: `${base}/api/html` });
    expect((await failure(client.getDownloadUrl('s-1'))).code).toBe('bad-response');
  });

  it('appends the session id to an endpoint that already has a query', async () => {
    const seen: string[] = [];
    const client = createReplayClient(
      { endpoint: '/api/replay?tenant=t1' },
      {
        fetch: async (input) => {
          seen.push(String(input));
          return Response.json({ url: 'https://s.example/x.csv', expiresAt: EXPIRY });
        },
      },
    );
    await client.getDownloadUrl('a b');
    expect(seen).toEqual(['/api/replay?tenant=t1&sessionId=a%20b']);
  });

  it('reports an unreachable endpoint as a network error, and an abort as aborted', async () => {
    const offline = createReplayClient(
      { endpoint: '/x' },
      { fetch: () => Promise.reject(new TypeError('Failed to fetch')) },
    );
    expect((await failure(offline.getDownloadUrl('s'))).code).toBe('network');

    const client = createReplayClient({ endpoint: `${base}/api/chat-replay` });
    expect((await failure(client.getDownloadUrl('s', { signal: AbortSignal.abort() }))).code).toBe(
      'aborted',
    );
  });

  it('uses fetchDownloadUrl, passing force, and validates what it returns', async () => {
    const forces: boolean[] = [];
    const client = createReplayClient({
      fetchDownloadUrl: async (sessionId, { force }) => {
        forces.push(force);
        return sessionId === 'evil'
          ? { url: 'javascript:alert(1)', expiresAt: EXPIRY }
          : { url: `https://s.example/${sessionId}.csv`, expiresAt: Date.parse(EXPIRY) };
      },
    });
    await expect(client.getDownloadUrl('s', { force: true })).resolves.toEqual({
      url: 'https://s.example/s.csv',
      expiresAt: new Date(EXPIRY),
    });
    expect((await failure(client.getDownloadUrl('evil'))).code).toBe('bad-response');
    expect(forces).toEqual([true, false]);
  });

  it('treats a link as fresh until its expiry minus the safety margin', () => {
    let now = Date.parse('2030-01-01T11:59:00.000Z');
    const client = createReplayClient(
      { endpoint: '/x' },
      { safetyMarginMs: 30_000, now: () => now },
    );
    const link = { url: 'https://s.example/a.csv', expiresAt: new Date(EXPIRY) };
    expect(client.isFresh(link)).toBe(true);
    expect(client.msUntilStale(link)).toBe(30_000);
    now += 29_999;
    expect(client.isFresh(link)).toBe(true);
    now += 1;
    expect(client.isFresh(link)).toBe(false);
    expect(client.msUntilStale(link)).toBe(0);
  });
});
