import { readdirSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DevServer } from '../src/index';
import { TestClient, join, startServer, tempDir } from './testServer';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let dir: ReturnType<typeof tempDir>;
let server: DevServer;
let token: string;

beforeEach(async () => {
  dir = tempDir();
  server = await startServer(dir.path, {
    maxUploadBytes: 1024,
    allowedUploadTypes: [
      'image/png',
      'image/jpeg',
      'application/pdf',
      'text/plain',
      'image/svg+xml',
    ],
  });
  token = (await join(server, 'room', { name: 'Ada', userId: 'user-ada' })).token;
});
afterEach(async () => {
  await server.close();
  dir.remove();
});

function upload(body: BodyInit, type: string, name?: string, auth = token): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${auth}`, 'Content-Type': type };
  if (name !== undefined) headers['X-File-Name'] = encodeURIComponent(name);
  return fetch(`${server.url}/v1/uploads`, {
    method: 'POST',
    headers,
    body,
    duplex: 'half',
  } as RequestInit);
}

interface Uploaded {
  id: string;
  url: string;
  name: string;
  size: number;
  type: string;
}
const dataOf = async (response: Response) => ((await response.json()) as { data: Uploaded }).data;
const storedFiles = () => readdirSync(joinPath(dir.path, 'files'));

describe('uploads', () => {
  it('stores under a server-chosen name and serves with safe headers', async () => {
    const response = await upload(PNG, 'image/png', 'cat picture.png');
    expect(response.status).toBe(201);
    const file = await dataOf(response);
    expect(file).toMatchObject({ name: 'cat picture.png', size: PNG.length, type: 'image/png' });
    expect(storedFiles()).toEqual([file.id]);

    const served = await fetch(file.url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-disposition')).toBe(
      `inline; filename="cat picture.png"; filename*=UTF-8''cat%20picture.png`,
    );
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);

    const pdf = await dataOf(await upload('%PDF-1.4', 'application/pdf', 'résumé "v2".pdf'));
    const disposition = (await fetch(pdf.url)).headers.get('content-disposition');
    expect(disposition).toBe(
      `attachment; filename="r_sum_ _v2_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20_v2_.pdf`,
    );
  });

  it('keeps hostile names out of paths and headers', async () => {
    const names = [
      '../../etc/passwd',
      '..\\..\\x',
      '/etc/shadow',
      'C:\\Windows\\win.ini',
      'a\u0000b.txt',
      'evil\r\nSet-Cookie: a=b.txt',
      '"quoted".txt',
      '..',
      '\u202Etxt.exe',
    ];
    const expected = [
      'passwd',
      'x',
      'shadow',
      'win.ini',
      'ab.txt',
      'evilSet-Cookie_ a=b.txt',
      '_quoted_.txt',
      'file',
      'txt.exe',
    ];
    for (const [i, name] of names.entries()) {
      const file = await dataOf(await upload('hello', 'text/plain', name));
      expect(file.name).toBe(expected[i]);
      const served = await fetch(file.url);
      const disposition = served.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(
        /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]+$/,
      );
      expect(served.headers.get('set-cookie')).toBeNull();
      await served.body?.cancel();
    }
    expect(storedFiles()).toHaveLength(names.length);
    expect(storedFiles().every((f) => /^[0-9a-f-]{36}$/.test(f))).toBe(true);
    for (const path of [
      '/v1/files/..%2F..%2Fnatter.db',
      '/v1/files/../natter.db',
      '/v1/files/not-a-uuid',
    ]) {
      expect((await fetch(`${server.url}${path}`)).status).toBe(404);
    }
  });

  it('refuses oversized uploads, declared or streamed, and leaves nothing behind', async () => {
    expect((await upload(Buffer.alloc(1025), 'text/plain', 'big.txt')).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(512));
        controller.close();
      },
    });
    expect((await upload(stream, 'text/plain', 'chunked.txt')).status).toBe(413);
    expect((await upload(Buffer.alloc(1024), 'text/plain', 'exact.txt')).status).toBe(201);
    expect(storedFiles()).toHaveLength(1);
  });

  it('refuses disallowed types, image bytes that lie, and bad tokens', async () => {
    expect((await upload('<html>', 'text/html', 'x.html')).status).toBe(415);
    expect((await upload('MZ', 'application/x-msdownload', 'x.exe')).status).toBe(415);
    expect((await upload('<script>alert(1)</script>', 'image/png', 'fake.png')).status).toBe(415);
    expect((await upload(PNG, 'image/png', 'x.png', 'forged.token')).status).toBe(401);
    expect(storedFiles()).toHaveLength(0);

    const svg = await dataOf(
      await upload('<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml', 'x.svg'),
    );
    const served = await fetch(svg.url);
    expect(served.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
    await served.body?.cancel();
  });

  it('become image and file messages only for their uploader', async () => {
    const image = await dataOf(await upload(PNG, 'image/png', 'dot.png'));
    const text = await dataOf(await upload('notes', 'text/plain', 'notes.txt'));
    const { client: ada } = await TestClient.join(server.url, token);
    const bob = (await join(server, 'room', { name: 'Bob', userId: 'user-bob' })).token;
    const { client: bobClient } = await TestClient.join(server.url, bob);
    try {
      await ada.ok({ type: 'sendImage', fileId: image.id });
      await ada.ok({ type: 'sendFile', fileId: text.id });
      expect(await ada.request({ type: 'sendImage', fileId: text.id })).toMatchObject({
        code: 'bad-request',
      });
      expect(await bobClient.request({ type: 'sendFile', fileId: text.id })).toMatchObject({
        code: 'bad-request',
      });
      const file = await bobClient.waitFor(
        'file add',
        (f) => f.action === 'add' && (f.message as { type: string }).type === 'file',
      );
      expect(file.message).toMatchObject({
        type: 'file',
        name: 'notes.txt',
        size: 5,
        link: text.url,
      });
      const img = bobClient
        .events('add')
        .find((f) => (f.message as { type: string }).type === 'image');
      expect(img?.message).toMatchObject({ link: image.url });
    } finally {
      await ada.close();
      await bobClient.close();
    }
  });
});
