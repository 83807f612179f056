/**
 * "All files in one zip" against the real dev server over loopback HTTP: 200 files with mixed
 * names (duplicates, RTL overrides, path-like, Windows device names, control characters) are
 * uploaded and shared, the session's chat dump comes from the Replay API, and the zip the kit
 * writes from it is unzipped (fflate) and compared with what was shared.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatFileEntries, parseChatDump, zipChatFiles } from '@natter/core';
import type { DevServer } from '../src/index';
import { API_KEY, ORG_ID, TestClient, join, startServer, tempDir } from './testServer';

const PNG = new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
const NAMES = [
  'a.png',
  'A.PNG',
  'report.pdf',
  'report.pdf',
  '../../etc/passwd.txt',
  '..\\..\\windows\\win.ini.txt',
  'invoice\u202Efdp.exe.txt',
  'CON.txt',
  'nul.txt',
  'bell\u0007and\ttab.txt',
  'what?*:|"<>.txt',
  'עברית \u2067x\u2069.txt',
  '  trailing dots...  ',
];

// eslint-disable-next-line no-control-regex -- control characters are what must not be there
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let dir: ReturnType<typeof tempDir>;
let server: DevServer;
let client: TestClient;
let sessionId = '';
/** What was shared, in order: the stored name and the bytes. */
const shared: { name: string; body: string }[] = [];

beforeAll(async () => {
  dir = tempDir();
  server = await startServer(dir.path, {
    allowedUploadTypes: ['image/png', 'text/plain', 'application/pdf'],
    rateLimits: { maxInvocations: 1000, period: 60 },
  });
  const ada = await join(server, 'room', { name: 'Ada Lovelace', userId: 'user-ada' });
  sessionId = ada.sessionId;
  ({ client } = await TestClient.join(server.url, ada.token));
  for (let i = 0; i < 200; i++) {
    const name = NAMES[i % NAMES.length] as string;
    const image = name.endsWith('.png') || name.endsWith('.PNG');
    const body = image ? PNG : new TextEncoder().encode(`file ${i}`);
    const response = await fetch(`${server.url}/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${ada.token}`,
        'Content-Type': image
          ? 'image/png'
          : name.endsWith('.pdf')
            ? 'application/pdf'
            : 'text/plain',
        'X-File-Name': encodeURIComponent(name),
      },
      body,
    });
    expect(response.status).toBe(201);
    const file = ((await response.json()) as { data: { id: string; name: string } }).data;
    // Images are shared as image messages, the rest as file messages.
    await client.ok({ type: image ? 'sendImage' : 'sendFile', fileId: file.id });
    shared.push({ name: file.name, body: image ? '' : `file ${i}` });
  }
}, 120_000);

afterAll(async () => {
  await client?.close();
  await server?.close();
  dir?.remove();
});

async function dump(): Promise<string> {
  const auth = `Basic ${Buffer.from(`${ORG_ID}:${API_KEY}`).toString('base64')}`;
  const link = await fetch(`${server.url}/v2/sessions/${sessionId}/chat`, {
    headers: { Authorization: auth },
  });
  const { data } = (await link.json()) as { data: { chat_download_url: string } };
  return (await fetch(data.chat_download_url)).text();
}

describe('a zip of every file in the meeting, from the dev server', () => {
  it('unzips to exactly the 200 shared files, with safe unique names and an index', async () => {
    const { messages, errors } = await parseChatDump(await dump());
    expect(errors).toEqual([]);
    const entries = chatFileEntries(messages);
    expect(entries).toHaveLength(200);
    const files = unzipSync(
      new Uint8Array(await new Response(await zipChatFiles(entries)).arrayBuffer()),
    );
    const names = Object.keys(files);
    expect(names).toHaveLength(201);
    expect(names.at(-1)).toBe('index.csv');
    // Unique however the file system compares names, and safe to write anywhere.
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(201);
    for (const name of names) {
      expect(name).not.toMatch(UNSAFE);
      expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
      expect(name).not.toMatch(/^[.\s]|[.\s]$/);
    }
    // Each file holds what was shared under its name, in order; the index says which is which.
    const index = strFromU8(files['index.csv'] as Uint8Array)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(index).toHaveLength(201);
    for (let i = 0; i < 200; i++) {
      const row = index[i + 1] ?? '';
      const inZip = names[i] as string;
      expect(row.startsWith(`${inZip.includes(',') ? `"${inZip}"` : inZip},Ada Lovelace,`)).toBe(
        true,
      );
      const sharedFile = shared[i];
      if (sharedFile?.body) expect(strFromU8(files[inZip] as Uint8Array)).toBe(sharedFile.body);
      else expect([...(files[inZip] as Uint8Array)]).toEqual([...PNG]);
    }
    // Duplicates were numbered, not overwritten.
    expect(names.filter((n) => /^report( \(\d+\))?\.pdf$/.test(n)).length).toBe(
      shared.filter((s) => s.name === 'report.pdf').length,
    );
  });
});
