/** Upload quotas, uploads after a session ended, and files that go with their deleted or edited message. */
import { existsSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DevServer } from '../src/index';
import { API_KEY, TestClient, join, startServer, tempDir } from './testServer';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let dir: ReturnType<typeof tempDir>;
let server: DevServer;
let clients: TestClient[];

beforeEach(async () => {
  dir = tempDir();
  server = await startServer(dir.path, {
    maxUploadBytes: 1024,
    uploadQuotaBytes: 100,
    sessionUploadQuotaBytes: 150,
  });
  clients = [];
});
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
  dir.remove();
});

const tokenOf = async (name: string) =>
  join(server, 'room', { name, userId: `user-${name.toLowerCase()}` });

function upload(token: string, body: BodyInit, type = 'text/plain'): Promise<Response> {
  return fetch(`${server.url}/v1/uploads`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type, 'X-File-Name': 'a.txt' },
    body,
  });
}
const idOf = async (response: Response) =>
  ((await response.json()) as { data: { id: string; url: string } }).data;
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

describe('upload quotas', () => {
  it('cap the bytes each participant and the whole session may upload', async () => {
    const ada = await tokenOf('Ada');
    const bob = await tokenOf('Bob');
    const cy = await tokenOf('Cy');
    expect((await upload(ada.token, 'a'.repeat(60))).status).toBe(201);
    const over = await upload(ada.token, 'b'.repeat(60));
    expect(over.status).toBe(413);
    expect(await errorOf(over)).toMatchObject({
      code: 'quota-exceeded',
      message: expect.stringMatching(/100 bytes per participant/),
    });
    expect((await upload(ada.token, 'c'.repeat(40))).status).toBe(201);

    expect((await upload(bob.token, 'd'.repeat(40))).status).toBe(201);
    const full = await upload(cy.token, 'e'.repeat(20));
    expect(full.status).toBe(413);
    expect(await errorOf(full)).toMatchObject({
      code: 'quota-exceeded',
      message: expect.stringMatching(/150 bytes per session/),
    });
    const kept = (await import('node:fs')).readdirSync(joinPath(dir.path, 'files'));
    expect(kept).toHaveLength(3);
  });

  it('hold when uploads race each other', async () => {
    const ada = await tokenOf('Ada');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => upload(ada.token, 'z'.repeat(30))),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 201, 413, 413]);
  });
});

describe('an ended session', () => {
  it('takes no more uploads from its tokens', async () => {
    const ada = await tokenOf('Ada');
    const bound = await join(server, 'room', { name: 'Bo', sessionId: ada.sessionId });
    expect((await upload(bound.token, 'before')).status).toBe(201);
    await fetch(`${server.url}/v1/sessions/${ada.sessionId}/end`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${API_KEY}` },
    });
    for (const token of [bound.token, ada.token]) {
      const refused = await upload(token, 'after');
      expect(refused.status).toBe(410);
      expect(await errorOf(refused)).toMatchObject({ code: 'session-ended' });
    }
  });
});

describe('files of changed messages', () => {
  it('are no longer served once their message is deleted or its file replaced', async () => {
    const ada = await tokenOf('Ada');
    const { client } = await TestClient.join(server.url, ada.token);
    clients.push(client);
    const first = await idOf(await upload(ada.token, PNG, 'image/png'));
    const served = await fetch(first.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('private, no-cache');
    const etag = served.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await fetch(first.url, { headers: { 'If-None-Match': etag! } })).status).toBe(304);

    const { messageId } = await client.ok({ type: 'sendImage', fileId: first.id });
    const second = await idOf(await upload(ada.token, PNG, 'image/png'));
    await client.ok({ type: 'edit', messageId, fileId: second.id });
    const gone = await fetch(first.url);
    expect(gone.status).toBe(410);
    expect(await errorOf(gone)).toMatchObject({ code: 'deleted' });
    expect((await fetch(first.url, { headers: { 'If-None-Match': etag! } })).status).toBe(410);
    expect(existsSync(joinPath(dir.path, 'files', first.id))).toBe(false);
    expect((await fetch(second.url)).status).toBe(200);

    await client.ok({ type: 'delete', messageId });
    expect((await fetch(second.url)).status).toBe(410);
    expect(existsSync(joinPath(dir.path, 'files', second.id))).toBe(false);
  });

  it('stay served while another message still shows them', async () => {
    const ada = await tokenOf('Ada');
    const { client } = await TestClient.join(server.url, ada.token);
    clients.push(client);
    const file = await idOf(await upload(ada.token, 'shared notes'));
    const one = await client.ok({ type: 'sendFile', fileId: file.id });
    await client.ok({ type: 'sendFile', fileId: file.id });
    await client.ok({ type: 'delete', messageId: one.messageId });
    expect((await fetch(file.url)).status).toBe(200);
  });
});
