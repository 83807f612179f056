import { ReplayError, abortError } from './ReplayError';
import type { ReplayLink } from './createReplayClient';

/** Bytes received so far; `total` is from `Content-Length`, `undefined` when the size is unknown. */
export interface DownloadProgress {
  loaded: number;
  total: number | undefined;
}

export interface DownloadChatDumpOptions {
  /**
   * Gets the signed storage URL. Called with `force: false` first, and at most once more with
   * `force: true` when the link has expired or storage refuses it.
   */
  getUrl: (options: { force: boolean; signal?: AbortSignal }) => Promise<ReplayLink>;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Called once when the response starts (`loaded: 0`), then after every chunk. */
  onProgress?: (progress: DownloadProgress) => void;
  /** The clock, for tests. Default `Date.now`. */
  now?: () => number;
}

const BLOCKED =
  'The download was blocked — storage may not allow this site (CORS) or the network is down.';

/**
 * Downloads a session's chat dump from its signed storage URL, streaming the body for
 * progress. An expired link, or one storage refuses (401/403), is replaced by a fresh one
 * once; a second failure is reported as `expired` or `storage-forbidden`. Every failure is a
 * `ReplayError`; aborting through `signal` gives code `aborted`.
 *
 * @example
 * ```ts
 * const controller = new AbortController()
 * const blob = await downloadChatDump({
 *   getUrl: ({ force, signal }) => replay.getDownloadUrl(sessionId, { force, signal }),
 *   signal: controller.signal,
 *   onProgress: ({ loaded, total }) => bar.update(total ? loaded / total : undefined),
 * })
 * saveBlob(blob, `chat-${sessionId}.csv`)
 * ```
 */
export async function downloadChatDump(options: DownloadChatDumpOptions): Promise<Blob> {
  const { signal, onProgress } = options;
  const fetchImpl =
    options.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const expired = (link: ReplayLink) => link.expiresAt.getTime() <= now();

  const obtain = async (force: boolean): Promise<ReplayLink> => {
    if (signal?.aborted) throw abortError(signal);
    let link: ReplayLink;
    try {
      link = await options.getUrl({ force, signal });
    } catch (cause) {
      if (cause instanceof ReplayError) throw cause;
      if (signal?.aborted) throw abortError(signal);
      throw new ReplayError('endpoint-error', undefined, { cause });
    }
    if (signal?.aborted) throw abortError(signal);
    return link;
  };

  let link = await obtain(false);
  let refreshed = false;
  if (expired(link)) {
    link = await obtain(true);
    refreshed = true;
    if (expired(link))
      throw new ReplayError(
        'expired',
        'The chat export keeps returning download links that have already expired.',
      );
  }

  for (;;) {
    let response: Response;
    try {
      response = await fetchImpl(link.url, { method: 'GET', signal });
    } catch (cause) {
      if (signal?.aborted) throw abortError(signal);
      throw new ReplayError('network', BLOCKED, { cause });
    }
    if (response.ok) return readBody(response, signal, onProgress);

    await response.body?.cancel().catch(() => undefined);
    const status = response.status;
    const refusedLink = status === 401 || status === 403 || expired(link);
    if (!refusedLink) {
      throw new ReplayError(
        'storage-error',
        status === 404
          ? 'The chat file was not found in storage.'
          : `The storage server answered ${status} to the download.`,
        { status },
      );
    }
    if (refreshed) {
      throw expired(link)
        ? new ReplayError('expired', undefined, { status })
        : new ReplayError('storage-forbidden', undefined, { status });
    }
    link = await obtain(true);
    refreshed = true;
  }
}

async function readBody(
  response: Response,
  signal: AbortSignal | undefined,
  onProgress: ((progress: DownloadProgress) => void) | undefined,
): Promise<Blob> {
  let total = contentLength(response);
  onProgress?.({ loaded: 0, total });
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let loaded = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
      try {
        result = await reader.read();
      } catch (cause) {
        if (signal?.aborted) throw abortError(signal);
        throw new ReplayError(
          'network',
          'The download was interrupted. Check the connection and retry.',
          { cause },
        );
      }
      if (result.done) break;
      chunks.push(result.value);
      loaded += result.value.byteLength;
      // A transparently decompressed body outgrows its Content-Length: the size is unknown then.
      if (total !== undefined && loaded > total) total = undefined;
      try {
        onProgress?.({ loaded, total });
      } catch (error) {
        await reader.cancel().catch(() => undefined);
        throw error;
      }
    }
  }
  if (signal?.aborted) throw abortError(signal);
  if (total !== undefined && loaded < total) {
    throw new ReplayError(
      'network',
      `The download ended early (${loaded} of ${total} bytes). Retry.`,
    );
  }
  return new Blob(chunks, { type: 'text/csv' });
}

function contentLength(response: Response): number | undefined {
  const encoding = response.headers.get('Content-Encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') return undefined;
  const value = response.headers.get('Content-Length');
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  const length = Number(value);
  return Number.isSafeInteger(length) ? length : undefined;
}
