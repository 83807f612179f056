import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveStream } from '../replay/saveStream';
import type { Message } from '../types';
import { createAnonymiser } from './createAnonymiser';
import { chatFileEntries, zipChatFiles } from './zipChatFiles';

// A storage server on loopback: `/f/<n>?sig=old` is refused as expired (403) once `expired` is
// set; `?sig=new` always works. Each file's bytes say which file it is.
let base = '';
let expired = false;
let requests = 0;
const server = createServer((req, res) => {
  requests++;
  const url = new URL(req.url ?? '/', 'http://x');
  const n = url.pathname.split('/').pop() ?? '';
  if (url.pathname === '/slow/1') {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.write('first half');
    return; // never ends: the test aborts it
  }
  if (expired && url.searchParams.get('sig') !== 'new') {
    res.writeHead(403);
    return void res.end('expired');
  }
  res.writeHead(200, {
    'Content-Type': n.startsWith('img') ? 'image/png' : 'application/octet-stream',
  });
  res.end(`bytes of ${n}`);
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const time = new Date(Date.UTC(2026, 10, 30, 12, 0, 0));
const NAMES = [
  'a.png',
  'A.png',
  'a.png',
  '../../etc/passwd',
  '..\\..\\boot.ini',
  'invoice\u202Egnp.exe',
  'CON.txt',
  'nul',
  'tab\there\u0007.txt',
  '  .hidden  ',
  'report:final?.pdf',
  'עברית.pdf',
];

function meeting(count: number, sig = 'old'): Message[] {
  return Array.from({ length: count }, (_, i): Message => {
    const sender =
      i % 2
        ? { userId: 'user-ada', displayName: 'Ada Lovelace' }
        : { userId: 'user-grace', displayName: 'Grace Hopper' };
    if (i % 10 === 9) {
      return { id: `m${i}`, type: 'image', ...sender, time, link: `${base}/f/img${i}?sig=${sig}` };
    }
    const name = NAMES[i % NAMES.length] ?? 'x';
    return {
      id: `m${i}`,
      type: 'file',
      ...sender,
      time,
      link: `${base}/f/${i}?sig=${sig}`,
      name,
      size: 0,
    };
  });
}

async function unzip(stream: ReadableStream<Uint8Array>) {
  return unzipSync(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe('zipChatFiles', () => {
  it('zips 200 files of mixed names to safe, unique names with an index, refreshing expired links once', async () => {
    expired = true;
    requests = 0;
    const messages = meeting(200);
    let refreshes = 0;
    const progress: number[] = [];
    const files = await unzip(
      await zipChatFiles(chatFileEntries(messages), {
        refresh: async () => {
          refreshes++;
          return new Map(
            meeting(200, 'new').map((m) => [
              m.id,
              m.type === 'text' ? '' : (m as { link: string }).link,
            ]),
          );
        },
        onProgress: (p) => progress.push(p.files.done),
      }),
    );
    expect(refreshes).toBe(1);
    expect(requests).toBe(201); // one refused, then each file once
    const names = Object.keys(files);
    expect(names).toHaveLength(201);
    expect(names.at(-1)).toBe('index.csv');
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(201);
    for (const name of names) {
      // eslint-disable-next-line no-control-regex -- control characters are what must not be there
      expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
      expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
      expect(name).not.toMatch(/^[.\s]|[.\s]$/);
    }
    expect(names.slice(0, 4)).toEqual(['a.png', 'A (2).png', 'a (3).png', '_.._etc_passwd']);
    expect(names).toContain('_CON.txt');
    expect(names).toContain('invoicegnp.exe');
    expect(names).toContain('עברית.pdf');
    expect(names).toContain('img9.png');
    // Every file holds its own bytes; the index maps each name to its sender, time and original name.
    const rows = strFromU8(files['index.csv'] as Uint8Array)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('file,sender,time,originalName,messageId,missing');
    expect(rows).toHaveLength(201);
    expect(rows[4]).toMatch(
      /^_\.\._etc_passwd,Ada Lovelace,2026-11-30 \d\d:00:00,\.\.\/\.\.\/etc\/passwd,m3,$/,
    );
    expect(strFromU8(files['_.._etc_passwd'] as Uint8Array)).toBe('bytes of 3');
    expect(strFromU8(files['img9.png'] as Uint8Array)).toBe('bytes of img9');
    expect(progress.at(-1)).toBe(200);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('anonymises the index and the names in the zip', async () => {
    expired = false;
    const messages = meeting(20).map((m, i) =>
      i === 0 && m.type === 'file' ? { ...m, name: 'Ada Lovelace CV.pdf' } : m,
    );
    const files = await unzip(
      await zipChatFiles(chatFileEntries(messages), { anonymiser: createAnonymiser(messages) }),
    );
    const all = Object.keys(files).join('\n') + strFromU8(files['index.csv'] as Uint8Array);
    expect(all).not.toMatch(/ada|lovelace|grace|hopper/i);
    // Grace sent first (Participant 1); the CV names Ada, Participant 2.
    expect(Object.keys(files)[0]).toBe('Participant 2 CV.pdf');
  });

  it('aborting mid-file errors the stream, and a streamed save removes the file it created', async () => {
    const messages: Message[] = [
      {
        id: 's',
        type: 'file',
        userId: 'u',
        displayName: 'U',
        time,
        link: `${base}/slow/1`,
        name: 'big.bin',
        size: 0,
      },
    ];
    const controller = new AbortController();
    const written: Uint8Array[] = [];
    let removed = false;
    let aborted = false;
    const saving = saveStream(
      await zipChatFiles(chatFileEntries(messages), { signal: controller.signal }),
      'x.zip',
      {
        signal: controller.signal,
        showSaveFilePicker: async () => ({
          createWritable: async () =>
            new WritableStream<Uint8Array>({
              write: (chunk) => {
                written.push(chunk);
                controller.abort(new DOMException('Cancelled', 'AbortError'));
              },
              abort: () => {
                aborted = true;
              },
            }),
          remove: async () => {
            removed = true;
          },
        }),
      },
    );
    await expect(saving).rejects.toMatchObject({ name: 'AbortError' });
    expect(written.length).toBeGreaterThan(0); // it was streaming...
    expect(aborted).toBe(true); // ...the writable was discarded...
    expect(removed).toBe(true); // ...and the picked file removed.
  });
});
