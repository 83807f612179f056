/**
 * Fault test: the dev server is a real child process, killed with SIGKILL while 50 connectDevChat
 * clients are sending, then restarted on the same port over the same SQLite file. Every send that was
 * acknowledged must be stored, the others must be resent by the clients' queues, and nothing may be
 * stored or shown twice.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join as joinPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectDevChat } from '@natter/core';
import type { DevChat } from '@natter/core';
import { API_KEY, SECRET, silent, tempDir } from './testServer';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const CLIENTS = 50;
const PER_CLIENT = 20;

let dir: ReturnType<typeof tempDir>;
let children: ChildProcess[];
let chats: DevChat[];

beforeEach(() => {
  dir = tempDir();
  children = [];
  chats = [];
});
afterEach(async () => {
  for (const chat of chats) chat.close();
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
  dir.remove();
});

/** Runs the CLI (from source) as its own process; resolves with its URL once it listens. */
function startCli(port: number): Promise<{ child: ChildProcess; url: string; port: number }> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=natter-source',
      '--import',
      'tsx',
      CLI,
      '--port',
      String(port),
      '--data',
      dir.path,
      '--api-key',
      API_KEY,
      '--secret',
      SECRET,
      '--quiet',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /natter dev server: (\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url, port: Number(new URL(url).port) });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) =>
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`)),
    );
  });
}

async function token(url: string, i: number): Promise<string> {
  const response = await fetch(`${url}/v1/meetings/fault/participants`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: `Client ${i}`, userId: `client-${i}` }),
  });
  return ((await response.json()) as { data: { token: string } }).data.token;
}

const textOf = (m: DevChat['messages'][number]): string =>
  'message' in m && typeof m.message === 'string' ? m.message : '';

describe('a dev server killed with SIGKILL mid-traffic', () => {
  it('keeps every acknowledged message, gets the rest resent, and duplicates nothing', async () => {
    const first = await startCli(0);
    for (let i = 0; i < CLIENTS; i++) {
      const chat = await connectDevChat({
        url: first.url,
        token: await token(first.url, i),
        WebSocket,
        logger: silent,
        reconnect: { minDelayMs: 50, maxDelayMs: 400 },
      });
      chats.push(chat);
    }

    const acked = new Set<string>();
    const failed: string[] = [];
    let ackedAtKill: Set<string> | undefined;
    let killed: Promise<unknown> | undefined;
    const sends: Promise<void>[] = [];
    const sending = chats.map(
      (chat, c) =>
        new Promise<void>((resolve) => {
          let n = 0;
          const timer = setInterval(() => {
            const text = `c${c}-n${n}`;
            sends.push(
              chat.sendTextMessage(text).then(
                () => {
                  acked.add(text);
                  if (!killed && acked.size >= (CLIENTS * PER_CLIENT) / 4) {
                    ackedAtKill = new Set(acked);
                    killed = new Promise((done) => first.child.once('exit', done));
                    first.child.kill('SIGKILL');
                  }
                },
                (error: unknown) => void failed.push(`${text}: ${String(error)}`),
              ),
            );
            if (++n === PER_CLIENT) {
              clearInterval(timer);
              resolve();
            }
          }, 25);
        }),
    );
    await Promise.all(sending);
    await expect.poll(() => killed !== undefined, { timeout: 60_000 }).toBe(true);
    await killed;
    expect(first.child.signalCode).toBe('SIGKILL');
    const unackedAtKill = CLIENTS * PER_CLIENT - (ackedAtKill?.size ?? 0);
    expect(unackedAtKill).toBeGreaterThan(0);

    const second = await startCli(first.port);
    expect(second.url).toBe(first.url);
    await Promise.all(sends);
    expect(failed).toEqual([]);
    expect(acked.size).toBe(CLIENTS * PER_CLIENT);

    // Counted in the SQLite file itself: every text once, the acknowledged-before-kill ones included.
    const db = new Database(joinPath(dir.path, 'natter.db'), { readonly: true });
    const rows = db.prepare('SELECT text, COUNT(*) AS n FROM messages GROUP BY text').all() as {
      text: string;
      n: number;
    }[];
    const total = (db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;
    db.close();
    const stored = new Set(rows.map((r) => r.text));
    expect(rows.filter((r) => r.n > 1)).toEqual([]);
    expect(total).toBe(CLIENTS * PER_CLIENT);
    expect([...(ackedAtKill ?? [])].filter((text) => !stored.has(text))).toEqual([]);

    // And every client converges on the same 1000 messages, each shown once.
    await expect
      .poll(() => chats.filter((chat) => chat.messages.length === total).length, {
        timeout: 60_000,
      })
      .toBe(CLIENTS);
    for (const chat of chats) {
      const texts = chat.messages.map(textOf);
      expect(new Set(texts).size).toBe(texts.length);
      expect(new Set(chat.messages.map((m) => m.id)).size).toBe(total);
    }
  }, 180_000);
});
