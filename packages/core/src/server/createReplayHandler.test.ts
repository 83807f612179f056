import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReplayHandler } from './createReplayHandler';
import type { ReplayHandlerOptions } from './replayHandlerTypes';

const TOKEN = 'cf-secret-token-1234567890';
const ORG_ID = 'org-42';
const API_KEY = 'dyte-secret-key-abcdef';
const BASIC = `Basic ${Buffer.from(`${ORG_ID}:${API_KEY}`).toString('base64')}`;
const EXPIRY = '2030-01-01T12:00:00.000Z';

interface Call {
  method: string;
  path: string;
  authorization: string | undefined;
}

/** Plays both providers' documented Replay API. Session ids pick the scenario. */
let upstream: Server;
let apiBase: string;
let calls: Call[] = [];

function answer(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(body);
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://upstream').pathname;
  calls.push({ method: req.method ?? '', path, authorization: req.headers.authorization });
  const cloudflare =
    /^\/client\/v4\/accounts\/acc-1\/realtime\/kit\/app-1\/sessions\/([^/]+)\/chat$/.exec(path);
  const dyte = /^\/v2\/sessions\/([^/]+)\/chat$/.exec(path);
  const sessionId = cloudflare?.[1] ?? dyte?.[1];
  if (req.method !== 'GET' || sessionId === undefined) return answer(res, 404, '{"success":false}');
  const expected = cloudflare ? `Bearer ${TOKEN}` : BASIC;
  if (req.headers.authorization !== expected) {
    // A chatty upstream that echoes what it was sent: none of it may reach the browser.
    return answer(
      res,
      401,
      JSON.stringify({ success: false, error: `bad credentials: ${req.headers.authorization}` }),
      {
        'X-Upstream-Debug': String(req.headers.authorization),
      },
    );
  }
  switch (sessionId) {
    case 'missing':
      return answer(res, 404, '{"success":false,"error":{"message":"session not found"}}');
    case 'busy':
      return answer(res, 429, '{"success":false}', { 'Retry-After': '7' });
    case 'broken':
      return answer(res, 500, `internal error near ${TOKEN}`);
    case 'garbled':
      return answer(res, 200, '{"success": tru');
    case 'refused':
      return answer(res, 200, '{"success":false,"data":null}');
    case 'script-url':
      return answer(
        res,
        200,
        JSON.stringify({
          success: true,
          data: { chat_download_url: 'javascript:alert(1)', chat_download_url_expiry: EXPIRY },
        }),
      );
    default:
      return answer(
        res,
        200,
        JSON.stringify({
          success: true,
          data: {
            chat_download_url: `https://storage.example/${sessionId}.csv?X-Amz-Signature=abc`,
            chat_download_url_expiry: EXPIRY,
          },
        }),
      );
  }
}

