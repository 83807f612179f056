import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createReplayHandler } from './createReplayHandler';
import type { ReplayHandlerOptions } from './replayHandlerTypes';
import {
  TOKEN,
  ORG_ID,
  BASIC,
  EXPIRY,
  apiBase,
  calls,
  cloudflare,
  dyte,
  get,
  exposed,
  expectNoSecrets,
  startUpstream,
} from '../../test/replayUpstream';

startUpstream();

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
});
