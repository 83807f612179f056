import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ChatDumpError } from './ChatDumpError';
import type { DumpMessage } from './chatDumpColumns';
import type { ChatDumpProgress } from './parseChatDump';
import { parseChatDump } from './parseChatDump';

const HEADER =
  'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt';
const row = (i: number) =>
  `m${i},u1,s1,m1,Alice,false,false,TEXT_MESSAGE,hello ${i},2024-03-01T10:00:00.000Z`;
const dump = (count: number) =>
  [HEADER, ...Array.from({ length: count }, (_, i) => row(i + 1))].join('\n');

function streamOf(parts: string[], onCancel?: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const part = parts[next++];
      if (part === undefined) controller.close();
      else controller.enqueue(encoder.encode(part));
    },
    cancel: onCancel,
  });
}

describe('parseChatDump', () => {
  it('delivers rows to onRows in batches of at most batchSize, in order', async () => {
    const batches: DumpMessage[][] = [];
    const result = await parseChatDump(dump(12), {
      batchSize: 5,
      batchMs: 60_000,
      onRows: (b) => batches.push(b),
    });
    expect(batches.map((b) => b.length)).toEqual([5, 5, 2]);
    expect(batches.flat().map((m) => m.id)).toEqual(result.messages.map((m) => m.id));
    expect(result.messages).toHaveLength(12);
  });

  it('parses no further while the promise onRows returned is pending, one batch at a time', async () => {
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const pending: (() => void)[] = [];
    const batches: string[][] = [];
    const progress: number[] = [];
    let progressWhenHeld = -1;
    const parse = parseChatDump(new Blob([dump(400)]), {
      batchSize: 50,
      batchMs: 60_000, // batches by size only, however slow the machine
      chunkSize: 1000, // about 13 rows a window
      onRows: (b) => {
        batches.push(b.map((m) => m.id));
        progressWhenHeld = progress.length;
        return new Promise<void>((resolve) => pending.push(resolve));
      },
      onProgress: (p) => progress.push(p.rows),
    });
    // A slow consumer: once the first batch is out, tasks pass and the parse stays there.
    while (batches.length === 0) await tick();
    for (let i = 0; i < 5; i++) await tick();
    expect(batches).toHaveLength(1);
    expect(progress).toHaveLength(progressWhenHeld);
    expect(progress.at(-1)).toBeLessThan(50);
    let settled = false;
    void parse.then(() => (settled = true));
    while (!settled) {
      // Never a second batch before the promise of the first settled.
      expect(pending.length).toBeLessThanOrEqual(1);
      pending.shift()?.();
      await tick();
    }
    const result = await parse;
    expect(batches.map((b) => b.length)).toEqual(Array.from({ length: 8 }, () => 50));
    expect(batches.flat()).toEqual(result.messages.map((m) => m.id));
    expect(progress.at(-1)).toBe(400);
  });

  it('ends the parse with the error of a throwing or rejecting onRows', async () => {
    const thrown = new Error('disk full');
    await expect(
      parseChatDump(dump(10), {
        batchSize: 3,
        onRows: () => {
          throw thrown;
        },
      }),
    ).rejects.toBe(thrown);
    let calls = 0;
    await expect(
      parseChatDump(new Blob([dump(400)]), {
        batchSize: 50,
        chunkSize: 1000,
        onRows: () => (++calls === 2 ? Promise.reject(thrown) : Promise.resolve()),
      }),
    ).rejects.toBe(thrown);
    expect(calls).toBe(2);
  });

  it('rejects with the reason when aborted while onRows holds the parse', async () => {
    const controller = new AbortController();
    const parse = parseChatDump(new Blob([dump(400)]), {
      batchSize: 50,
      chunkSize: 1000,
      signal: controller.signal,
      onRows: () => new Promise<void>(() => undefined), // never settles
    });
    await new Promise((r) => setTimeout(r, 0));
    controller.abort(new Error('closed'));
    await expect(parse).rejects.toThrow('closed');
  });

  describe('on the main thread', () => {
    /** Timer callbacks that ran while a parse of `text` was under way, and its messages. */
    async function timersDuringParse(text: string, yieldBetweenChunks?: boolean) {
      let parsing = true;
      let ticks = 0;
      const tick = () => {
        if (!parsing) return;
        ticks++;
        setTimeout(tick, 0);
      };
      setTimeout(tick, 0);
      const result = await parseChatDump(text, { yieldBetweenChunks });
      parsing = false;
      return { ticks, messages: result.messages.length };
    }
    // 30k rows: several hundred milliseconds of parsing on any machine, many 10 ms slices.
    const big = dump(30_000);

    it('lets timers run while a long parse is under way', async () => {
      const { ticks, messages } = await timersDuringParse(big);
      expect(messages).toBe(30_000);
      expect(ticks).toBeGreaterThan(1);
    });

    it('lets timers run where there is no setImmediate (a browser without scheduler.yield)', async () => {
      vi.stubGlobal('setImmediate', undefined);
      try {
        const { ticks, messages } = await timersDuringParse(big);
        expect(messages).toBe(30_000);
        expect(ticks).toBeGreaterThan(1);
      } finally {
        vi.unstubAllGlobals();
      }
    });

    it('holds the thread with yieldBetweenChunks: false (what the worker asks for)', async () => {
      const { ticks, messages } = await timersDuringParse(big, false);
      expect(messages).toBe(30_000);
      expect(ticks).toBe(0);
    });
  });

  it('keeps nothing when collect is false, still delivering every row', async () => {
    let seen = 0;
    const result = await parseChatDump(dump(7), {
      collect: false,
      onRows: (b) => (seen += b.length),
    });
    expect(result.messages).toEqual([]);
    expect(seen).toBe(7);
  });

  it('reports progress in bytes against the Blob size, once per chunk read', async () => {
    const blob = new Blob([dump(5000)]); // ~350 kB: several reads of the Blob's stream
    const progress: ChatDumpProgress[] = [];
    await parseChatDump(blob, { chunkSize: 200, onProgress: (p) => progress.push(p) });
    expect(progress.length).toBeGreaterThan(2);
    const last = progress.at(-1);
    expect(last).toEqual({ rows: 5000, errors: 0, loaded: blob.size, total: blob.size });
    const rows = progress.map((p) => p.rows);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it('rejects with the abort reason and cancels the stream', async () => {
    const controller = new AbortController();
    let cancelled = false;
    const parts = dump(100).match(/[^]{1,64}/g) ?? [];
    const stream = streamOf(parts, () => (cancelled = true));
    const promise = parseChatDump(stream, {
      chunkSize: 64,
      signal: controller.signal,
      onProgress: ({ rows }) => {
        if (rows > 5) controller.abort(new Error('user cancelled'));
      },
    });
    await expect(promise).rejects.toThrow('user cancelled');
    expect(cancelled).toBe(true);
  });

  it('rejects at once when the signal is already aborted', async () => {
    await expect(parseChatDump(dump(1), { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('turns a failing stream into a read-failed ChatDumpError', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`${HEADER}\n${row(1)}\n`));
        controller.error(new Error('connection reset'));
      },
    });
    const error = await parseChatDump(stream).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatDumpError);
    expect(error).toMatchObject({ code: 'read-failed', cause: new Error('connection reset') });
  });

  it('names the missing columns', async () => {
    const error = await parseChatDump('id,participantId,payload\n1,2,3\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatDumpError);
    expect(error).toMatchObject({ code: 'missing-columns', columns: ['payloadType', 'createdAt'] });
    expect((error as Error).message).toBe(
      "The chat dump's header lacks required columns: payloadType, createdAt.",
    );
  });

  it('gives up early on a large file without a line break', async () => {
    const error = await parseChatDump(new Blob(['x'.repeat((1 << 20) + 10)])).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'not-csv' });
  });

  it('keeps the cells of a skipped row and explains the problem', async () => {
    const { errors } = await parseChatDump(
      `${HEADER}\nm1,u1,s1,m1,Al,false,false,TEXT_MESSAGE,hi,someday\n`,
    );
    expect(errors).toEqual([
      {
        code: 'bad-date',
        row: 1,
        line: 2,
        column: 'createdAt',
        skipped: true,
        cells: ['m1', 'u1', 's1', 'm1', 'Al', 'false', 'false', 'TEXT_MESSAGE', 'hi', 'someday'],
        message:
          'Row 1 (line 2): createdAt "someday" is not an ISO 8601 date or an epoch time. The row was skipped.',
      },
    ]);
  });

  it('keeps cells verbatim with restoreFormulas: false', async () => {
    const { messages } = await parseChatDump(
      `${HEADER}\nm1,u1,s1,m1,Al,,,TEXT_MESSAGE,'=1+1,2024-03-01T10:00:00Z\n`,
      {
        restoreFormulas: false,
      },
    );
    expect(messages[0]).toMatchObject({ type: 'text', message: "'=1+1" });
  });

  it('parses a large dump the same from a string and from a chunked stream', async () => {
    const text = dump(3000);
    const parts = text.match(/[^]{1,1000}/g) ?? [];
    const [a, b] = await Promise.all([
      parseChatDump(text),
      parseChatDump(streamOf(parts), { chunkSize: 4096 }),
    ]);
    expect(b).toEqual(a);
    expect(a.messages).toHaveLength(3000);
  });

  it('never fails with anything but a ChatDumpError, whatever the string', async () => {
    const csvish = fc.string({
      unit: fc.constantFrom(
        '"',
        ',',
        '\n',
        '\r',
        'id',
        'payload',
        'x',
        ' ',
        "'",
        '=',
        '\uFEFF',
        'é',
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          csvish,
          csvish.map((s) => `${HEADER}\n${s}`),
        ),
        async (input) => {
          try {
            const { messages, errors } = await parseChatDump(input);
            expect(Array.isArray(messages) && Array.isArray(errors)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(ChatDumpError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
