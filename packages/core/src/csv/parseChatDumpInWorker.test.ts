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
    const { messages } = await parseChatDump(CSV);
    const { packed, transfer } = packRows(messages);
    // refs, ends, kinds, times and sizes move; the text travels as three strings, not per message.
    expect(transfer).toHaveLength(5);
    expect(packed.columns).toHaveLength(3);
    expect(unpackRows(structuredClone(packed, { transfer }))).toEqual(messages);
  });
});
