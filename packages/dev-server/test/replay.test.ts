import { parseChatDump } from '@natter/core';
import { createReplayHandler } from '@natter/core/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DevServer } from '../src/index';
import { API_KEY, ORG_ID, TestClient, join, startServer, tempDir } from './testServer';
import type { Frame } from './testServer';

const PNG = new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
const basic = (org = ORG_ID, key = API_KEY) =>
  `Basic ${Buffer.from(`${org}:${key}`).toString('base64')}`;

let dir: ReturnType<typeof tempDir>;
let server: DevServer;
let clients: TestClient[];

beforeEach(async () => {
  dir = tempDir();
  server = await startServer(dir.path);
  clients = [];
});
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
  dir.remove();
});

async function replayLink(sessionId: string, auth = basic()): Promise<Response> {
  return fetch(`${server.url}/v2/sessions/${sessionId}/chat`, { headers: { Authorization: auth } });
}

/** Ada and Bob talk: texts (one edited, one pinned, one deleted, one formula-like), a private message, an image and a file. */
async function conversation(): Promise<{ sessionId: string; ids: string[] }> {
  const ada = await join(server, 'standup', { name: 'Ada', userId: 'user-ada' });
  const bob = await join(server, 'standup', { name: 'Bob "B" Smith', userId: 'user-bob' });
  const a = (await TestClient.join(server.url, ada.token)).client;
  const b = (await TestClient.join(server.url, bob.token)).client;
  clients.push(a, b);
  const ids: string[] = [];
  const say = async (client: TestClient, frame: Record<string, unknown>) => {
    const { messageId } = await client.ok(frame);
    ids.push(String(messageId));
    return String(messageId);
  };
  await say(a, { type: 'sendText', text: 'Morning, all' });
  const edited = await say(b, { type: 'sendText', text: 'line one,\n"line" two' });
  await b.ok({ type: 'edit', messageId: edited, text: 'line one,\n"line" two (edited)' });
  const pinned = await say(a, { type: 'sendText', text: '=HYPERLINK("http://evil")' });
  await a.ok({ type: 'pin', messageId: pinned });
  const doomed = await say(b, { type: 'sendText', text: 'oops' });
  await b.ok({ type: 'delete', messageId: doomed });
  ids.splice(ids.indexOf(doomed), 1);
  await a.ok({ type: 'sendText', text: 'private note', peerIds: ['user-bob'] });
  const upload = async (body: BodyInit, type: string, name: string) => {
    const response = await fetch(`${server.url}/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${ada.token}`,
        'Content-Type': type,
        'X-File-Name': encodeURIComponent(name),
      },
      body,
    });
    return ((await response.json()) as { data: { id: string } }).data.id;
  };
  await say(a, { type: 'sendImage', fileId: await upload(PNG, 'image/png', 'dot.png') });
  await say(a, { type: 'sendFile', fileId: await upload('%PDF', 'application/pdf', 'agenda.pdf') });
  await b.waitFor(
    'the last add',
    (f: Frame) => f.action === 'add' && (f.message as { type: string }).type === 'file',
  );
  return { sessionId: ada.sessionId, ids };
}

