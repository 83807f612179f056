/**
 * Limits that keep one participant from taking the server or other people's tabs down: join history,
 * connections, back-pressure on every reply, rate limits on every request, and SQLite failures.
 */
import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DevServer, DevServerOptions } from '../src/index';
import { TestClient, join, startServer, tempDir } from './testServer';
import type { Frame } from './testServer';

let dir: ReturnType<typeof tempDir>;
let server: DevServer;
let clients: TestClient[];

beforeEach(() => {
  dir = tempDir();
  clients = [];
});
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
  dir.remove();
});

async function start(options: Partial<DevServerOptions>): Promise<void> {
  server = await startServer(dir.path, options);
}

async function token(name: string): Promise<string> {
  return (await join(server, 'room', { name, userId: `user-${name.toLowerCase()}` })).token;
}

async function member(name: string) {
  const { client, hello } = await TestClient.join(server.url, await token(name));
  clients.push(client);
  return { client, hello };
}

const addOf = (text: string) => (f: Frame) =>
  f.type === 'event' && f.action === 'add' && (f.message as { message?: string }).message === text;

describe('join history', () => {
  it('never replays more than joinHistoryLimit, whatever lastSeq a hello claims', async () => {
    await start({ joinHistoryLimit: 5 });
    const ada = await member('Ada');
    for (let i = 0; i < 12; i++) await ada.client.ok({ type: 'sendText', text: `m${i}` });
    const sessionId = ada.hello.sessionId as string;
    const seq = 12;

    const greedy = await TestClient.open(server.url, await token('Ada'));
    clients.push(greedy);
    const all = await greedy.ok({ type: 'hello', lastSeq: 0, sessionId });
    expect(all.resumed).toBe(false);
    expect(all.changes).toBeUndefined();
    expect((all.messages as { message: string }[]).map((m) => m.message)).toEqual([
      'm7',
      'm8',
      'm9',
      'm10',
      'm11',
    ]);

    const resuming = await TestClient.open(server.url, await token('Ada'));
    clients.push(resuming);
    const recent = await resuming.ok({ type: 'hello', lastSeq: seq - 2, sessionId });
    expect(recent.resumed).toBe(true);
    const added = (recent.changes as { added: { message: string }[] }).added;
    expect(added.map((m) => m.message)).toEqual(['m10', 'm11']);
  });
});

describe('joins', () => {
  it('are rate limited per participant, so a reconnect loop cannot rebuild history without end', async () => {
    await start({ joinRateLimits: { maxInvocations: 2, period: 60 } });
    const adaToken = await token('Ada');
    for (let i = 0; i < 2; i++) {
      const ok = await TestClient.open(server.url, adaToken);
      await ok.ok({ type: 'hello' });
      await ok.close();
    }
    const third = await TestClient.open(server.url, adaToken);
    clients.push(third);
    const refused = await third.request({ type: 'hello' });
    expect(refused).toMatchObject({ type: 'error', code: '0013' });
    expect(String(refused.message)).toMatch(/2 joins per 60 s/);
    expect((await third.closed).code).toBe(4429);
    await member('Bob');
  });
});

describe('connections', () => {
  it('caps sockets per participant and in total, with a readable refusal', async () => {
    await start({ maxConnectionsPerUser: 2, maxConnections: 3 });
    const adaToken = await token('Ada');
    const first = await TestClient.open(server.url, adaToken);
    const second = await TestClient.open(server.url, adaToken);
    clients.push(first, second);
    const third = await TestClient.open(server.url, adaToken);
    clients.push(third);
    expect((await third.closed).code).toBe(4429);
    expect(third.frames[0]).toMatchObject({ type: 'error', code: 'too-many-connections' });
    expect(String(third.frames[0]?.message)).toMatch(/2 connections/);

    const bob = await TestClient.open(server.url, await token('Bob'));
    clients.push(bob);
    await bob.ok({ type: 'hello' });
    const cy = await TestClient.open(server.url, await token('Cy'));
    clients.push(cy);
    expect((await cy.closed).code).toBe(4429);
    expect(cy.frames[0]).toMatchObject({ type: 'error', code: 'too-many-connections' });

    await first.close();
    const again = await TestClient.open(server.url, adaToken);
    clients.push(again);
    await again.ok({ type: 'hello' });
  });
});

