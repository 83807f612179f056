/** createReplayHandler: who may read (authorize), hostile session ids, methods, secrets, configuration. */
import { describe, expect, it, vi } from 'vitest';
import { createReplayHandler } from './createReplayHandler';
import type { ReplayHandlerOptions } from './replayHandlerTypes';
import {
  TOKEN,
  ORG_ID,
  API_KEY,
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
