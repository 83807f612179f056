import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ChatUpdateEvent, Message } from '@natter/core';
import { connectDevChat } from '@natter/core';
import type { DevChat } from '@natter/core';
import type { DevServer } from '../src/index';
import { API_KEY, join, silent, startServer, tempDir } from './testServer';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

let dir: ReturnType<typeof tempDir>;
let server: DevServer;
let chats: DevChat[];

beforeEach(async () => {
  dir = tempDir();
  server = await startServer(dir.path, { maxTextLimit: 100, maxUploadBytes: 64 });
  chats = [];
});
afterEach(async () => {
  for (const chat of chats) chat.close();
  await server.close();
  dir.remove();
});

async function connect(body: Record<string, unknown>): Promise<DevChat> {
  const { token } = await join(server, 'm', body);
  const chat = await connectDevChat({ url: server.url, token, WebSocket, logger: silent });
  chats.push(chat);
  return chat;
}

function nextAdd(chat: DevChat, test: (m: Message) => boolean): Promise<Message> {
  return new Promise((resolve) => {
    const listener = (event: ChatUpdateEvent): void => {
      if (event.action !== 'add' || !('type' in event.message) || !test(event.message)) return;
      chat.off('chatUpdate', listener);
      resolve(event.message);
    };
    chat.on('chatUpdate', listener);
  });
}

describe('connectDevChat', () => {
  it('takes maxTextLimit, rate limits and identity from the server', async () => {
    const chat = await connect({ name: 'Ada', userId: 'user-ada', preset: 'host' });
    expect(chat.maxTextLimit).toBe(100);
    expect(chat.rateLimits).toEqual({ maxInvocations: 180, period: 60 });
    expect(chat.self).toMatchObject({ userId: 'user-ada', displayName: 'Ada', preset: 'host' });
    expect(chat.connectionState).toBe('connected');
    await expect(chat.sendTextMessage('x'.repeat(101))).rejects.toMatchObject({ code: '0503' });
  });

  it('uploads images and files before sending them, and reports upload refusals', async () => {
    const ada = await connect({ name: 'Ada' });
    const bob = await connect({ name: 'Bob' });
    const image = nextAdd(bob, (m) => m.type === 'image');
    await ada.sendImageMessage(new File([PNG], 'dot.png', { type: 'image/png' }));
    const link = (await image).type === 'image' ? ((await image) as { link: string }).link : '';
    const served = await fetch(link);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);

    const file = nextAdd(bob, (m) => m.type === 'file');
    await ada.sendFileMessage(new File(['hello'], 'notes ✓.txt', { type: 'text/plain' }));
    expect(await file).toMatchObject({ type: 'file', name: 'notes ✓.txt', size: 5 });

    await expect(
      ada.sendFileMessage(new File([new Uint8Array(65)], 'big.txt', { type: 'text/plain' })),
    ).rejects.toMatchObject({ code: 'file-too-large' });
    await expect(
      ada.sendFileMessage(new File(['<p>'], 'page.html', { type: 'text/html' })),
    ).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('sends private messages to the named peers, appending the sender to the caller’s array', async () => {
    const ada = await connect({ name: 'Ada', userId: 'user-ada' });
    const bob = await connect({ name: 'Bob', userId: 'user-bob' });
    const eve = await connect({ name: 'Eve', userId: 'user-eve' });
    const peers = ['user-bob'];
    const atBob = nextAdd(bob, (m) => m.type === 'text' && m.message === 'psst');
    await ada.sendTextMessage('psst', peers);
    expect(peers).toEqual(['user-bob', 'user-ada']);
    expect((await atBob).targetUserIds?.sort()).toEqual(['user-ada', 'user-bob']);
    const marker = nextAdd(eve, (m) => m.type === 'text' && m.message === 'public');
    await ada.sendTextMessage('public');
    await marker;
    expect(eve.messages.some((m) => m.type === 'text' && m.message === 'psst')).toBe(false);
    const privatePage = await bob.fetchPrivateMessages({
      userId: 'user-ada',
      timestamp: Date.now() + 1000,
      limit: 10,
      direction: 'before',
    });
    expect(privatePage.map((m) => m.id)).toEqual([(await atBob).id]);
  });

  it('pages history with fetchPublicMessages and fetchPinnedMessages', async () => {
    const ada = await connect({ name: 'Ada' });
    for (let i = 0; i < 5; i++) {
      const added = nextAdd(ada, (m) => m.type === 'text' && m.message === `p${i}`);
      await ada.sendTextMessage(`p${i}`);
      if (i === 1) await ada.pin((await added).id);
      else await added;
    }
    const text = (messages: Message[]) =>
      messages.map((m) => (m.type === 'text' ? m.message : m.type));
    const newest = await ada.fetchPublicMessages({
      timestamp: Date.now() + 1000,
      limit: 2,
      direction: 'before',
    });
    expect(text(newest)).toEqual(['p3', 'p4']);
    const older = await ada.fetchPublicMessages({
      timestamp: newest[0]!.timeMs!,
      limit: 10,
      direction: 'before',
    });
    expect(text(older)).toEqual(['p0', 'p1', 'p2']);
    expect(older[0]).toMatchObject({ link: '', html: '', images: [], size: 0 }); // RealtimeKit's placeholders
    expect(
      text(await ada.fetchPinnedMessages({ timestamp: 0, limit: 10, direction: 'after' })),
    ).toEqual(['p1']);
  });

  it('rejects a refused token, and fails pending requests on close and on session end', async () => {
    await expect(
      connectDevChat({ url: server.url, token: 'forged', WebSocket, logger: silent }),
    ).rejects.toMatchObject({ code: 'unauthorized' });

    const ada = await connect({ name: 'Ada' });
    const ended = new Promise((resolve) =>
      ada.on('connectionStateChange', (e) => e.state === 'failed' && resolve(e.reason)),
    );
    await fetch(`${server.url}/v1/sessions/${ada.sessionId}/end`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${API_KEY}` },
    });
    expect(await ended).toBe('session-ended');
    await expect(ada.sendTextMessage('too late')).rejects.toMatchObject({ code: '0012' });

    const bob = await connect({ name: 'Bob' });
    bob.close();
    expect(bob.connectionState).toBe('closed');
    await expect(bob.pin('anything')).rejects.toMatchObject({ code: '0012' });
  });

  it('refuses a connection over the per-user limit with the server’s readable reason', async () => {
    await server.close();
    server = await startServer(dir.path, { maxConnectionsPerUser: 1 });
    const { token } = await join(server, 'm', { name: 'Ada', userId: 'user-ada' });
    const first = await connectDevChat({ url: server.url, token, WebSocket, logger: silent });
    chats.push(first);
    const second = connectDevChat({ url: server.url, token, WebSocket, logger: silent });
    await expect(second).rejects.toMatchObject({
      code: 'too-many-connections',
      message: expect.stringMatching(/1 connections open/),
    });
    await first.sendTextMessage('the first tab still works');
  });
});