describe('back-pressure', () => {
  it('drops a client that stops reading while flooding history, and nobody else notices', async () => {
    await start({
      maxBufferedBytes: 64 * 1024,
      rateLimits: { maxInvocations: 10_000, period: 60 },
      historyRateLimits: { maxInvocations: 10_000, period: 60 },
    });
    const bob = await member('Bob');
    const long = 'x'.repeat(1000);
    for (let i = 0; i < 200; i++) await bob.client.ok({ type: 'sendText', text: `${i} ${long}` });

    const hostile = await member('Eve');
    hostile.client.ws.pause();
    const page = { type: 'history', kind: 'public', direction: 'before', limit: 500 };
    for (let i = 0; i < 300; i++)
      hostile.client.ws.send(JSON.stringify({ id: `h${i}`, ...page, timestamp: Date.now() + 1e6 }));
    // Round trips of someone else after the flood: the server read and answered it meanwhile.
    await bob.client.ok({ type: 'sendText', text: 'still chatting' });
    await bob.client.waitFor('own echo', addOf('still chatting'));
    await bob.client.ok({ type: 'ping' });
    hostile.client.ws.resume();

    const closed = await hostile.client.closed;
    expect(closed).toEqual({ code: 4408, reason: 'too slow' });
    const answered = hostile.client.frames.filter((f) => f.type === 'ack').length;
    expect(answered).toBeLessThan(300);
    await bob.client.ok({ type: 'sendText', text: 'after the hostile one' });
    await bob.client.waitFor('own echo', addOf('after the hostile one'));
  });
});

describe('rate limits beyond sends', () => {
  it('limit edits, deletes, pins and unpins together, and history pages, with 0013', async () => {
    await start({
      changeRateLimits: { maxInvocations: 3, period: 60 },
      historyRateLimits: { maxInvocations: 2, period: 60 },
    });
    const ada = await member('Ada');
    const { messageId } = await ada.client.ok({ type: 'sendText', text: 'hello' });
    await ada.client.ok({ type: 'edit', messageId, text: 'hello again' });
    await ada.client.ok({ type: 'pin', messageId });
    await ada.client.ok({ type: 'unpin', messageId });
    for (const frame of [
      { type: 'edit', messageId, text: 'one too many' },
      { type: 'pin', messageId },
      { type: 'delete', messageId },
    ]) {
      const refused = await ada.client.request(frame);
      expect(refused).toMatchObject({ type: 'error', code: '0013' });
      expect(String(refused.message)).toMatch(/3 .* per 60 s/);
    }
    const page = { type: 'history', kind: 'public', direction: 'before', limit: 10 };
    await ada.client.ok(page);
    await ada.client.ok(page);
    expect(await ada.client.request(page)).toMatchObject({ type: 'error', code: '0013' });

    const bob = await member('Bob');
    await bob.client.ok(page);
    expect(await bob.client.request({ type: 'delete', messageId })).toMatchObject({
      code: 'forbidden',
    });
    await ada.client.ok({ type: 'sendText', text: 'sends have their own budget' });
  });
});

describe('a SQLite error', () => {
  it('inside hello is answered with an internal error, and the server keeps running', async () => {
    await start({});
    const ada = await member('Ada');
    await ada.client.ok({ type: 'sendText', text: 'before' });
    const other = new Database(joinPath(dir.path, 'natter.db'));
    try {
      other.exec('ALTER TABLE messages RENAME TO messages_away');
      const late = await TestClient.open(server.url, await token('Bob'));
      clients.push(late);
      expect(await late.request({ type: 'hello' })).toMatchObject({
        type: 'error',
        code: 'internal',
      });
      other.exec('ALTER TABLE messages_away RENAME TO messages');
    } finally {
      other.close();
    }
    const bob = await member('Bob');
    expect((bob.hello.messages as { message: string }[]).map((m) => m.message)).toEqual(['before']);
    await ada.client.ok({ type: 'sendText', text: 'after' });
    await bob.client.waitFor('the add', addOf('after'));
  });
});
