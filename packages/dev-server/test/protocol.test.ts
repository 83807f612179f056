import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DevServer } from '../src/index';
import { TestClient, join, startServer, tempDir } from './testServer';
import type { Frame } from './testServer';

let dir: ReturnType<typeof tempDir>;
let server: DevServer;
let clients: TestClient[];

beforeEach(async () => {
  dir = tempDir();
  server = await startServer(dir.path, {
    maxTextLimit: 50,
    rateLimits: { maxInvocations: 5, period: 60 },
  });
  clients = [];
});
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
  dir.remove();
});

async function member(name: string, preset = 'participant') {
  const joined = await join(server, 'room', { name, userId: `user-${name.toLowerCase()}`, preset });
  const { client, hello } = await TestClient.join(server.url, joined.token);
  clients.push(client);
  return { ...joined, client, hello };
}

const addOf = (text: string) => (f: Frame) =>
  f.type === 'event' && f.action === 'add' && (f.message as { message?: string }).message === text;

describe('malformed frames', () => {
  it('answers each with an error frame and keeps serving everyone', async () => {
    const ada = await member('Ada');
    const bob = await member('Bob');
    const bad: (string | Buffer)[] = [
      '{not json',
      '42',
      '[]',
      JSON.stringify({ type: 'sendText', text: 'no id' }),
      JSON.stringify({ id: 'a1', type: 'launchMissiles' }),
      JSON.stringify({ id: 'a2', type: 'sendText', text: 7 }),
      JSON.stringify({ id: 'a3', type: 'sendText', text: 'x', peerIds: 'everyone' }),
      JSON.stringify({ id: 'a4', type: 'edit', messageId: 'm', text: 'a', fileId: 'f' }),
      JSON.stringify({ id: 'a5', type: 'history', kind: 'public', limit: 10_000 }),
      JSON.stringify({ id: 'a6', type: 'hello' }),
      JSON.stringify({ id: 'x'.repeat(500), type: 'ping' }),
      Buffer.from([1, 2, 3]),
    ];
    for (const frame of bad) ada.client.ws.send(frame);
    await ada.client.waitFor(
      '12 errors',
      () => ada.client.frames.filter((f) => f.type === 'error').length === 12,
    );
    const errors = ada.client.frames.filter((f) => f.type === 'error');
    expect(errors.every((f) => f.code === 'bad-request')).toBe(true);
    expect(errors.filter((f) => typeof f.id === 'string').map((f) => f.id)).toEqual([
      'a1',
      'a2',
      'a3',
      'a4',
      'a5',
      'a6',
    ]);

    await bob.client.ok({ type: 'sendText', text: 'still here' });
    await ada.client.waitFor('the add after the garbage', addOf('still here'));
    await ada.client.ok({ type: 'sendText', text: 'me too' });
    await bob.client.waitFor('the add from the sender of garbage', addOf('me too'));
  });

  it('refuses a frame over maxFrameBytes with an error, and closes 1009 past the hard limit', async () => {
    const ada = await member('Ada');
    const bob = await member('Bob');
    ada.client.ws.send(JSON.stringify({ id: 'big', type: 'sendText', text: 'y'.repeat(100_000) }));
    const refused = await ada.client.waitFor('the error', (f) => f.type === 'error');
    expect(refused).toMatchObject({ code: 'bad-request', id: null });
    await ada.client.ok({ type: 'ping' });

    ada.client.ws.send('z'.repeat(2 * 1024 * 1024));
    expect((await ada.client.closed).code).toBe(1009);
    await bob.client.ok({ type: 'sendText', text: 'unbothered' });
    await bob.client.waitFor('own echo', addOf('unbothered'));
  });

  it('refuses requests before hello', async () => {
    const joined = await join(server, 'room', { name: 'Eve' });
    const client = await TestClient.open(server.url, joined.token);
    clients.push(client);
    expect(await client.request({ type: 'sendText', text: 'early' })).toMatchObject({
      type: 'error',
      code: 'bad-request',
    });
  });
});

