/**
 * Fuzz test: random and malformed frames over a real socket, a bounded number of runs in bounded
 * time. The server answers each with an `ack` or a typed `error` (never `internal`), or closes that
 * one socket with a protocol close code; it never crashes, and two other participants keep chatting.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { DevServer } from '../src/index';
import { TestClient, join, startServer, tempDir } from './testServer';
import type { Frame } from './testServer';

const CODES = [
  '0502',
  '0503',
  '0504',
  '0013',
  'forbidden',
  'bad-request',
  'unauthorized',
  'session-ended',
  'too-many-connections',
];
/** 1007 invalid UTF-8, 1009 over 1 MiB, 4408 too slow. */
const CLOSE_CODES = [1007, 1009, 4408];
const TYPES = ['hello', 'sendText', 'sendImage', 'sendFile', 'edit', 'delete', 'pin', 'unpin'];
const KEYS = ['text', 'peerIds', 'fileId', 'messageId', 'kind', 'direction', 'limit', 'timestamp'];

let dir: ReturnType<typeof tempDir>;
let server: DevServer;
const warnings: string[] = [];

beforeEach(async () => {
  dir = tempDir();
  warnings.length = 0;
  server = await startServer(dir.path, {
    rateLimits: { maxInvocations: 100_000, period: 60 },
    changeRateLimits: { maxInvocations: 100_000, period: 60 },
    historyRateLimits: { maxInvocations: 100_000, period: 60 },
    // The fuzzer rejoins after each frame that closes its socket.
    joinRateLimits: { maxInvocations: 100_000, period: 60 },
    logger: { info: () => undefined, warn: (message) => void warnings.push(message) },
  });
});
afterEach(async () => {
  await server.close();
  dir.remove();
});

/** One raw socket: answers (acks and errors) in arrival order, and how it closed. */
class FuzzSocket {
  readonly answers: Frame[] = [];
  close: { code: number } | undefined;
  private wake: () => void = () => undefined;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      if (frame.type === 'ack' || frame.type === 'error') this.answers.push(frame);
      this.wake();
    });
    ws.on('close', (code) => {
      this.close = { code };
      this.wake();
    });
    ws.on('error', () => undefined);
  }

  static async open(url: string, token: string): Promise<FuzzSocket> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/v1/ws?token=${token}`);
    const socket = new FuzzSocket(ws);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ id: 'hello', type: 'hello' }));
    await socket.next(1);
    return socket;
  }

  /** Resolves once there are `count` answers or the socket has closed. */
  next(count: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer within 5 s')), 5000);
      this.wake = () => {
        if (this.answers.length < count && !this.close) return;
        clearTimeout(timer);
        resolve();
      };
      this.wake();
    });
  }
}

type Fuzz = { data: string | Uint8Array; binary: boolean };

const anything = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const frameLike = fc
  .record({
    id: fc.oneof(fc.string({ maxLength: 140 }), fc.integer(), fc.constant(undefined)),
    type: fc.oneof(fc.constantFrom(...TYPES, 'history', 'ping'), fc.string({ maxLength: 20 })),
    fields: fc.dictionary(fc.constantFrom(...KEYS), anything, { maxKeys: 4 }),
  })
  .map(({ id, type, fields }): Fuzz => ({
    data: JSON.stringify({ ...fields, id, type }),
    binary: false,
  }));
const fuzz: fc.Arbitrary<Fuzz> = fc.oneof(
  { weight: 6, arbitrary: frameLike },
  { weight: 2, arbitrary: fc.string({ unit: 'binary' }).map((data) => ({ data, binary: false })) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => ({ data: JSON.stringify(v), binary: false })) },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 64 }).map((data) => ({ data, binary: true })),
  },
  // Raw bytes in a text frame: often not UTF-8 (the socket closes with 1007).
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 64 }).map((data) => ({ data, binary: false })),
  },
  { weight: 1, arbitrary: fc.constant({ data: 'x'.repeat(70 * 1024), binary: false }) },
  { weight: 1, arbitrary: fc.constant({ data: 'x'.repeat(1_100_000), binary: false }) },
);

describe('random and malformed frames', () => {
  it('get a typed answer or close only their own socket; the server and others carry on', async () => {
    const fuzzer = await join(server, 'room', { name: 'Fuzz', userId: 'user-fuzz' });
    const bob = await TestClient.join(
      server.url,
      (await join(server, 'room', { name: 'Bob', userId: 'user-bob' })).token,
    );
    const cy = await TestClient.join(
      server.url,
      (await join(server, 'room', { name: 'Cy', userId: 'user-cy' })).token,
    );
    let socket = await FuzzSocket.open(server.url, fuzzer.token);
    let runs = 0;
    const closes: number[] = [];

    await fc.assert(
      fc.asyncProperty(fuzz, async ({ data, binary }) => {
        if (socket.close) socket = await FuzzSocket.open(server.url, fuzzer.token);
        const before = socket.answers.length;
        socket.ws.send(data, { binary });
        await socket.next(before + 1);
        if (socket.answers.length > before) {
          const answer = socket.answers[before]!;
          if (answer.type === 'error') {
            expect(CODES).toContain(answer.code);
            expect(typeof answer.message).toBe('string');
          }
        } else {
          expect(CLOSE_CODES).toContain(socket.close?.code);
          closes.push(socket.close!.code);
        }
        if (++runs % 50 === 0) {
          const text = `still chatting ${runs}`;
          await bob.client.ok({ type: 'sendText', text });
          await cy.client.waitFor(
            text,
            (f) => (f.message as { message?: string })?.message === text,
          );
        }
      }),
      { numRuns: 400, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: false },
    );

    expect(runs).toBeGreaterThan(50);
    expect(warnings.filter((w) => /failed/.test(w))).toEqual([]);
    await cy.client.ok({ type: 'sendText', text: 'after the fuzz' });
    await bob.client.waitFor('the last add', (f) => f.action === 'add');
    const late = await TestClient.join(
      server.url,
      (await join(server, 'room', { name: 'Di', userId: 'user-di' })).token,
    );
    expect(late.hello.participants).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: 'user-bob' })]),
    );
    for (const c of [bob.client, cy.client, late.client]) await c.close();
    if (!socket.close) socket.ws.close();
  }, 60_000);
});
