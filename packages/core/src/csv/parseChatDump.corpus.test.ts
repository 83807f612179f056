import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ChatDumpError } from './ChatDumpError';
import type { ChatDumpResult } from './parseChatDump';
import { parseChatDump } from './parseChatDump';

const dir = fileURLToPath(new URL('../../test/fixtures/csv/', import.meta.url));
const names = readdirSync(dir)
  .filter((file) => file.endsWith('.csv'))
  .map((file) => file.slice(0, -'.csv'.length))
  .sort();

interface Expected {
  messages?: Record<string, unknown>[];
  errors?: { code: string; row: number; line: number; skipped: boolean; column?: string }[];
  throws?: string;
  columns?: string[];
}

/** Messages with ISO dates and errors reduced to what the expected files state. */
function comparable(result: ChatDumpResult) {
  return {
    messages: result.messages.map((message) => ({ ...message, time: message.time.toISOString() })),
    errors: result.errors.map(({ code, row, line, skipped, column }) =>
      column === undefined ? { code, row, line, skipped } : { code, row, line, skipped, column },
    ),
  };
}

/** Feeds the bytes in pieces of 1..7 bytes, so rows, quotes, CRLFs and UTF-8 sequences straddle chunks. */
function trickle(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  let size = 1;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
      size = (size % 7) + 1;
    },
  });
}

async function outcome(run: () => Promise<ChatDumpResult>) {
  try {
    return comparable(await run());
  } catch (error) {
    if (!(error instanceof ChatDumpError)) throw error;
    return error.code === 'missing-columns'
      ? { throws: error.code, columns: [...error.columns] }
      : { throws: error.code };
  }
}

describe('parseChatDump corpus', () => {
  it('has at least 30 fixtures, each with an expected result', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    for (const name of names) expect(readdirSync(dir)).toContain(`${name}.expected.json`);
  });

  it.each(names)(
    '%s: string, Blob and trickled stream all give the expected result',
    async (name) => {
      const bytes = new Uint8Array(readFileSync(`${dir}${name}.csv`));
      const text = readFileSync(`${dir}${name}.csv`, 'utf8');
      const expected = JSON.parse(readFileSync(`${dir}${name}.expected.json`, 'utf8')) as Expected;
      const want =
        expected.throws === undefined
          ? { messages: expected.messages, errors: expected.errors }
          : expected;

      expect(await outcome(() => parseChatDump(text))).toEqual(want);
      expect(await outcome(() => parseChatDump(new Blob([bytes]), { chunkSize: 5 }))).toEqual(want);
      expect(await outcome(() => parseChatDump(trickle(bytes), { chunkSize: 1 }))).toEqual(want);
    },
  );

  it.each(names)('%s: row errors are readable and keep skipped rows', async (name) => {
    const text = readFileSync(`${dir}${name}.csv`, 'utf8');
    const result = await parseChatDump(text).catch((error: unknown) => {
      expect(error).toBeInstanceOf(ChatDumpError);
      expect((error as ChatDumpError).message.length).toBeGreaterThan(20);
      return { messages: [], errors: [] };
    });
    for (const error of result.errors) {
      expect(error.message).toContain(`Row ${error.row} (line ${error.line}): `);
      expect(error.cells !== undefined).toBe(error.skipped);
    }
  });
});
