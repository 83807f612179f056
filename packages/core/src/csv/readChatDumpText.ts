import { ChatDumpError } from './ChatDumpError';

/** What `parseChatDump` accepts: the whole text, a Blob/File, or a byte stream (a `fetch` body). */
export type ChatDumpInput = string | Blob | ReadableStream<Uint8Array>;

export interface TextChunk {
  text: string;
  /** Bytes (Blob, stream) or UTF-16 code units (string) consumed so far. */
  loaded: number;
}

/** String input is handed over in slices of this many code units, so progress and aborts work. */
const STRING_SLICE = 1 << 15;

/**
 * Blobs are read this many bytes at a time. Far fewer awaits than a `stream()` (64 KiB chunks),
 * while a slice's text (at most twice this in memory) stays small next to the parsed messages.
 */
const BLOB_SLICE = 4 << 20;

/** Bytes decoded at a time: at most 64 KiB of text (128 KiB as UTF-16, V8's large-object limit). */
const DECODE_PIECE = 1 << 15;

/**
 * Yields the input as decoded text chunks (UTF-8, a leading byte-order mark removed), never
 * holding more than one chunk of a Blob or stream at a time.
 */
export async function* readChatDumpText(input: ChatDumpInput): AsyncGenerator<TextChunk> {
  if (typeof input === 'string') {
    const bom = input.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (let start = bom; start < input.length; start += STRING_SLICE) {
      const end = Math.min(start + STRING_SLICE, input.length);
      yield { text: input.slice(start, end), loaded: end };
    }
    return;
  }
  if (input instanceof Blob && (typeof input.stream !== 'function' || canSlice(input))) {
    yield* readBlobSlices(input, typeof input.stream === 'function' ? BLOB_SLICE : STRING_SLICE);
    return;
  }
  const reader = openReader(input);
  const decoder = new TextDecoder('utf-8'); // strips a leading BOM, joins split multi-byte characters
  let loaded = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await read(reader);
      if (done) break;
      loaded += value.byteLength;
      const text = decoder.decode(value, { stream: true });
      if (text !== '') yield { text, loaded };
    }
    finished = true;
    const rest = decoder.decode();
    if (rest !== '') yield { text: rest, loaded };
  } finally {
    // Stopped early (abort, unusable file): let the source stop producing.
    if (!finished) reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function canSlice(blob: Blob): boolean {
  return typeof blob.slice === 'function' && typeof blob.arrayBuffer === 'function';
}

/**
 * Reads a Blob in slices one at a time: big ones through `arrayBuffer()` when it can, 1 MiB ones
 * for Blobs without `stream()` (older Safari, jsdom), lacking `arrayBuffer()` through a `FileReader`.
 */
async function* readBlobSlices(blob: Blob, size: number): AsyncGenerator<TextChunk> {
  const decoder = new TextDecoder('utf-8');
  const read = (start: number) => {
    const bytes = sliceBytes(blob.slice(start, Math.min(start + size, blob.size)));
    bytes.catch(() => undefined); // awaited below; handled here in case the reader is abandoned
    return bytes;
  };
  let ahead = blob.size > 0 ? read(0) : undefined;
  for (let start = 0; ahead; start += size) {
    const bytes = new Uint8Array(await ahead);
    // The next slice is read while this one is parsed.
    ahead = start + size < blob.size ? read(start + size) : undefined;
    // Decoded piece by piece: a piece's text stays below V8's large-object size, so it dies young
    // instead of piling up in the old generation until a full collection.
    for (let at = 0; at < bytes.length; at += DECODE_PIECE) {
      const stop = Math.min(at + DECODE_PIECE, bytes.length);
      const text = decoder.decode(bytes.subarray(at, stop), { stream: true });
      if (text !== '') yield { text, loaded: start + stop };
    }
  }
  const rest = decoder.decode();
  if (rest !== '') yield { text: rest, loaded: blob.size };
}

async function sliceBytes(slice: Blob): Promise<ArrayBuffer> {
  if (typeof slice.arrayBuffer === 'function') {
    try {
      return await slice.arrayBuffer();
    } catch (error) {
      throw new ChatDumpError('read-failed', 'Reading the chat dump failed part way through.', {
        cause: error,
      });
    }
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () =>
      reject(
        new ChatDumpError('read-failed', 'Reading the chat dump failed part way through.', {
          cause: reader.error,
        }),
      );
    reader.readAsArrayBuffer(slice);
  });
}

function openReader(
  input: Blob | ReadableStream<Uint8Array>,
): ReadableStreamDefaultReader<Uint8Array> {
  try {
    return (input instanceof Blob ? input.stream() : input).getReader();
  } catch (error) {
    throw new ChatDumpError(
      'read-failed',
      'The chat dump could not be read: expected a string, a Blob or an unlocked ReadableStream.',
      { cause: error },
    );
  }
}

async function read(
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  try {
    return await reader.read();
  } catch (error) {
    throw new ChatDumpError('read-failed', 'Reading the chat dump failed part way through.', {
      cause: error,
    });
  }
}

/** Total size when known: string length, Blob size; unknown for streams. */
export function inputSize(input: ChatDumpInput): number | undefined {
  if (typeof input === 'string') return input.length;
  if (input instanceof Blob) return input.size;
  return undefined;
}