describe('Chat Replay API', () => {
  it('returns a signed, expiring URL whose CSV matches the conversation', async () => {
    const { sessionId, ids } = await conversation();
    const response = await replayLink(sessionId);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      success: boolean;
      data: { chat_download_url: string; chat_download_url_expiry: string };
    };
    expect(body.success).toBe(true);
    expect(Date.parse(body.data.chat_download_url_expiry)).toBeGreaterThan(Date.now());

    const dump = await fetch(body.data.chat_download_url, {
      headers: { Origin: 'http://localhost:5173' },
    });
    expect(dump.status).toBe(200);
    expect(dump.headers.get('access-control-allow-origin')).toBe('*');
    expect(dump.headers.get('access-control-expose-headers')).toContain('Content-Length');
    expect(dump.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await dump.text();
    expect(dump.headers.get('transfer-encoding')).toBe('chunked'); // streamed: see dumpStream.test.ts
    expect(text.split('\r\n')[0]).toBe(
      'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt',
    );

    const { messages, errors } = await parseChatDump(text);
    expect(errors).toEqual([]);
    expect(messages.map((m) => m.id)).toEqual(ids);
    expect(messages.map((m) => [m.type, m.userId, m.displayName, m.pinned, m.isEdited])).toEqual([
      ['text', 'user-ada', 'Ada', false, false],
      ['text', 'user-bob', 'Bob "B" Smith', false, true],
      ['text', 'user-ada', 'Ada', true, false],
      ['image', 'user-ada', 'Ada', false, false],
      ['file', 'user-ada', 'Ada', false, false],
    ]);
    expect(messages[1]).toMatchObject({
      message: 'line one,\n"line" two (edited)',
      sessionId,
      meetingId: 'standup',
    });
    expect(messages[2]).toMatchObject({ message: '=HYPERLINK("http://evil")' });
    expect(text).toContain(`'=HYPERLINK`);
    expect(messages[4]).toMatchObject({ name: 'agenda.pdf', size: 4 });
    expect(text).not.toContain('oops');
    expect(text).not.toContain('private note');
  });

  it('refuses bad credentials and unknown sessions with the Dyte error shape', async () => {
    const { sessionId } = await conversation();
    expect((await replayLink(sessionId, basic(ORG_ID, 'wrong'))).status).toBe(401);
    expect((await replayLink(sessionId, basic('other-org'))).status).toBe(401);
    expect((await replayLink(sessionId, `Bearer ${API_KEY}`)).status).toBe(200);
    const missing = await replayLink('no-such-session');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ success: false, error: { code: 'not-found' } });
  });

  it('answers 403 with a clear body for tampered and expired URLs', async () => {
    const { sessionId } = await conversation();
    const url = new URL(
      ((await (await replayLink(sessionId)).json()) as { data: { chat_download_url: string } }).data
        .chat_download_url,
    );
    const tamper = async (change: (u: URL) => void) => {
      const copy = new URL(url);
      change(copy);
      const response = await fetch(copy);
      return {
        status: response.status,
        body: (await response.json()) as {
          success: boolean;
          error: { code: string; message: string };
        },
      };
    };
    const signature = url.searchParams.get('signature') ?? '';
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
    for (const change of [
      (u: URL) => u.searchParams.set('signature', flipped),
      (u: URL) =>
        u.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 3_600_000)),
      (u: URL) => (u.pathname = u.pathname.replace(sessionId, 'another-session')),
      (u: URL) => u.searchParams.delete('signature'),
    ]) {
      const { status, body } = await tamper(change);
      expect(status).toBe(403);
      expect(body).toMatchObject({ success: false, error: { code: 'invalid-signature' } });
    }

    const shortDir = tempDir();
    const short = await startServer(shortDir.path, { downloadUrlTtlMs: 1 });
    try {
      const ada = await join(short, 'm', { name: 'Ada' });
      const link = await fetch(`${short.url}/v2/sessions/${ada.sessionId}/chat`, {
        headers: { Authorization: basic() },
      });
      const { data } = (await link.json()) as {
        data: { chat_download_url: string; chat_download_url_expiry: string };
      };
      await vi.waitUntil(() => Date.now() > Date.parse(data.chat_download_url_expiry), {
        interval: 1,
      });
      const expired = await fetch(data.chat_download_url);
      expect(expired.status).toBe(403);
      expect(await expired.json()).toMatchObject({
        success: false,
        error: { code: 'expired', message: expect.stringContaining('Replay API') },
      });
    } finally {
      await short.close();
      shortDir.remove();
    }
  });

  it('works end to end behind createReplayHandler({ provider: "dyte" })', async () => {
    const { sessionId, ids } = await conversation();
    const handler = createReplayHandler({
      provider: 'dyte',
      orgId: ORG_ID,
      apiKey: API_KEY,
      apiBase: server.url,
      public: true,
    });
    const response = await handler(
      new Request(`http://app.test/api/chat-replay?sessionId=${sessionId}`),
    );
    expect(response.status).toBe(200);
    const { url, expiresAt } = (await response.json()) as { url: string; expiresAt: string };
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const { messages } = await parseChatDump(await (await fetch(url)).text());
    expect(messages.map((m) => m.id)).toEqual(ids);

    const missing = await handler(new Request('http://app.test/api/chat-replay?sessionId=nope'));
    expect(missing.status).toBe(404);
    const wrongKey = createReplayHandler({
      provider: 'dyte',
      orgId: ORG_ID,
      apiKey: 'wrong',
      apiBase: server.url,
      public: true,
    });
    expect((await wrongKey(new Request(`http://app.test/x?sessionId=${sessionId}`))).status).toBe(
      502,
    );
  });
});