beforeAll(async () => {
  upstream = createServer(route);
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

beforeEach(() => {
  calls = [];
});

function cloudflare(overrides: Partial<ReplayHandlerOptions> = {}) {
  return createReplayHandler({
    provider: 'cloudflare',
    accountId: 'acc-1',
    appId: 'app-1',
    apiToken: TOKEN,
    apiBase,
    public: true,
    ...overrides,
  } as ReplayHandlerOptions);
}

function dyte(overrides: Partial<ReplayHandlerOptions> = {}) {
  return createReplayHandler({
    provider: 'dyte',
    orgId: ORG_ID,
    apiKey: API_KEY,
    apiBase,
    public: true,
    ...overrides,
  } as ReplayHandlerOptions);
}

function get(sessionId: string, init?: RequestInit): Request {
  return new Request(
    `http://app.test/api/chat-replay?sessionId=${encodeURIComponent(sessionId)}`,
    init,
  );
}

/** Everything the browser would see: status line, headers and body. */
async function exposed(response: Response): Promise<{ body: unknown; text: string }> {
  const body = await response.text();
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  return { body: JSON.parse(body) as unknown, text: `${headers}\n${body}` };
}

function expectNoSecrets(text: string): void {
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain(BASIC.slice('Basic '.length));
  expect(text).not.toContain('bad credentials');
}

describe('createReplayHandler', () => {
  it('returns the Cloudflare download link and its expiry, uncached', async () => {
    const response = await cloudflare()(get('0b5b3f4e-9a1c-4c1e-8f55-6a0d2c1b7e11'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { body, text } = await exposed(response);
    expect(body).toEqual({
      url: 'https://storage.example/0b5b3f4e-9a1c-4c1e-8f55-6a0d2c1b7e11.csv?X-Amz-Signature=abc',
      expiresAt: EXPIRY,
    });
    expectNoSecrets(text);
    expect(calls).toEqual([
      {
        method: 'GET',
        path: '/client/v4/accounts/acc-1/realtime/kit/app-1/sessions/0b5b3f4e-9a1c-4c1e-8f55-6a0d2c1b7e11/chat',
        authorization: `Bearer ${TOKEN}`,
      },
    ]);
  });

  it('returns the Dyte download link using Basic auth', async () => {
    const response = await dyte()(get('sess_1'));
    expect(response.status).toBe(200);
    const { body, text } = await exposed(response);
    expect(body).toEqual({
      url: 'https://storage.example/sess_1.csv?X-Amz-Signature=abc',
      expiresAt: EXPIRY,
    });
    expectNoSecrets(text);
    expect(calls).toEqual([
      { method: 'GET', path: '/v2/sessions/sess_1/chat', authorization: BASIC },
    ]);
  });

  it('accepts an epoch-seconds expiry and normalises it to ISO', async () => {
    const handler = cloudflare({
      fetch: async () =>
        new Response(
          JSON.stringify({
            success: true,
            data: {
              chat_download_url: 'https://s.example/a.csv',
              chat_download_url_expiry: 1893499200,
            },
          }),
        ),
    });
    const { body } = await exposed(await handler(get('s1')));
    expect(body).toEqual({ url: 'https://s.example/a.csv', expiresAt: '2030-01-01T12:00:00.000Z' });
  });

  it('reports a wrong token as 502 upstream-auth, not as the browser being unauthorised', async () => {
    const handler = createReplayHandler({
      provider: 'cloudflare',
      accountId: 'acc-1',
      appId: 'app-1',
      apiToken: `${TOKEN}-wrong`,
      apiBase,
      public: true,
    });
    const response = await handler(get('s1'));
    expect(response.status).toBe(502);
    const { body, text } = await exposed(response);
    expect(body).toEqual({ error: { code: 'upstream-auth', message: expect.any(String) } });
    expectNoSecrets(text);
    expect(response.headers.get('x-upstream-debug')).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('reports a wrong Dyte key as 502 upstream-auth without echoing it', async () => {
    const response = await dyte({ apiKey: 'not-the-key' } as Partial<ReplayHandlerOptions>)(
      get('s1'),
    );
    expect(response.status).toBe(502);
    const { body, text } = await exposed(response);
    expect(body).toMatchObject({ error: { code: 'upstream-auth' } });
    expect(text).not.toContain('not-the-key');
    expect(text).not.toContain(btoa(`${ORG_ID}:not-the-key`));
  });

  it('maps an unknown or expired session to 404 session-not-found', async () => {
    const response = await cloudflare()(get('missing'));
    expect(response.status).toBe(404);
    const { body } = await exposed(response);
    expect(body).toEqual({
      error: { code: 'session-not-found', message: 'No chat was found for this session.' },
    });
  });

  it('passes 429 on with its Retry-After', async () => {
    const response = await dyte()(get('busy'));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    const { body } = await exposed(response);
    expect(body).toMatchObject({ error: { code: 'rate-limited' } });
  });

  it('maps an upstream 500 to 502 upstream-error without the upstream body', async () => {
    const response = await cloudflare()(get('broken'));
    expect(response.status).toBe(502);
    const { body, text } = await exposed(response);
    expect(body).toMatchObject({ error: { code: 'upstream-error' } });
    expect(text).not.toContain('internal error');
    expectNoSecrets(text);
  });

  it.each([
    ['malformed JSON', 'garbled'],
    ['success:false', 'refused'],
    ['a non-http download URL', 'script-url'],
  ])('maps %s to 502 upstream-error', async (_label, sessionId) => {
    const response = await cloudflare()(get(sessionId));
    expect(response.status).toBe(502);
    const { body, text } = await exposed(response);
    expect(body).toMatchObject({ error: { code: 'upstream-error' } });
    expect(text).not.toContain('javascript:');
  });

  it('maps an unreachable API to 502 upstream-error and reports the cause to the server', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const reported: unknown[] = [];
    const handler = cloudflare({
      apiBase: `http://127.0.0.1:${port}`,
      onUpstreamError: (details) => reported.push(details),
    });
    const response = await handler(get('s1'));
    expect(response.status).toBe(502);
    expect((await exposed(response)).body).toMatchObject({ error: { code: 'upstream-error' } });
    expect(reported).toEqual([
      { code: 'upstream-error', sessionId: 's1', cause: expect.any(Error) },
    ]);
  });

  it('answers 403 when authorize refuses or throws, without calling the API', async () => {
    const seen: string[] = [];
    const refusing = cloudflare({
      authorize: (request, { sessionId }) => {
        seen.push(`${request.headers.get('cookie')}|${sessionId}`);
        return false;
      },
    });
    const refused = await refusing(get('s1', { headers: { cookie: 'sid=u1' } }));
    expect(refused.status).toBe(403);
    expect((await exposed(refused)).body).toMatchObject({ error: { code: 'forbidden' } });
    expect(seen).toEqual(['sid=u1|s1']);

    const throwing = cloudflare({
      authorize: async () => {
        throw new Error('database down');
      },
    });
    const thrown = await throwing(get('s1'));
    expect(thrown.status).toBe(403);
    expect(await thrown.text()).not.toContain('database down');
    expect(calls).toEqual([]);
  });

  it('calls the API once authorize allows', async () => {
    const response = await cloudflare({ authorize: async () => true })(get('s1'));
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it.each([[''], ['..'], ['../../secrets'], ['a/b'], ['a b'], ['%2e%2e'], ['x'.repeat(129)]])(
    'refuses the session id %j with 400 before any upstream call',
    async (sessionId) => {
      const response = await cloudflare()(get(sessionId));
      expect(response.status).toBe(400);
      expect((await exposed(response)).body).toMatchObject({
        error: { code: 'invalid-session-id' },
      });
      expect(calls).toEqual([]);
    },
  );

  it('refuses a request without a session id', async () => {
    const response = await dyte()(new Request('http://app.test/api/chat-replay'));
    expect(response.status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('reads the session id from the path when told to', async () => {
    const handler = dyte({
      getSessionId: (request) => new URL(request.url).pathname.split('/').at(-1),
    });
    const response = await handler(new Request('http://app.test/api/chat-replay/sess_9'));
    expect(response.status).toBe(200);
    expect(calls[0]?.path).toBe('/v2/sessions/sess_9/chat');
  });

  it.each([['POST'], ['PUT'], ['DELETE'], ['HEAD']])('answers %s with 405', async (method) => {
    const response = await cloudflare()(get('s1', { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, OPTIONS');
    expect(calls).toEqual([]);
  });

  it('answers OPTIONS with the allowed methods', async () => {
    const response = await cloudflare()(get('s1', { method: 'OPTIONS' }));
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, OPTIONS');
    expect(calls).toEqual([]);
  });

  it('never puts a secret in any response, whatever the outcome', async () => {
    const handlers = [
      cloudflare(),
      dyte(),
      cloudflare({ apiToken: 'wrong' } as Partial<ReplayHandlerOptions>),
    ];
    const ids = ['ok-1', 'missing', 'busy', 'broken', 'garbled', 'refused', 'script-url', '../x'];
    for (const handler of handlers) {
      for (const id of ids) {
        const response = await handler(get(id));
        expect(response.headers.get('cache-control')).toBe('no-store');
        expectNoSecrets((await exposed(response)).text);
      }
    }
  });

  it('builds without secrets and answers a JSON 500 naming the missing setting', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Creating the handler must not throw: `next build` imports route modules without secrets.
    const cloudflareHandler = createReplayHandler({
      provider: 'cloudflare',
      accountId: process.env.NATTER_TEST_UNSET_ACCOUNT_ID as string,
      appId: 'b',
      apiToken: TOKEN,
      public: true,
    });
    const dyteHandler = createReplayHandler({
      provider: 'dyte',
      orgId: ORG_ID,
      apiKey: '',
      public: true,
    });

    for (const [handler, setting] of [
      [cloudflareHandler, 'accountId'],
      [dyteHandler, 'apiKey'],
    ] as const) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await handler(get('ok-1'));
        expect(response.status).toBe(500);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('misconfigured');
        expect(body.error.message).toContain(`\`${setting}\``);
        expect(JSON.stringify(body)).not.toContain(TOKEN);
      }
    }
    // Logged once per handler for the operator, not on every request.
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });

  it('refuses to be created without a choice of who may read a chat (authorize or public: true)', async () => {
    const open = { provider: 'dyte', orgId: ORG_ID, apiKey: API_KEY, apiBase } as const;
    // @ts-expect-error -- neither `authorize` nor `public: true`: anyone could read every chat
    expect(() => createReplayHandler(open)).toThrow(/authorize.*public: true/s);
    expect(() =>
      createReplayHandler({ ...open, public: false } as unknown as ReplayHandlerOptions),
    ).toThrow(/authorize/);
    expect(calls).toHaveLength(0);
    // An explicit public handler answers anyone who knows the session id.
    const publicHandler = createReplayHandler({ ...open, public: true });
    expect((await publicHandler(get('sess_1'))).status).toBe(200);
  });
});
