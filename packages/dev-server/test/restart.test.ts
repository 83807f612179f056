import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ChatUpdateEvent, Message } from '@natter/core';
import { connectDevChat } from '@natter/core';
import type { DevChat, DevChatSocketConstructor, DevConnectionState } from '@natter/core';
import type { DevServer } from '../src/index';
import { join, silent, startServer, tempDir } from './testServer';

let dir: ReturnType<typeof tempDir>;
let servers: DevServer[];
let chats: DevChat[];

beforeEach(() => {
  dir = tempDir();
  servers = [];
  chats = [];
});
afterEach(async () => {
  for (const chat of chats) chat.close();
  for (const server of servers) await server.close();
  dir.remove();
});

async function start(port = 0): Promise<DevServer> {
  const server = await startServer(dir.path, { port });
  servers.push(server);
  return server;
}

/** A WebSocket class whose connections the test can cut, and keep cut, while the server stays up. */
function cuttableWebSocket() {
  const open = new Set<WebSocket>();
  let offline = false;
  class Cuttable extends WebSocket {
    constructor(url: string) {
      super(offline ? 'ws://127.0.0.1:1/v1/ws' : url);
      open.add(this);
      this.on('close', () => open.delete(this));
    }
  }
  return {
    WebSocket: Cuttable,
    cut() {
      offline = true;
      for (const socket of open) socket.terminate();
    },
    restore() {
      offline = false;
    },
  };
}

async function connect(
  server: DevServer,
  token: string,
  WebSocketImpl: DevChatSocketConstructor = WebSocket,
): Promise<DevChat> {
  const chat = await connectDevChat({
    url: server.url,
    token,
    WebSocket: WebSocketImpl,
    logger: silent,
    reconnect: { minDelayMs: 10, maxDelayMs: 40 },
  });
  chats.push(chat);
  return chat;
}

function record(chat: DevChat) {
  const updates: ChatUpdateEvent[] = [];
  const pins: string[] = [];
  chat.on('chatUpdate', (e) => updates.push(e));
  chat.on('pinMessage', (e) => pins.push(e.message.id));
  return { updates, pins };
}

function until<T>(
  chat: DevChat,
  what: string,
  probe: () => T | undefined,
  timeoutMs = 3000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const found = probe();
      if (found === undefined) return;
      cleanup();
      resolve(found);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Timed out waiting for ${what}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      chat.off('chatUpdate', check);
      chat.off('connectionStateChange', check);
    };
    chat.on('chatUpdate', check);
    chat.on('connectionStateChange', check);
    check();
  });
}

const state = (chat: DevChat, wanted: DevConnectionState) =>
  until(chat, `state ${wanted}`, () => (chat.connectionState === wanted ? true : undefined));
const textOf = (m: ChatUpdateEvent['message'] | Message): string | undefined =>
  'type' in m && m.type === 'text' ? m.message : undefined;
const has = (chat: DevChat, text: string) =>
  until(chat, `"${text}"`, () => chat.messages.find((m) => textOf(m) === text));
const ids = (chat: DevChat) => chat.messages.map((m) => m.id);

describe('resync after a dropped connection', () => {
  it('delivers missed adds, edits, deletes and pins once, and sends what was queued', async () => {
    const server = await start();
    const cuttable = cuttableWebSocket();
    const a = await connect(
      server,
      (await join(server, 'm', { name: 'Ada', userId: 'user-ada' })).token,
      cuttable.WebSocket,
    );
    const b = await connect(
      server,
      (await join(server, 'm', { name: 'Bob', userId: 'user-bob' })).token,
    );
    for (const text of ['one', 'two', 'three']) await b.sendTextMessage(text);
    const [one, two, three] = await Promise.all(['one', 'two', 'three'].map((t) => has(a, t)));
    const seen = record(a);

    cuttable.cut();
    await state(a, 'reconnecting');
    await b.sendTextMessage('four');
    await b.editTextMessage(one!.id, 'one (edited)');
    await b.deleteMessage(two!.id);
    await b.pin(three!.id);
    await b.sendTextMessage('ghost');
    const ghost = await has(b, 'ghost');
    await b.deleteMessage(ghost.id);
    await until(b, 'ghost gone', () =>
      b.messages.some((m) => m.id === ghost.id) ? undefined : true,
    );
    const queued = a.sendTextMessage('sent while offline');

    cuttable.restore();
    await queued;
    await has(b, 'sent while offline');
    await has(a, 'sent while offline');
    expect(a.connectionState).toBe('connected');
    const adds = seen.updates.filter((u) => u.action === 'add').map((u) => textOf(u.message));
    expect(adds).toEqual(['four', 'sent while offline']);
    expect(
      seen.updates.find((u) => u.action === 'edit' && u.message.id === one!.id)?.message,
    ).toMatchObject({ message: 'one (edited)', isEdited: true });
    expect(seen.updates.filter((u) => u.action === 'delete').map((u) => u.message.id)).toEqual([
      two!.id,
    ]);
    expect(seen.pins).toEqual([three!.id]);
    expect(ids(a)).toEqual(ids(b));
    expect(new Set(ids(a)).size).toBe(ids(a).length);
  });
});

describe('restart on the same data directory', () => {
  it('keeps the history, and connected clients resync without duplicates', async () => {
    const first = await start();
    const ada = await join(first, 'm', { name: 'Ada', userId: 'user-ada' });
    const bob = await join(first, 'm', { name: 'Bob', userId: 'user-bob' });
    const a = await connect(first, ada.token);
    const b = await connect(first, bob.token);
    await a.sendTextMessage('before restart');
    const pinned = await has(b, 'before restart');
    await a.pin(pinned.id);
    await b.sendTextMessage('bob before restart');
    await has(a, 'bob before restart');
    const before = ids(a);
    const seen = record(a);

    await first.close();
    await Promise.all([state(a, 'reconnecting'), state(b, 'reconnecting')]);
    const queued = a.sendTextMessage('queued during restart');
    const second = await start(first.port);
    await queued;
    await Promise.all([has(a, 'queued during restart'), has(b, 'queued during restart')]);

    expect(ids(a)).toEqual([...before, ids(a).at(-1)]);
    expect(ids(b)).toEqual(ids(a));
    expect(seen.updates.map((u) => `${u.action}:${textOf(u.message)}`)).toEqual([
      'add:queued during restart',
    ]);

    const late = await connect(second, (await join(second, 'm', { name: 'Cy' })).token);
    expect(late.sessionId).toBe(ada.sessionId);
    expect(late.messages.map(textOf)).toEqual([
      'before restart',
      'bob before restart',
      'queued during restart',
    ]);
    expect(late.messages[0]?.pinned).toBe(true);
    const page = await late.fetchPublicMessages({
      timestamp: Date.now() + 1000,
      limit: 2,
      direction: 'before',
    });
    expect(page.map(textOf)).toEqual(['bob before restart', 'queued during restart']);
  });
});
