import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReplayError } from './ReplayError';
import type { ReplayLink } from './createReplayClient';
import { downloadChatDump } from './downloadChatDump';
import type { DownloadProgress } from './downloadChatDump';

const HEADER =
  'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt\r\n';
const ROW =
  'm1,p1,s1,mt1,"Ada, the first",false,false,TEXT_MESSAGE,"hello ""world""",2025-01-01T00:00:00.000Z\r\n';
/** ~300 kB, so the body arrives in several chunks. */
const CSV = HEADER + ROW.repeat(3000);
const CSV_BYTES = Buffer.from(CSV);
const FUTURE = new Date('2099-01-01T00:00:00Z');

let server: Server;
let base: string;
let hits: string[] = [];
/** Responses held open by `/stall`, released when the test's client goes away. */
const stalled = new Set<ServerResponse>();

function route(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', base);
  hits.push(url.pathname + url.search);
  switch (url.pathname) {
    case '/dump.csv': {
      res.writeHead(200, {
        'Content-Type': 'text/csv',
        'Content-Length': String(CSV_BYTES.length),
      });
      // Write in slices so the client sees several chunks.
      for (let i = 0; i < CSV_BYTES.length; i += 64 * 1024)
        res.write(CSV_BYTES.subarray(i, i + 64 * 1024));
      res.end();
      return;
    }
    case '/signed.csv': {
      // Like S3: a link signed before the refresh (v=1) has expired.
      if (url.searchParams.get('v') !== '2')
        return void res
          .writeHead(403, { 'Content-Type': 'application/xml' })
          .end('<Error>Request has expired</Error>');
      res
        .writeHead(200, { 'Content-Type': 'text/csv', 'Content-Length': String(CSV_BYTES.length) })
        .end(CSV_BYTES);
      return;
    }
    case '/forbidden.csv':
      return void res.writeHead(403).end('<Error>AccessDenied</Error>');
    case '/gone.csv':
      return void res.writeHead(404).end('<Error>NoSuchKey</Error>');
    case '/chunked.csv': {
      res.writeHead(200, { 'Content-Type': 'text/csv', 'Transfer-Encoding': 'chunked' });
      res.write(HEADER);
      res.write(ROW);
      res.end(ROW);
      return;
    }
    case '/stall.csv': {
      res.writeHead(200, {
        'Content-Type': 'text/csv',
        'Content-Length': String(CSV_BYTES.length),
      });
      res.write(CSV_BYTES.subarray(0, 1024));
      stalled.add(res);
      req.on('close', () => stalled.delete(res));
      return;
    }
    case '/truncated.csv': {
      res.writeHead(200, {
        'Content-Type': 'text/csv',
        'Content-Length': String(CSV_BYTES.length),
      });
      res.write(CSV_BYTES.subarray(0, 1024), () => res.destroy());
      return;
    }
    default:
      res.writeHead(404).end();
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of stalled) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  hits = [];
});

