/** The chat dump is streamed a page at a time, never built whole in memory; HEAD reads no rows. */
import { join as joinPath } from 'node:path';
import Database from 'better-sqlite3';
import { parseChatDump } from '@natter/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DevServer } from '../src/index';
import { API_KEY, TestClient, join, startServer, tempDir } from './testServer';

let dir: ReturnType<typeof tempDir>;
let server: DevServer;
let clients: TestClient[];

beforeEach(async () => {
  dir = tempDir();
  server = await startServer(dir.path, { rateLimits: { maxInvocations: 10_000, period: 60 } });
  clients = [];
});
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
  dir.remove();
});

async function downloadUrl(sessionId: string): Promise<string> {
  const response = await fetch(`${server.url}/v2/sessions/${sessionId}/chat`, {
    headers: { Authorization: `Bearer ${API_KEY}` },
  });
  return ((await response.json()) as { data: { chat_download_url: string } }).data
    .chat_download_url;
}

describe('the chat dump', () => {
  it('streams every row in order, chunked, over several pages', async () => {
    const ada = await join(server, 'room', { name: 'Ada', userId: 'user-ada' });
    const { client } = await TestClient.join(server.url, ada.token);
    clients.push(client);
    const count = 1200;
    for (let i = 0; i < count; i++)
      client.ws.send(JSON.stringify({ id: `s${i}`, type: 'sendText', text: `message ${i}` }));
    // Requests are answered in order: the last ack means every send was accepted.
    await client.waitFor('the last ack', (f) => f.id === `s${count - 1}`, 20_000);
    expect(client.frames.filter((f) => f.type === 'ack')).toHaveLength(count + 1);

    const response = await fetch(await downloadUrl(ada.sessionId));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const { messages, errors } = await parseChatDump(await response.text());
    expect(errors).toEqual([]);
    expect(messages.map((m) => ('message' in m ? m.message : ''))).toEqual(
      Array.from({ length: count }, (_, i) => `message ${i}`),
    );
  });

  it('answers HEAD without reading a row, and a failing read with a clean 500', async () => {
    const ada = await join(server, 'room', { name: 'Ada', userId: 'user-ada' });
    const { client } = await TestClient.join(server.url, ada.token);
    clients.push(client);
    await client.ok({ type: 'sendText', text: 'hello' });
    const url = await downloadUrl(ada.sessionId);
    const other = new Database(joinPath(dir.path, 'natter.db'));
    try {
      other.exec('ALTER TABLE messages RENAME TO messages_away');
      const head = await fetch(url, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const get = await fetch(url);
      expect(get.status).toBe(500);
      expect(await get.json()).toMatchObject({ success: false, error: { code: 'internal' } });
      other.exec('ALTER TABLE messages_away RENAME TO messages');
    } finally {
      other.close();
    }
    expect(await (await fetch(url)).text()).toContain('hello');
  });
});
