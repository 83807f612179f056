import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '../types';
import type { DumpMessage } from './chatDumpColumns';
import { parseChatDump } from './parseChatDump';
import { toChatDumpCsv } from './toChatDumpCsv';

/** Text biased towards what breaks CSV and spreadsheets: quotes, separators, newlines, formula starts. */
const tricky = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom(
      '=',
      '+',
      '-',
      '@',
      '\t',
      '\r',
      '\n',
      '\r\n',
      "'",
      '"',
      ',',
      ' ',
      'a',
      'é',
      '😀',
      'ש',
      '\uFEFF',
    ),
  }),
  fc
    .tuple(fc.constantFrom('=', '+', '-', '@', "'", "''=", '\t', '\r'), fc.string())
    .map(([a, b]) => a + b),
);

const id = fc.oneof(
  fc.uuid(),
  tricky.filter((s) => s.trim() !== ''),
);

const base = {
  userId: tricky,
  displayName: tricky,
  time: fc.date({ noInvalidDate: true }),
  pinned: fc.option(fc.boolean(), { nil: undefined }),
  isEdited: fc.option(fc.boolean(), { nil: undefined }),
};

const attachment = fc.record(
  { link: tricky, type: tricky, name: tricky, size: fc.nat() },
  { requiredKeys: ['link'] },
);

const message: fc.Arbitrary<Omit<Message, 'id'>> = fc.oneof(
  fc.record({ ...base, type: fc.constant('text' as const), message: tricky }),
  fc.record({ ...base, type: fc.constant('image' as const), link: fc.oneof(fc.webUrl(), tricky) }),
  fc.record({
    ...base,
    type: fc.constant('file' as const),
    link: fc.oneof(fc.webUrl(), tricky),
    name: tricky,
    size: fc.oneof(fc.nat(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  }),
  fc.record(
    {
      ...base,
      type: fc.constant('custom' as const),
      message: tricky,
      html: tricky,
      files: fc.array(attachment, { maxLength: 2 }),
      images: fc.array(attachment, { maxLength: 2 }),
      videos: fc.array(attachment, { maxLength: 2 }),
    },
    { requiredKeys: ['type', 'userId', 'displayName', 'time'] },
  ),
);

const messages = fc
  .uniqueArray(fc.tuple(id, message), { selector: ([key]) => key, maxLength: 12 })
  .map((pairs) => pairs.map(([key, rest]) => ({ id: key, ...rest }) as Message));

/** What the dump adds: the session, the meeting and the payload type written for each kind. */
function asDump(list: Message[], sessionId: string, meetingId: string): DumpMessage[] {
  const payloadType = {
    text: 'TEXT_MESSAGE',
    image: 'IMAGE_MESSAGE',
    file: 'FILE_MESSAGE',
    custom: 'CUSTOM_MESSAGE',
  };
  return list.map((m) => ({ ...m, sessionId, meetingId, payloadType: payloadType[m.type] }));
}

/** `-0` is written as `0` by JSON; everything else compares exactly. */
function normaliseZero(list: DumpMessage[]): DumpMessage[] {
  return list.map((m) => (m.type === 'file' && Object.is(m.size, -0) ? { ...m, size: 0 } : m));
}

describe('toChatDumpCsv → parseChatDump round trip', () => {
  it('gives back the same messages, with no row errors', async () => {
    await fc.assert(
      fc.asyncProperty(messages, tricky, tricky, async (list, sessionId, meetingId) => {
        const csv = await toChatDumpCsv(list, { sessionId, meetingId });
        const result = await parseChatDump(csv);
        expect(result.errors).toEqual([]);
        expect(result.messages).toEqual(normaliseZero(asDump(list, sessionId, meetingId)));
      }),
      { numRuns: 300 },
    );
  });

  it('holds through a Blob (UTF-8 bytes, BOM) read in small chunks', async () => {
    await fc.assert(
      fc.asyncProperty(messages, async (list) => {
        const csv = await toChatDumpCsv(list, { sessionId: 's', meetingId: 'm', bom: true });
        const result = await parseChatDump(new Blob([csv]), { chunkSize: 7 });
        expect(result.errors).toEqual([]);
        expect(result.messages).toEqual(normaliseZero(asDump(list, 's', 'm')));
      }),
      { numRuns: 100 },
    );
  });

  it('writes no cell that a spreadsheet would evaluate', async () => {
    await fc.assert(
      fc.asyncProperty(messages, tricky, async (list, sessionId) => {
        const csv = await toChatDumpCsv(list, { sessionId, meetingId: 'm' });
        const { default: Papa } = await import('papaparse');
        const rows = Papa.parse<string[]>(csv, { delimiter: ',', newline: '\r\n' }).data;
        for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 100 },
    );
  });
});