/** A `getUrl` that hands out `first`, then `fresh` when forced, and records its calls. */
function links(first: ReplayLink, fresh: ReplayLink = first) {
  const calls: boolean[] = [];
  return {
    calls,
    getUrl: async ({ force }: { force: boolean }) => {
      calls.push(force);
      return force ? fresh : first;
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<ReplayError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error('expected the download to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReplayError);
  return error as ReplayError;
}

describe('downloadChatDump', () => {
  it('downloads the CSV as a text/csv Blob with monotonic progress ending at Content-Length', async () => {
    const { getUrl, calls } = links({ url: `${base}/dump.csv`, expiresAt: FUTURE });
    const progress: DownloadProgress[] = [];
    const blob = await downloadChatDump({ getUrl, onProgress: (p) => progress.push(p) });

    expect(blob.type).toBe('text/csv');
    expect(await blob.text()).toBe(CSV);
    expect(calls).toEqual([false]);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress[0]).toEqual({ loaded: 0, total: CSV_BYTES.length });
    expect(progress.at(-1)).toEqual({ loaded: CSV_BYTES.length, total: CSV_BYTES.length });
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]?.loaded).toBeGreaterThan(progress[i - 1]?.loaded ?? Infinity);
      expect(progress[i]?.total).toBe(CSV_BYTES.length);
    }
  });

  it('refreshes the link once when storage answers 403, then succeeds', async () => {
    const { getUrl, calls } = links(
      { url: `${base}/signed.csv?v=1`, expiresAt: FUTURE },
      { url: `${base}/signed.csv?v=2`, expiresAt: FUTURE },
    );
    const blob = await downloadChatDump({ getUrl });
    expect(await blob.text()).toBe(CSV);
    expect(calls).toEqual([false, true]);
    expect(hits).toEqual(['/signed.csv?v=1', '/signed.csv?v=2']);
  });

  it('fails clearly after exactly one refresh when storage always answers 403', async () => {
    const { getUrl, calls } = links({ url: `${base}/forbidden.csv`, expiresAt: FUTURE });
    const error = await rejection(downloadChatDump({ getUrl }));
    expect(error.code).toBe('storage-forbidden');
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/refused/);
    expect(calls).toEqual([false, true]);
    expect(hits).toEqual(['/forbidden.csv', '/forbidden.csv']);
  });

  it('refreshes a link whose expiry has passed before using it', async () => {
    const now = () => Date.parse('2030-01-01T00:00:00Z');
    const { getUrl, calls } = links(
      { url: `${base}/signed.csv?v=1`, expiresAt: new Date('2029-12-31T23:59:00Z') },
      { url: `${base}/signed.csv?v=2`, expiresAt: new Date('2030-01-01T00:10:00Z') },
    );
    const blob = await downloadChatDump({ getUrl, now });
    expect(await blob.text()).toBe(CSV);
    expect(calls).toEqual([false, true]);
    expect(hits).toEqual(['/signed.csv?v=2']);
  });

  it('gives up with `expired` when the fresh link has expired too', async () => {
    const past = { url: `${base}/dump.csv`, expiresAt: new Date('2000-01-01T00:00:00Z') };
    const { getUrl, calls } = links(past);
    const error = await rejection(downloadChatDump({ getUrl }));
    expect(error.code).toBe('expired');
    expect(calls).toEqual([false, true]);
    expect(hits).toEqual([]);
  });

  it('reports other storage errors without refreshing', async () => {
    const { getUrl, calls } = links({ url: `${base}/gone.csv`, expiresAt: FUTURE });
    const error = await rejection(downloadChatDump({ getUrl }));
    expect(error).toMatchObject({ code: 'storage-error', status: 404 });
    expect(calls).toEqual([false]);
  });

  it('reports an unknown total for a chunked response without Content-Length', async () => {
    const { getUrl } = links({ url: `${base}/chunked.csv`, expiresAt: FUTURE });
    const progress: DownloadProgress[] = [];
    const blob = await downloadChatDump({ getUrl, onProgress: (p) => progress.push(p) });
    expect(await blob.text()).toBe(HEADER + ROW + ROW);
    expect(progress.every((p) => p.total === undefined)).toBe(true);
    expect(progress.at(-1)?.loaded).toBe(Buffer.byteLength(HEADER + ROW + ROW));
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]?.loaded).toBeGreaterThanOrEqual(progress[i - 1]?.loaded ?? Infinity);
    }
  });

  it('aborts mid-stream with a typed `aborted` error', async () => {
    const controller = new AbortController();
    const { getUrl } = links({ url: `${base}/stall.csv`, expiresAt: FUTURE });
    const progress: DownloadProgress[] = [];
    const download = downloadChatDump({
      getUrl,
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p);
        if (p.loaded > 0) controller.abort(new Error('user cancelled'));
      },
    });
    const error = await rejection(download);
    expect(error.code).toBe('aborted');
    expect(error.cause).toEqual(new Error('user cancelled'));
    expect(progress.at(-1)?.loaded).toBe(1024);
  });

  it('aborts before anything is fetched when the signal is already aborted', async () => {
    const { getUrl, calls } = links({ url: `${base}/dump.csv`, expiresAt: FUTURE });
    const error = await rejection(downloadChatDump({ getUrl, signal: AbortSignal.abort() }));
    expect(error.code).toBe('aborted');
    expect(calls).toEqual([]);
    expect(hits).toEqual([]);
  });

  it('explains a refused connection as blocked or offline', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const { getUrl } = links({ url: `http://127.0.0.1:${port}/dump.csv`, expiresAt: FUTURE });
    const error = await rejection(downloadChatDump({ getUrl }));
    expect(error.code).toBe('network');
    expect(error.message).toBe(
      'The download was blocked — storage may not allow this site (CORS) or the network is down.',
    );
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('reports a connection dropped mid-body as a network error', async () => {
    const { getUrl } = links({ url: `${base}/truncated.csv`, expiresAt: FUTURE });
    const error = await rejection(downloadChatDump({ getUrl }));
    expect(error.code).toBe('network');
    expect(error.retryable).toBe(true);
  });

  it('wraps a failing getUrl, and passes a ReplayError from it through', async () => {
    const wrapped = await rejection(
      downloadChatDump({ getUrl: () => Promise.reject(new Error('boom')) }),
    );
    expect(wrapped.code).toBe('endpoint-error');
    const passed = await rejection(
      downloadChatDump({ getUrl: () => Promise.reject(new ReplayError('not-found')) }),
    );
    expect(passed.code).toBe('not-found');
  });
});
