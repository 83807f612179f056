import { describe, expect, it } from 'vitest';
import { ChatDumpError } from './ChatDumpError';
import type { DumpMessage } from './chatDumpColumns';
import { packRows, unpackRows } from './chatDumpPacking';
import { serveChatDumpWorker } from './chatDumpWorker';
import type { ChatDumpWorkerRequest, ChatDumpWorkerResponse } from './chatDumpWorkerProtocol';
import { parseChatDump } from './parseChatDump';
import type { ChatDumpWorkerLike } from './parseChatDumpInWorker';
import { parseChatDumpInWorker } from './parseChatDumpInWorker';

const HEADER =
  'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt';
const ROWS = [
  't1,u1,s1,m1,Alice,true,,TEXT_MESSAGE,hello,2024-03-01T10:00:00.000Z',
  'i1,u2,s1,m1,Bob,false,true,IMAGE_MESSAGE,https://x.example/a.png,2024-03-01T10:00:01.000Z',
  'f1,u2,s1,m1,Bob,,false,FILE_MESSAGE,"{""link"":""https://x.example/f"",""name"":""f"",""size"":3}",2024-03-01T10:00:02.000Z',
  'c1,u1,s1,m1,Alice,,,CUSTOM_MESSAGE,"{""html"":""<i>x</i>"",""files"":[{""link"":""l""}]}",2024-03-01T10:00:03.000Z',
  'k1,u1,s1,m1,Alice,,,POLL_MESSAGE,raw,2024-03-01T10:00:04.000Z',
  'bad,u1,s1,m1,Alice,,,TEXT_MESSAGE,x,never',
];
const CSV = [HEADER, ...ROWS, ''].join('\n');
const bytes = () => new TextEncoder().encode(CSV);

/** A dump of `count` text messages from 7 senders. */
const textDump = (count: number) =>
  [
    HEADER,
    ...Array.from(
      { length: count },
      (_, i) =>
        `m${i},u${i % 7},s1,m1,Name ${i % 7},,,TEXT_MESSAGE,message number ${i},2024-03-01T10:00:00.000Z`,
    ),
    '',
  ].join('\n');

/** A worker run in-process: requests go to `serveChatDumpWorker`, responses are structured-cloned with their transfers. */
function fakeWorker(options: { transferStreams?: boolean; log?: ChatDumpWorkerResponse[] } = {}) {
  const state = { terminated: false };
  const listeners = new Map<string, ((event: never) => void)[]>();
  const toMain = (data: ChatDumpWorkerResponse, transfer?: Transferable[]) => {
    const copy = structuredClone(data, { transfer: transfer ?? [] });
    options.log?.push(data);
    setTimeout(() => {
      if (!state.terminated)
        for (const l of listeners.get('message') ?? []) l({ data: copy } as never);
    });
  };
  let toWorker: ((event: MessageEvent<ChatDumpWorkerRequest>) => void) | undefined;
  serveChatDumpWorker({
    addEventListener: (_type, listener) => void (toWorker = listener),
    postMessage: (message, opts) => toMain(message, opts?.transfer),
  });
  const worker: ChatDumpWorkerLike = {
    postMessage(message, transfer) {
      if (!options.transferStreams && transfer?.some((t) => t instanceof ReadableStream)) {
        throw new DOMException('ReadableStream is not transferable', 'DataCloneError');
      }
      queueMicrotask(() => toWorker?.({ data: message } as MessageEvent<ChatDumpWorkerRequest>));
    },
    addEventListener(type: string, listener: (event: never) => void) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    terminate: () => void (state.terminated = true),
  };
  return { worker, state, listeners };
}

