/** Test helpers: a real server on 127.0.0.1 port 0 over a temp dir, and a raw `ws` protocol client. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { WebSocket } from 'ws';
import { createDevServer } from '../src/index';
import type { DevServer, DevServerOptions } from '../src/index';

export const SECRET = 'test-secret-0123456789abcdef';
export const API_KEY = 'test-api-key';
export const ORG_ID = 'test-org';
export const silent = { info: () => undefined, warn: () => undefined };

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(joinPath(tmpdir(), 'natter-dev-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function startServer(
  dataDir: string,
  options: Partial<DevServerOptions> = {},
): Promise<DevServer> {
  return createDevServer({
    dataDir,
    secret: SECRET,
    apiKey: API_KEY,
    orgId: ORG_ID,
    logger: silent,
    ...options,
  });
}

export interface Joined {
  token: string;
  userId: string;
  displayName: string;
  meetingId: string;
  sessionId: string;
}

export async function join(
  server: DevServer,
  meetingId: string,
  body: Record<string, unknown>,
): Promise<Joined> {
  const response = await fetch(`${server.url}/v1/meetings/${meetingId}/participants`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`join failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: Joined }).data;
}

export type Frame = Record<string, unknown> & { type: string };

/** A raw protocol client that records every frame; waits are event-driven with a timeout. */
export class TestClient {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<() => void>();
  private next = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      // A batch (`events`) is recorded as one `event` frame per event, in order, so tests read
      // events the same way however the server grouped them.
      if (frame.type === 'events' && Array.isArray(frame.events)) {
        for (const event of frame.events as Record<string, unknown>[])
          this.frames.push({ ...event, type: 'event' });
      } else this.frames.push(frame);
      for (const waiter of [...this.waiters]) waiter();
    });
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        resolve({ code, reason: String(reason) });
        for (const waiter of [...this.waiters]) waiter();
      });
    });
  }

  static async open(url: string, token: string): Promise<TestClient> {
    const ws = new WebSocket(
      `${url.replace(/^http/, 'ws')}/v1/ws?token=${encodeURIComponent(token)}`,
    );
    const client = new TestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  /** Opens and sends `hello`; resolves with the hello ack's result. */
  static async join(
    url: string,
    token: string,
  ): Promise<{ client: TestClient; hello: Record<string, unknown> }> {
    const client = await TestClient.open(url, token);
    const answer = await client.request({ type: 'hello' });
    if (answer.type !== 'ack') throw new Error(`hello refused: ${JSON.stringify(answer)}`);
    return { client, hello: answer.result as Record<string, unknown> };
  }

  waitFor(what: string, probe: (frame: Frame) => boolean, timeoutMs = 2000): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = this.frames.find(probe);
        if (!found) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `Timed out waiting for ${what}; frames: ${JSON.stringify(this.frames).slice(0, 500)}`,
          ),
        );
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Sends a request with a fresh id and resolves with its `ack` or `error` frame. */
  request(frame: Record<string, unknown>): Promise<Frame> {
    const id = `r${++this.next}-${Math.random().toString(36).slice(2)}`;
    this.ws.send(JSON.stringify({ id, ...frame }));
    return this.waitFor(`the answer to ${String(frame.type)}`, (f) => f.id === id);
  }

  /** Resolves with the `result` of an ack; throws on an error frame. */
  async ok(frame: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = await this.request(frame);
    if (answer.type !== 'ack') throw new Error(`refused: ${JSON.stringify(answer)}`);
    return (answer.result ?? {}) as Record<string, unknown>;
  }

  events(action?: string): Frame[] {
    return this.frames.filter(
      (f) => f.type === 'event' && (action === undefined || f.action === action),
    );
  }

  async close(): Promise<void> {
    if (this.ws.readyState !== WebSocket.CLOSED) this.ws.close();
    await this.closed;
  }
}