describe('sending', () => {
  it('assigns ids, timestamps and the sender from the token, never from the frame', async () => {
    const ada = await member('Ada');
    const bob = await member('Bob');
    await ada.client.ok({
      type: 'sendText',
      text: 'who am I',
      userId: 'user-bob',
      displayName: 'Bob',
    });
    const event = await bob.client.waitFor('the add', addOf('who am I'));
    expect(event.message).toMatchObject({
      userId: 'user-ada',
      displayName: 'Ada',
      targetUserIds: [],
    });
    expect((event.message as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
    expect((event.message as { timeMs: number }).timeMs).toBeGreaterThan(0);
  });

  it('enforces empty, maxTextLimit and the rate limit with the SDK codes', async () => {
    const ada = await member('Ada');
    expect(ada.hello).toMatchObject({
      maxTextLimit: 50,
      rateLimits: { maxInvocations: 5, period: 60 },
    });
    expect(await ada.client.request({ type: 'sendText', text: '' })).toMatchObject({
      code: '0502',
    });
    expect(await ada.client.request({ type: 'sendText', text: 'x'.repeat(51) })).toMatchObject({
      code: '0503',
    });
    for (let i = 0; i < 5; i++) await ada.client.ok({ type: 'sendText', text: `n${i}` });
    expect(await ada.client.request({ type: 'sendText', text: 'one too many' })).toMatchObject({
      code: '0013',
    });
    const bob = await member('Bob');
    await bob.client.ok({ type: 'sendText', text: 'my own budget' });
  });

  it('treats a resend with the same request id as the same message', async () => {
    const ada = await member('Ada');
    ada.client.ws.send(JSON.stringify({ id: 'same', type: 'sendText', text: 'once' }));
    ada.client.ws.send(JSON.stringify({ id: 'same', type: 'sendText', text: 'once' }));
    await ada.client.waitFor(
      'two acks',
      () => ada.client.frames.filter((f) => f.id === 'same').length === 2,
    );
    await ada.client.ok({ type: 'sendText', text: 'marker' });
    await ada.client.waitFor('marker', addOf('marker'));
    expect(ada.client.frames.filter(addOf('once'))).toHaveLength(1);
  });
});

describe('private messages', () => {
  it('reach only the sender and the recipients, live, in history and on join', async () => {
    const ada = await member('Ada');
    const bob = await member('Bob');
    const eve = await member('Eve');
    await ada.client.ok({ type: 'sendText', text: 'psst', peerIds: ['user-bob'] });
    await ada.client.ok({ type: 'sendText', text: 'public marker' });
    for (const c of [ada, bob, eve]) await c.client.waitFor('marker', addOf('public marker'));
    expect(ada.client.frames.filter(addOf('psst'))).toHaveLength(1);
    const atBob = bob.client.frames.find(addOf('psst'));
    expect(atBob?.message).toMatchObject({
      targetUserIds: expect.arrayContaining(['user-ada', 'user-bob']),
    });
    expect(eve.client.frames.filter(addOf('psst'))).toHaveLength(0);

    const id = (atBob?.message as { id: string }).id;
    expect(await eve.client.request({ type: 'pin', messageId: id })).toMatchObject({
      code: '0504',
    });
    const page = await eve.client.ok({
      type: 'history',
      kind: 'public',
      direction: 'before',
      limit: 50,
      timestamp: Date.now() + 1000,
    });
    expect(JSON.stringify(page)).not.toContain('psst');
    const privatePage = await bob.client.ok({
      type: 'history',
      kind: 'private',
      userId: 'user-ada',
      direction: 'before',
      limit: 50,
      timestamp: Date.now() + 1000,
    });
    expect(privatePage.messages).toEqual([expect.objectContaining({ message: 'psst' })]);
    const late = await member('Eve2');
    expect(JSON.stringify(late.hello.messages)).not.toContain('psst');
  });
});

describe('permissions', () => {
  it('lets people change only their own messages, and a host delete and pin anyone’s', async () => {
    const ada = await member('Ada');
    const bob = await member('Bob');
    const host = await member('Hana', 'host');
    await ada.client.ok({ type: 'sendText', text: 'ada wrote this' });
    const added = await bob.client.waitFor('add', addOf('ada wrote this'));
    const messageId = (added.message as { id: string }).id;

    for (const type of ['delete', 'pin', 'unpin']) {
      expect(await bob.client.request({ type, messageId })).toMatchObject({
        type: 'error',
        code: 'forbidden',
      });
    }
    expect(
      await bob.client.request({ type: 'edit', messageId, text: 'bob was here' }),
    ).toMatchObject({ code: 'forbidden' });
    expect(
      await host.client.request({ type: 'edit', messageId, text: 'host rewrite' }),
    ).toMatchObject({ code: 'forbidden' });

    await ada.client.ok({ type: 'edit', messageId, text: 'ada fixed it' });
    await host.client.ok({ type: 'pin', messageId });
    const pinned = await bob.client.waitFor('pin', (f) => f.action === 'pin');
    expect(pinned.message).toMatchObject({
      id: messageId,
      pinned: true,
      isEdited: true,
      message: 'ada fixed it',
    });
    await host.client.ok({ type: 'delete', messageId });
    const deleted = await bob.client.waitFor('delete', (f) => f.action === 'delete');
    expect(deleted.message).toEqual({ id: messageId });
    expect(await ada.client.request({ type: 'edit', messageId, text: 'too late' })).toMatchObject({
      code: '0504',
    });
    expect(await ada.client.request({ type: 'delete', messageId: 'no-such-id' })).toMatchObject({
      code: '0504',
    });
  });
});

describe('history', () => {
  it('pages public and pinned messages before and after a timestamp, oldest first', async () => {
    const ada = await member('Ada');
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { messageId } = await ada.client.ok({ type: 'sendText', text: `h${i}` });
      const event = await ada.client.waitFor(`h${i}`, addOf(`h${i}`));
      times.push((event.message as { timeMs: number }).timeMs);
      if (i % 2 === 0) await ada.client.ok({ type: 'pin', messageId });
    }
    const text = (result: Record<string, unknown>) =>
      (result.messages as { message: string }[]).map((m) => m.message);
    const newest = await ada.client.ok({
      type: 'history',
      kind: 'public',
      direction: 'before',
      limit: 3,
      timestamp: Date.now() + 1000,
    });
    expect(text(newest)).toEqual(['h2', 'h3', 'h4']);
    const older = await ada.client.ok({
      type: 'history',
      kind: 'public',
      direction: 'before',
      limit: 3,
      timestamp: times[2],
    });
    expect(text(older)).toEqual(['h0', 'h1']);
    const after = await ada.client.ok({
      type: 'history',
      kind: 'public',
      direction: 'after',
      limit: 2,
      timestamp: times[1],
    });
    expect(text(after)).toEqual(['h2', 'h3']);
    const pins = await ada.client.ok({
      type: 'history',
      kind: 'pinned',
      direction: 'before',
      limit: 10,
      timestamp: Date.now() + 1000,
    });
    expect(text(pins)).toEqual(['h0', 'h2', 'h4']);
  });
});
