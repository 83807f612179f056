import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createBroadcaster } from '../src/createBroadcaster';
import type { Recipient } from '../src/createBroadcaster';
import type { DevServer } from '../src/index';
import { connectDevChat } from '@natter/core';
import type { DevChat } from '@natter/core';
import { TestClient, join, silent, startServer, tempDir } from './testServer';

/** A socket that records what it is sent. */
function fakeSocket(userId: string, bufferedAmount = 0) {
  const sent: Buffer[] = [];
  const ws = {
    readyState: WebSocket.OPEN,
    bufferedAmount,
    send: (data: Buffer) => void sent.push(data),
  } as unknown as WebSocket;
  const recipient: Recipient = { ws, claims: { userId } };
  const events = () =>
    sent.map((frame) => (JSON.parse(frame.toString()) as { events: { seq: number }[] }).events);
  return { recipient, sent, events };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('createBroadcaster', () => {
  it('sends one turn of events as one frame per socket, the same buffer to the same view', async () => {
    const slow: WebSocket[] = [];
    const broadcaster = createBroadcaster({
      maxBufferedBytes: 1000,
      onTooSlow: (ws) => void slow.push(ws),
    });
    const ada = fakeSocket('ada');
    const bob = fakeSocket('bob');
    const cid = fakeSocket('cid');
    const lagging = fakeSocket('dan', 5000);
    const channel = broadcaster.channel([ada, bob, cid, lagging].map((s) => s.recipient));
    broadcaster.publish(channel, '{"seq":1}', null);
    broadcaster.publish(channel, '{"seq":2}', ['ada', 'bob']);
    broadcaster.publish(channel, '{"seq":3}', null);
    expect(ada.sent).toHaveLength(0); // nothing before the end of the turn
    await turn();

    expect(ada.events()).toEqual([[{ seq: 1 }, { seq: 2 }, { seq: 3 }]]);
    expect(bob.events()).toEqual([[{ seq: 1 }, { seq: 2 }, { seq: 3 }]]);
    expect(cid.events()).toEqual([[{ seq: 1 }, { seq: 3 }]]);
    expect(ada.sent[0]).toBe(bob.sent[0]); // built once, shared
    expect(lagging.sent).toHaveLength(0);
    expect(slow).toEqual([lagging.recipient.ws]);

    broadcaster.publish(channel, '{"seq":4}', ['bob']);
    broadcaster.flushAll();
    expect(bob.events().at(-1)).toEqual([{ seq: 4 }]);
    expect(ada.sent).toHaveLength(1); // nothing visible: no empty frame
  });
});

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

async function member(name: string) {
  const joined = await join(server, 'room', { name, userId: `user-${name.toLowerCase()}` });
  const { client, hello } = await TestClient.join(server.url, joined.token);
  clients.push(client);
  return { ...joined, client, hello };
}

describe('events on the wire', () => {
  it('come as `events` frames in sequence order, private ones only to their audience', async () => {
    const ada = await member('Ada');
    const bob = await member('Bob');
    const joined = await join(server, 'room', { name: 'Cid', userId: 'user-cid' });
    const raw = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/v1/ws?token=${encodeURIComponent(joined.token)}`,
    );
    const frames: { type: string; events?: { seq: number; message: { message?: string } }[] }[] =
      [];
    raw.on('message', (data) => frames.push(JSON.parse(String(data)) as (typeof frames)[number]));
    await new Promise((resolve) => raw.once('open', resolve));
    raw.send(JSON.stringify({ id: 'h', type: 'hello' }));

    await ada.client.waitFor('presence of Cid', (f) => f.type === 'presence');
    for (let i = 0; i < 5; i++)
      ada.client.ws.send(JSON.stringify({ id: `t${i}`, type: 'sendText', text: `public ${i}` }));
    await ada.client.ok({ type: 'sendText', text: 'for Bob', peerIds: [bob.userId] });
    await ada.client.ok({ type: 'sendText', text: 'last' });
    await bob.client.waitFor(
      'the last message',
      (f) => f.type === 'event' && (f.message as { message?: string }).message === 'last',
    );
    await new Promise<void>((resolve, reject) => {
      const hasLast = () => frames.some((f) => f.events?.some((e) => e.message.message === 'last'));
      const timer = setTimeout(() => reject(new Error('Cid never got the last message')), 2000);
      const check = () => {
        if (!hasLast()) return;
        clearTimeout(timer);
        raw.off('message', check);
        resolve();
      };
      raw.on('message', check);
      check();
    });
    raw.close();

    const events = frames.filter((f) => f.type === 'events').flatMap((f) => f.events ?? []);
    expect(frames.some((f) => f.type === 'event')).toBe(false);
    expect(events.map((e) => e.message.message)).toEqual([
      'public 0',
      'public 1',
      'public 2',
      'public 3',
      'public 4',
      'last',
    ]);
    const seqs = events.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(
      bob.client.events('add').map((f) => (f.message as { message: string }).message),
    ).toContain('for Bob');
  });
});

describe('presence', () => {
  it('lists who is connected on hello and announces first joins and last leaves', async () => {
    const ada = await member('Ada');
    expect(ada.hello.participants).toEqual([
      { userId: 'user-ada', displayName: 'Ada', preset: 'participant' },
    ]);
    const bob = await member('Bob');
    expect((bob.hello.participants as { userId: string }[]).map((p) => p.userId)).toEqual([
      'user-ada',
      'user-bob',
    ]);
    await ada.client.waitFor('Bob joins', (f) => f.type === 'presence' && f.action === 'join');

    // A second tab of Bob's is not a second Bob, and closing one of two tabs is not a leave.
    const { client: bobTab } = await TestClient.join(server.url, bob.token);
    await bobTab.close();
    await bob.client.close();
    const leave = await ada.client.waitFor(
      'Bob leaves',
      (f) => f.type === 'presence' && f.action === 'leave',
    );
    expect(leave.participant).toEqual({
      userId: 'user-bob',
      displayName: 'Bob',
      preset: 'participant',
    });
    expect(ada.client.frames.filter((f) => f.type === 'presence')).toHaveLength(2);
  });

  it('keeps connectDevChat.participants current and tells participantsUpdate listeners', async () => {
    const ada = await join(server, 'room', { name: 'Ada', userId: 'user-ada' });
    const bob = await join(server, 'room', { name: 'Bob', userId: 'user-bob' });
    const chats: DevChat[] = [];
    const open = async (token: string) => {
      const chat = await connectDevChat({ url: server.url, token, WebSocket, logger: silent });
      chats.push(chat);
      return chat;
    };
    const adaChat = await open(ada.token);
    expect(adaChat.participants.map((p) => p.displayName)).toEqual(['Ada']);
    const seen = (names: string[]) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (adaChat.participants.map((p) => p.displayName).join() !== names.join()) return;
          adaChat.off('participantsUpdate', check);
          resolve();
        };
        adaChat.on('participantsUpdate', check);
        check();
      });
    const bobChat = await open(bob.token);
    await seen(['Ada', 'Bob']);
    bobChat.close();
    await seen(['Ada']);
    for (const chat of chats) chat.close();
  });
});
