import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DevServer } from '../src/index';
import { API_KEY, ORG_ID, SECRET, TestClient, join, startServer, tempDir } from './testServer';

let dir: ReturnType<typeof tempDir>;
let server: DevServer;
const opened: TestClient[] = [];

beforeEach(async () => {
  dir = tempDir();
  server = await startServer(dir.path);
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
  await server.close();
  dir.remove();
});

/** A token signed the way the server does, with any secret and claims. */
function forge(claims: Record<string, unknown>, secret = SECRET): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const mac = createHmac('sha256', secret)
    .update(`natter:participant\n${body}`)
    .digest('base64url');
  return `${body}.${mac}`;
}

async function refusedWith(token: string): Promise<{ code: number; error: unknown }> {
  const client = await TestClient.open(server.url, token);
  opened.push(client);
  const error = await client.waitFor('the unauthorized error', (f) => f.type === 'error');
  return { code: (await client.closed).code, error };
}

const valid = { userId: 'user-ada', displayName: 'Ada', meetingId: 'room', preset: 'participant' };

describe('participant tokens', () => {
  it('are refused when the signature is wrong, forged, expired or malformed', async () => {
    const real = (await join(server, 'room', { name: 'Ada', userId: 'user-ada' })).token;
    const [body, mac] = real.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const otherUser = Buffer.from(JSON.stringify({ ...claims, userId: 'user-bob' })).toString(
      'base64url',
    );
    const cases = [
      `${body}.${mac.slice(0, -2)}AA`, // tampered signature
      `${otherUser}.${mac}`, // another user's id under Ada's signature
      forge({ ...valid, exp: Date.now() + 60_000 }, 'not-the-server-secret-at-all'),
      forge({ ...valid, exp: Date.now() - 1 }), // expired
      forge({ ...valid, preset: 'admin', exp: Date.now() + 60_000 }), // unknown preset
      'garbage',
      '',
      `${body}.${mac}.extra`,
    ];
    for (const token of cases) {
      const { code, error } = await refusedWith(token);
      expect(code).toBe(4401);
      expect(error).toMatchObject({ type: 'error', code: 'unauthorized' });
    }
  });

  it('decide who speaks: the same token always speaks as its own user', async () => {
    const ada = await join(server, 'room', { name: 'Ada', userId: 'user-ada' });
    const { client, hello } = await TestClient.join(server.url, ada.token);
    opened.push(client);
    expect(hello.self).toEqual({ userId: 'user-ada', displayName: 'Ada', preset: 'participant' });
  });

  it('are issued only with the API key, and without it only by the opt-in open join', async () => {
    const post = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '{"name":"Mallory"}',
      });
    expect((await post('/v1/meetings/room/participants')).status).toBe(401);
    expect(
      (await post('/v1/meetings/room/participants', { Authorization: 'Bearer wrong' })).status,
    ).toBe(401);
    const wrongOrg = `Basic ${Buffer.from(`other-org:${API_KEY}`).toString('base64')}`;
    expect((await post('/v1/meetings/room/participants', { Authorization: wrongOrg })).status).toBe(
      401,
    );
    const basic = `Basic ${Buffer.from(`${ORG_ID}:${API_KEY}`).toString('base64')}`;
    expect((await post('/v1/meetings/room/participants', { Authorization: basic })).status).toBe(
      201,
    );
    expect((await post('/v1/meetings/room/join')).status).toBe(404);
    expect((await post('/v1/sessions/whatever/end')).status).toBe(401);

    const openDir = tempDir();
    const open = await startServer(openDir.path, { openJoin: true });
    try {
      const response = await fetch(`${open.url}/v1/meetings/room/join`, {
        method: 'POST',
        body: '{"name":"Guest","userId":"user-ada","preset":"host"}',
      });
      expect(response.status).toBe(201);
      const { data } = (await response.json()) as { data: { userId: string; preset: string } };
      expect(data.preset).toBe('participant');
      expect(data.userId).not.toBe('user-ada');
    } finally {
      await open.close();
      openDir.remove();
    }
  });

  it('refuses bad participant bodies', async () => {
    const post = (body: unknown) =>
      fetch(`${server.url}/v1/meetings/room/participants`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${API_KEY}` },
        body: JSON.stringify(body),
      });
    expect((await post({})).status).toBe(400);
    expect((await post({ name: 'A', preset: 'root' })).status).toBe(400);
    expect((await post({ name: 'A', userId: 5 })).status).toBe(400);
    expect((await post({ name: 'x'.repeat(101) })).status).toBe(400);
    expect(
      (await fetch(`${server.url}/v1/meetings/..%2F..%2Fetc/participants`, { method: 'POST' }))
        .status,
    ).toBe(404);
  });
});
