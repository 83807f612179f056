/**
 * A send made while the server is away stays queued past the store's confirm timeout: the row says
 * it is waiting for the connection (not "failed"), offers no Retry, and lands exactly once when
 * the server is back on the same port. A real dev server over a temp dir; real sockets.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectDevChat, getChatStore, releaseChatStore } from '@natter/core';
import type { ChatEntry, DevChat } from '@natter/core';
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
  for (const chat of chats) {
    releaseChatStore(chat);
    chat.close();
  }
  for (const server of servers) await server.close();
  dir.remove();
});

async function start(port = 0): Promise<DevServer> {
  const server = await startServer(dir.path, { port });
  servers.push(server);
  return server;
}

/** Resolves once `probe` returns a value, checked on every store change (bounded by the test timeout). */
function until<T>(
  subscribe: (fn: () => void) => () => void,
  probe: () => T | undefined,
): Promise<T> {
  return new Promise((resolve) => {
    const check = () => {
      const value = probe();
      if (value === undefined) return false;
      stop();
      resolve(value);
      return true;
    };
    const stop = subscribe(() => void check());
    check();
  });
}

it('waits for the connection instead of failing, never sends twice, and lands once', async () => {
  const server = await start();
  const { port } = server;
  const ada = await join(server, 'm-queue', { name: 'Ada', userId: 'ada' });
  const chat = await connectDevChat({
    url: server.url,
    token: ada.token,
    WebSocket,
    logger: silent,
    reconnect: { minDelayMs: 10, maxDelayMs: 40 },
  });
  chats.push(chat);
  const store = getChatStore(chat, { selfUserId: 'ada', confirmTimeoutMs: 100 });
  const unsubscribe = store.subscribe(() => undefined);
  const onState = (fn: () => void) => {
    chat.on('connectionStateChange', fn);
    return () => void chat.off('connectionStateChange', fn);
  };

  await server.close();
  await until(onState, () => (chat.connectionState === 'reconnecting' ? true : undefined));
  const text = 'Typed while the server was down';
  const sent = store.sendText(text);
  const row = () => store.getMessages().find((e) => e.type === 'text' && e.message === text);
  // Past the confirm timeout, still held by the connection: waiting, not failed.
  const waiting = await until(store.subscribe, () => {
    const entry = row();
    return entry?.waiting || entry?.status === 'failed' ? entry : undefined;
  });
  expect(waiting).toMatchObject({ status: 'sending', waiting: true });
  // Nothing to retry: a Retry here would have been a second message.
  await expect(store.retry(waiting.id)).rejects.toMatchObject({ code: 'not-found' });

  await start(port);
  const confirmed: ChatEntry = await sent;
  expect(confirmed).toMatchObject({ status: 'sent', userId: 'ada', message: text });
  expect(confirmed.waiting).toBeUndefined();
  // Once, in the store, in the chat object and on the server (a fresh client's history).
  expect(store.getMessages().filter((e) => e.type === 'text' && e.message === text)).toHaveLength(
    1,
  );
  expect(chat.messages.filter((m) => m.type === 'text' && m.message === text)).toHaveLength(1);
  const grace = await join(servers[1] as DevServer, 'm-queue', { name: 'Grace', userId: 'grace' });
  const other = await connectDevChat({
    url: server.url,
    token: grace.token,
    WebSocket,
    logger: silent,
  });
  chats.push(other);
  expect(other.messages.filter((m) => m.type === 'text' && m.message === text)).toHaveLength(1);
  unsubscribe();
});
