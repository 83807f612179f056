import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { releaseChatStore, toChatDumpCsv } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { Message } from '@natter/core';
import type { LocalChat } from '@natter/core/testing';
import { createReplayHandler } from '@natter/core/server';
import { ChatProvider, useChatExport } from '../src/index';

/**
 * A real loopback server playing three parts: the app's replay route (createReplayHandler, as an
 * app would mount it), Dyte's documented Replay API, and the signed storage URL serving the CSV.
 */
export const dumpMessages: Message[] = [
  {
    id: 'm1',
    type: 'text',
    userId: 'u1',
    displayName: 'Ada',
    time: new Date('2026-01-01T10:00:00Z'),
    timeMs: Date.parse('2026-01-01T10:00:00Z'),
    message: 'hello, "world"',
    pinned: true,
    isEdited: false,
  },
  {
    id: 'm2',
    type: 'text',
    userId: 'u2',
    displayName: 'Grace',
    time: new Date('2026-01-01T10:01:00Z'),
    timeMs: Date.parse('2026-01-01T10:01:00Z'),
    message: 'line one\nline two',
    pinned: false,
    isEdited: true,
  },
];
export let csv = '';
/** Replaces what storage serves (the kit's dump by default). */
export function setCsv(text: string): void {
  csv = text;
}
let server: Server;
export let base = '';
export const state = {
  apiCalls: 0,
  expiresInMs: 10 * 60_000,
  storageMode: 'ok' as 'ok' | 'forbidden' | 'forbidden-once' | 'slow',
  storageCalls: 0,
  deadUrl: false,
};

function handleStorage(res: ServerResponse): void {
  state.storageCalls++;
  const refuse =
    state.storageMode === 'forbidden' ||
    (state.storageMode === 'forbidden-once' && state.storageCalls === 1);
  if (refuse) {
    res
      .writeHead(403, { 'Content-Type': 'application/xml' })
      .end('<Error><Code>AccessDenied</Code></Error>');
    return;
  }
  const body = Buffer.from(csv, 'utf8');
  res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Length': String(body.length) });
  if (state.storageMode === 'slow') {
    res.write(body.subarray(0, 10)); // then never finish: the test aborts
    return;
  }
  res.end(body);
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', base);
  if (url.pathname === '/v2/sessions/sess-1/chat') {
    state.apiCalls++;
    const download = state.deadUrl
      ? 'http://127.0.0.1:9/closed.csv'
      : `${base}/storage/sess-1.csv?sig=${state.apiCalls}`;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({
        success: true,
        data: {
          chat_download_url: download,
          chat_download_url_expiry: new Date(Date.now() + state.expiresInMs).toISOString(),
        },
      }),
    );
    return;
  }
  if (url.pathname.startsWith('/storage/')) return handleStorage(res);
  if (url.pathname === '/api/chat-replay') {
    const handler = createReplayHandler({
      provider: 'dyte',
      orgId: 'org',
      apiKey: 'secret-key',
      apiBase: base,
      public: true,
    });
    const response = await handler(new Request(url, { method: req.method ?? 'GET' }));
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
    return;
  }
  res.writeHead(404).end();
}

/** jsdom's Blob has no text(); FileReader it has. */
export function readBlob(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error('nothing was saved'));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

export const saved: { name: string; blob: Blob }[] = [];
/** Chats released after each test (`setup` adds its own; a test may push one). */
export const chats: LocalChat[] = [];
export function setup(replay = true) {
  const chat = createLocalChat({ seed: 5, history: 3, latencyMs: 1 });
  chats.push(chat);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ChatProvider
      chat={chat}
      replay={replay ? { endpoint: `${base}/api/chat-replay`, sessionId: 'sess-1' } : undefined}
    >
      {children}
    </ChatProvider>
  );
  return renderHook(() => useChatExport(), { wrapper });
}

/** A day as the file name shows it (`2026-11-30`, local time). */
function dayOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The names a download saved just now may carry: `<stem> <today>.csv`, and yesterday's too during
 * the first minute after midnight (the test may have crossed it between the save and the check).
 */
export function datedNames(stem: string): string[] {
  const now = new Date();
  const names = [`${stem} ${dayOf(now)}.csv`];
  const minuteAgo = new Date(now.getTime() - 60_000);
  if (dayOf(minuteAgo) !== dayOf(now)) names.push(`${stem} ${dayOf(minuteAgo)}.csv`);
  return names;
}

/**
 * Registers, in the calling test file, the loopback server (started before all tests), fresh
 * state, the save trap before each test, and the cleanup after each.
 */
export function installExportFixtures(): void {
  beforeAll(async () => {
    csv = await toChatDumpCsv(dumpMessages, { sessionId: 'sess-1', meetingId: 'meet-1' });
    server = createServer((req, res) => void route(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    Object.assign(state, {
      apiCalls: 0,
      expiresInMs: 10 * 60_000,
      storageMode: 'ok',
      storageCalls: 0,
      deadUrl: false,
    });
    saved.length = 0;
    let n = 0;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push({ name: '', blob });
      return `blob:test/${++n}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      const last = saved.at(-1);
      if (last) last.name = this.download;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    for (const chat of chats.splice(0)) {
      releaseChatStore(chat);
      chat.dispose();
    }
  });
}
