/** The upstream Replay API (both providers, on loopback) and helpers of the createReplayHandler tests. */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createReplayHandler } from '../src/server/createReplayHandler';
import type { ReplayHandlerOptions } from '../src/server/replayHandlerTypes';

export const TOKEN = 'cf-secret-token-1234567890';
export const ORG_ID = 'org-42';
export const API_KEY = 'dyte-secret-key-abcdef';
export const BASIC = `Basic ${Buffer.from(`${ORG_ID}:${API_KEY}`).toString('base64')}`;
export const EXPIRY = '2030-01-01T12:00:00.000Z';

export interface Call {
  method: string;
  path: string;
  authorization: string | undefined;
}

/** Plays both providers' documented Replay API. Session ids pick the scenario. */
let upstream: Server;
export let apiBase: string;
export let calls: Call[] = [];

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

/** Starts the upstream for the calling test file (closed after it) and clears `calls` before each test. */
export function startUpstream(): void {
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
}

export function cloudflare(overrides: Partial<ReplayHandlerOptions> = {}) {
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

export function dyte(overrides: Partial<ReplayHandlerOptions> = {}) {
  return createReplayHandler({
    provider: 'dyte',
    orgId: ORG_ID,
    apiKey: API_KEY,
    apiBase,
    public: true,
    ...overrides,
  } as ReplayHandlerOptions);
}

export function get(sessionId: string, init?: RequestInit): Request {
  return new Request(
    `http://app.test/api/chat-replay?sessionId=${encodeURIComponent(sessionId)}`,
    init,
  );
}

/** Everything the browser would see: status line, headers and body. */
export async function exposed(response: Response): Promise<{ body: unknown; text: string }> {
  const body = await response.text();
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  return { body: JSON.parse(body) as unknown, text: `${headers}\n${body}` };
}

export function expectNoSecrets(text: string): void {
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain(BASIC.slice('Basic '.length));
  expect(text).not.toContain('bad credentials');
}
