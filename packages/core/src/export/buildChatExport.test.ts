import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { parseChatDump } from '../csv/parseChatDump';
import type { Message } from '../types';
import { buildChatExport, formatClockTime } from './buildChatExport';

// Fixed instants: nothing depends on today's date or the time of day.
const START = new Date(Date.UTC(2026, 10, 30, 9, 0, 0));
const at = (seconds: number) => new Date(START.getTime() + seconds * 1000);

const messages: Message[] = [
  {
    id: 'm1',
    type: 'text',
    userId: 'user-ada',
    displayName: 'Ada Lovelace',
    time: at(0),
    message: 'Hello Grace, hello all',
  },
  {
    id: 'm2',
    type: 'file',
    userId: 'user-grace',
    displayName: 'Grace Hopper',
    time: at(750),
    link: 'https://files.example/uploads/grace-hopper/notes.pdf',
    name: 'Grace Hopper notes.pdf',
    size: 1200,
    pinned: true,
  },
  {
    id: 'm3',
    type: 'image',
    userId: 'user-ada',
    displayName: 'Ada Lovelace',
    time: at(800),
    link: 'https://files.example/f/1a2b3c',
  },
  {
    id: 'm4',
    type: 'text',
    userId: 'user-ada',
    displayName: 'Ada Lovelace',
    time: at(3725),
    message: 'Psst, only for you, GRACE',
    targetUserIds: ['user-grace'],
  },
];

const read = (blob: Blob) => blob.text();
const NAMES = /ada|lovelace|grace|hopper/i;

describe('buildChatExport', () => {
  it('writes the Replay API CSV that reads back, with private recipients in a trailing column', async () => {
    const file = await buildChatExport(messages, {
      format: 'csv',
      baseName: 'Sync chat 2026-11-30',
      sessionId: 's1',
      meetingId: 'mt',
    });
    expect(file.filename).toBe('Sync chat 2026-11-30.csv');
    const text = await read(file.blob);
    expect(text.split('\r\n')[0]).toBe(
      'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt,privateTo',
    );
    const { messages: back, errors } = await parseChatDump(text);
    expect(errors).toEqual([]);
    expect(back.map((m) => [m.id, m.type, m.displayName, m.time.toISOString()])).toEqual(
      messages.map((m) => [m.id, m.type, m.displayName, m.time.toISOString()]),
    );
    expect(text.split('\r\n')[4]?.endsWith(',Grace Hopper')).toBe(true);
  });

  it('anonymises consistently and leaks no name in rows, payloads, links or the file name', async () => {
    for (const format of ['csv', 'txt', 'md'] as const) {
      const file = await buildChatExport(messages, {
        format,
        names: 'anonymised',
        baseName: "Ada Lovelace's 1:1 chat 2026-11-30",
        sessionId: 's1',
        meetingId: 'mt',
      });
      const text = await read(file.blob);
      expect(text, format).not.toMatch(NAMES);
      expect(file.filename, format).not.toMatch(NAMES);
      expect(file.filename).toBe(`Participant 1's 1:1 chat 2026-11-30.${format}`);
      expect(text).toContain('Participant 2');
      // The link with a name in its path is dropped; the one without stays.
      expect(text).not.toContain('grace-hopper');
      expect(text).toContain('https://files.example/f/1a2b3c');
    }
    const csv = await read(
      (await buildChatExport(messages, { format: 'csv', names: 'anonymised', baseName: 'x' })).blob,
    );
    const { messages: back } = await parseChatDump(csv);
    expect(back.map((m) => [m.userId, m.displayName])).toEqual([
      ['participant-1', 'Participant 1'],
      ['participant-2', 'Participant 2'],
      ['participant-1', 'Participant 1'],
      ['participant-1', 'Participant 1'],
    ]);
    expect(back[0]?.type === 'text' && back[0].message).toBe('Hello Participant 2, hello all');
    expect(back[1]?.type === 'file' && back[1].name).toBe('Participant 2 notes.pdf');
  });

  it('writes a readable transcript: times, names, private and pinned marks, file links', async () => {
    const txt = await read(
      (await buildChatExport(messages, { format: 'txt', baseName: 'Sync', times: 'relative' }))
        .blob,
    );
    const lines = txt.split('\r\n');
    expect(lines[0]).toBe('Sync');
    expect(lines[3]).toBe('[+0:00] Ada Lovelace: Hello Grace, hello all');
    expect(lines[4]).toBe('[+12:30] Grace Hopper [pinned]:');
    expect(lines[5]).toBe(
      '    File: Grace Hopper notes.pdf <https://files.example/uploads/grace-hopper/notes.pdf>',
    );
    expect(lines[8]).toBe(
      '[+1:02:05] Ada Lovelace (private to Grace Hopper): Psst, only for you, GRACE',
    );
    const absolute = await read(
      (await buildChatExport(messages, { format: 'txt', baseName: 'Sync' })).blob,
    );
    expect(absolute).toContain(`[${formatClockTime(at(750))}] Grace Hopper [pinned]:`);
    const pinned = await read(
      (await buildChatExport(messages, { format: 'txt', baseName: 'S', pinnedOnly: true })).blob,
    );
    expect(pinned).toContain('Grace Hopper notes.pdf');
    expect(pinned).not.toContain('Hello Grace');
  });

  it('escapes hostile text in Markdown so a renderer makes no link or HTML from it', async () => {
    const hostile: Message[] = [
      {
        id: 'h1',
        type: 'text',
        userId: 'u<script>',
        displayName: '[Admin](javascript:alert(1))',
        time: at(0),
        message:
          '<img src=x onerror=alert(1)> [click](javascript:alert(1)) https://evil.example www.evil.example a@evil.example\n# Heading\n1. list\n    code\n&lt;b&gt; **bold** | a | b |',
      },
      {
        id: 'h2',
        type: 'file',
        userId: 'u2',
        displayName: 'Bob',
        time: at(1),
        name: 'x](javascript:alert(1))',
        link: 'javascript:alert(1)',
        size: 1,
      },
      {
        id: 'h3',
        type: 'file',
        userId: 'u2',
        displayName: 'Bob',
        time: at(2),
        name: 'ok.pdf',
        link: 'https://files.example/a b)(<x>.pdf',
        size: 1,
      },
    ];
    const md = await read(
      (await buildChatExport(hostile, { format: 'md', baseName: '<b>Title</b>' })).blob,
    );
    const html = await marked.parse(md, { gfm: true });
    expect(html).not.toMatch(
      /<img|<script|<b>|<h[2-6]|<ol|<pre|<code|<table|<em>|href="javascript/i,
    );
    // Bold only where the writer puts it: the time and the name of each of the three messages.
    expect(html.match(/<strong>/g)).toHaveLength(6);
    // The only link is the real file link, kept whole.
    expect([...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'https://files.example/a%20b%29%28%3Cx%3E.pdf',
    ]);
    // ...and the text still reads as typed.
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('https://evil.example');
  });

  it('starts the file with a BOM when Excel-friendly, and keeps formulas neutralised', async () => {
    const file = await buildChatExport(
      [
        {
          id: 'f1',
          type: 'text',
          userId: 'u',
          displayName: '=cmd|x',
          time: at(0),
          message: '=HYPERLINK("https://evil")',
        },
      ],
      { format: 'csv', excel: true, baseName: 'x' },
    );
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toContain(`'=cmd|x`);
    expect(text).toContain(`"'=HYPERLINK(""https://evil"")"`);
  });
});