describe('parseChatDumpInWorker', () => {
  it('falls back to parseChatDump on the calling thread when there is no Worker (Node)', async () => {
    expect(typeof Worker).toBe('undefined');
    const batches: DumpMessage[][] = [];
    const result = await parseChatDumpInWorker(new Blob([CSV]), {
      batchSize: 2,
      onRows: (b) => batches.push(b),
    });
    expect(result).toEqual(await parseChatDump(CSV));
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
  });

  it('gives the same result through the worker protocol, with batched packed rows', async () => {
    const log: ChatDumpWorkerResponse[] = [];
    const { worker, state } = fakeWorker({ transferStreams: true, log });
    const stream = new Blob([CSV]).stream();
    const result = await parseChatDumpInWorker(stream, {
      batchSize: 2,
      createWorker: () => worker,
    });
    expect(result).toEqual(await parseChatDump(CSV));
    expect(result.errors.map((e) => e.code)).toEqual(['bad-date']);
    expect(
      log.filter((m) => m.type === 'rows').map((m) => (m.type === 'rows' ? m.rows.count : 0)),
    ).toEqual([2, 2, 1]);
    expect(state.terminated).toBe(true);
  });

  it('lets the worker parse on only once the page has taken each batch', async () => {
    const tick = () => new Promise((r) => setTimeout(r, 0));
    // ~100 kB: several of the worker's 32 Ki-character parse windows.
    const big = textDump(1200);
    const log: ChatDumpWorkerResponse[] = [];
    const { worker } = fakeWorker({ log });
    const taken: ChatDumpWorkerRequest[] = [];
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, transfer) => {
      if (message.type === 'taken') taken.push(message);
      post(message, transfer);
    };
    const pending: (() => void)[] = [];
    const batches: number[] = [];
    const parse = parseChatDumpInWorker(new Blob([big]), {
      batchSize: 100,
      batchMs: 60_000, // batches by size only, however slow the machine
      createWorker: () => worker,
      onRows: (b) => {
        batches.push(b.length);
        return new Promise<void>((resolve) => pending.push(resolve));
      },
    });
    const posted = () => log.filter((m) => m.type === 'rows').length;
    while (posted() === 0) await tick();
    for (let i = 0; i < 10; i++) await tick();
    // The page holds the first batch: the worker has posted no other.
    expect(posted()).toBe(1);
    expect(taken).toHaveLength(0);
    let settled = false;
    void parse.then(() => (settled = true));
    while (!settled) {
      expect(posted() - taken.length).toBeLessThanOrEqual(1);
      pending.shift()?.();
      await tick();
    }
    const result = await parse;
    expect(batches).toEqual(Array.from({ length: 12 }, () => 100));
    expect(taken).toHaveLength(12);
    expect(result).toEqual(await parseChatDump(big));
  });

  it('takes a large batch in over several tasks, so other work runs in between', async () => {
    const big = textDump(2500);
    const { worker } = fakeWorker();
    const batches: number[] = [];
    // Right after the page receives the batch, another task is queued (a timer, an input event).
    const seenBy: number[] = [];
    const add = worker.addEventListener.bind(worker) as (
      type: string,
      listener: (event: never) => void,
    ) => void;
    worker.addEventListener = ((type: string, listener: (event: never) => void) =>
      add(type, (event: never) => {
        listener(event);
        const { data } = event as { data?: ChatDumpWorkerResponse };
        if (type === 'message' && data?.type === 'rows')
          setImmediate(() => seenBy.push(batches.length));
      })) as ChatDumpWorkerLike['addEventListener'];
    const result = await parseChatDumpInWorker(new Blob([big]), {
      batchSize: 5000,
      batchMs: 60_000, // one batch of all 2,500 rows, however slow the machine
      createWorker: () => worker,
      onRows: (b) => void batches.push(b.length),
    });
    expect(batches).toEqual([2500]);
    // That task ran while the batch was still being taken in, before onRows got it.
    expect(seenBy).toEqual([0]);
    expect(result).toEqual(await parseChatDump(big));
  });

  it('ends the parse with the error of a throwing onRows and stops the worker', async () => {
    const { worker, state } = fakeWorker();
    const thrown = new Error('no room');
    await expect(
      parseChatDumpInWorker(new Blob([CSV]), {
        batchSize: 2,
        createWorker: () => worker,
        onRows: () => {
          throw thrown;
        },
      }),
    ).rejects.toBe(thrown);
    expect(state.terminated).toBe(true);
  });

  it('forwards the bytes when the stream cannot be transferred', async () => {
    const { worker } = fakeWorker({ transferStreams: false });
    const data = bytes();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < data.length; i += 10) controller.enqueue(data.slice(i, i + 10));
        controller.close();
      },
    });
    const result = await parseChatDumpInWorker(stream, { createWorker: () => worker });
    expect(result).toEqual(await parseChatDump(CSV));
  });

  it('rethrows a whole-file failure as a ChatDumpError with the same code', async () => {
    const { worker } = fakeWorker();
    const error = await parseChatDumpInWorker(new Blob(['<html>nope</html>']), {
      createWorker: () => worker,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatDumpError);
    expect(error).toMatchObject({ code: 'not-csv' });
  });

  it('terminates the worker and rejects with the reason on abort', async () => {
    const { worker, state } = fakeWorker();
    const controller = new AbortController();
    const promise = parseChatDumpInWorker(new Blob([CSV]), {
      createWorker: () => worker,
      signal: controller.signal,
    });
    controller.abort(new Error('stop'));
    await expect(promise).rejects.toThrow('stop');
    expect(state.terminated).toBe(true);
  });

  it('reports a worker that fails to load as worker-failed', async () => {
    const { worker, listeners } = fakeWorker();
    worker.postMessage = () => {
      for (const l of listeners.get('error') ?? []) l(new Event('error') as never);
    };
    await expect(
      parseChatDumpInWorker(new Blob([CSV]), { createWorker: () => worker }),
    ).rejects.toMatchObject({
      code: 'worker-failed',
    });
  });

  it('packs and unpacks every message kind losslessly', async () => {
    const both = 't2,u1,s1,m1,Alice,false,true,TEXT_MESSAGE,both flags,2024-03-01T10:00:05.000Z\n';
    const { messages } = await parseChatDump(CSV + both);
    const { packed, transfer } = packRows(messages);
    // refs, ends, kinds, times and sizes move; the text travels as three strings, not per message.
    expect(transfer).toHaveLength(5);
    expect(packed.columns).toHaveLength(3);
    const unpacked = unpackRows(structuredClone(packed, { transfer }));
    expect(unpacked).toEqual(messages);
    // The same properties in the same order (an unset flag stays absent, not undefined).
    expect(unpacked.map((m) => Object.keys(m))).toEqual(messages.map((m) => Object.keys(m)));
    expect(Object.keys(messages.find((m) => m.id === 't1') ?? {})).not.toContain('isEdited');
    expect(messages.find((m) => m.id === 't2')).toMatchObject({ pinned: false, isEdited: true });
  });

  it('unpacks any part of a batch the same as that part of the whole', async () => {
    const { messages } = await parseChatDump(CSV);
    const { packed, transfer } = packRows(messages);
    const received = structuredClone(packed, { transfer });
    const whole = unpackRows(received);
    for (let from = 0; from <= whole.length; from++)
      for (let to = from; to <= whole.length; to++) {
        const part = unpackRows(received, new Map(), from, to);
        expect(part).toEqual(whole.slice(from, to));
        expect(part.map((m) => Object.keys(m))).toEqual(
          whole.slice(from, to).map((m) => Object.keys(m)),
        );
      }
  });
});
