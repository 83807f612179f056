import { neutraliseFormula } from '../csv/chatDumpCells';
import { loadPapa } from '../csv/loadPapa';
import type { Message } from '../types';
import type { Anonymiser } from './createAnonymiser';
import { formatClockTime } from './buildChatExport';
import { createZipEntryNames } from './zipEntryNames';

/** One shared image or file. */
export interface ChatFileEntry {
  messageId: string;
  userId: string;
  displayName: string;
  time: Date;
  kind: 'image' | 'file';
  /** The name it was shared under (an image's is taken from its link). */
  name: string;
  link: string;
  size?: number;
}

export interface ZipChatFilesProgress {
  loaded: number;
  /** Known when every file's size is. */
  total: number | undefined;
  files: { done: number; total: number };
}

export interface ZipChatFilesOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ZipChatFilesProgress) => void;
  /**
   * Called once, when storage first refuses a link (401, 403 or 410: signed links expire): fresh
   * links by message id. That file and the rest are fetched with them; a second refusal is final.
   */
  refresh?: () => Promise<ReadonlyMap<string, string>>;
  /** Replaces senders and names typed in file names with "Participant N" (index and entries). */
  anonymiser?: Anonymiser | undefined;
  fetch?: typeof fetch;
  /** The index file's name. Default `index.csv`. */
  indexName?: string;
}

const IMAGE_TYPES: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/avif': '.avif',
};

function lastSegment(link: string): string {
  try {
    return decodeURIComponent(new URL(link, 'http://x/').pathname.split('/').pop() ?? '');
  } catch {
    return '';
  }
}

/** Every image and file in `messages`, in order (custom messages' attachments too). */
export function chatFileEntries(messages: readonly Message[]): ChatFileEntry[] {
  const out: ChatFileEntry[] = [];
  for (const m of messages) {
    const base = { messageId: m.id, userId: m.userId, displayName: m.displayName, time: m.time };
    if (m.type === 'image')
      out.push({ ...base, kind: 'image', name: lastSegment(m.link), link: m.link });
    else if (m.type === 'file')
      out.push({ ...base, kind: 'file', name: m.name, link: m.link, size: m.size });
    else if (m.type === 'custom') {
      for (const a of m.images ?? [])
        out.push({ ...base, kind: 'image', name: a.name ?? lastSegment(a.link), link: a.link });
      for (const a of m.files ?? [])
        out.push({ ...base, kind: 'file', name: a.name ?? lastSegment(a.link), link: a.link });
    }
  }
  return out.filter((e) => /^(https?|blob):|^\//i.test(e.link));
}

const REFUSED = new Set([401, 403, 410]);

/**
 * Streams a zip of the meeting's files (client-zip: stored, not recompressed, since images and
 * documents are compressed already) with an index (`index.csv`: name in the zip, sender, time,
 * original name, message id, and why a file is missing when it could not be fetched). Names are
 * made safe and unique (`createZipEntryNames`). Files are fetched one at a time as the zip is
 * read; an abort errors the stream, so whoever reads it saves nothing.
 *
 * @example
 * ```ts
 * const stream = await zipChatFiles(chatFileEntries(messages), { signal, onProgress })
 * saveBlob(await new Response(stream).blob(), 'Standup files 2026-11-30.zip')
 * ```
 */
export async function zipChatFiles(
  entries: readonly ChatFileEntry[],
  options: ZipChatFilesOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  // Loaded with the first zip: client-zip also polyfills `Blob.prototype.stream` where it lacks.
  const { makeZip } = await import('client-zip');
  const { signal, onProgress, anonymiser: anon, indexName = 'index.csv' } = options;
  const fetchFile = options.fetch ?? globalThis.fetch.bind(globalThis);
  const unique = createZipEntryNames([indexName]);
  const sizes = entries.map((e) => e.size);
  const total = sizes.every((s) => typeof s === 'number')
    ? sizes.reduce<number>((a, s) => a + (s ?? 0), 0)
    : undefined;
  let loaded = 0;
  let done = 0;
  let links: ReadonlyMap<string, string> | null = null;
  const report = () => onProgress?.({ loaded, total, files: { done, total: entries.length } });
  const rows: string[][] = [['file', 'sender', 'time', 'originalName', 'messageId', 'missing']];

  async function open(entry: ChatFileEntry): Promise<Response | string> {
    const get = (link: string) => fetchFile(link, { signal, credentials: 'same-origin' });
    let response: Response;
    try {
      response = await get(links?.get(entry.messageId) ?? entry.link);
    } catch (error) {
      // Unreachable (offline, CORS): listed in the index as missing; the zip goes on.
      if (signal?.aborted) throw error;
      return error instanceof Error ? error.message : 'unreachable';
    }
    if (REFUSED.has(response.status) && options.refresh && links === null) {
      await response.body?.cancel();
      links = await options.refresh();
      response = await get(links.get(entry.messageId) ?? entry.link);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return `HTTP ${response.status}`;
    }
    return response;
  }

  const counted = (body: ReadableStream<Uint8Array>) =>
    body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          signal?.throwIfAborted();
          loaded += chunk.byteLength;
          report();
          controller.enqueue(chunk);
        },
      }),
    );

  async function* files() {
    report();
    for (const entry of entries) {
      signal?.throwIfAborted();
      const result = await open(entry);
      const sender = anon ? anon.name(entry.userId) : entry.displayName;
      const original = anon ? anon.text(entry.name) : entry.name;
      let name = original;
      if (entry.kind === 'image' && typeof result !== 'string' && !/\.[a-z0-9]{2,5}$/i.test(name)) {
        const type = result.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
        name = `${name || 'image'}${IMAGE_TYPES[type] ?? ''}`;
      }
      const inZip = typeof result === 'string' ? '' : unique(name || entry.kind);
      rows.push([
        inZip,
        sender,
        formatClockTime(entry.time),
        original,
        entry.messageId,
        typeof result === 'string' ? result : '',
      ]);
      if (typeof result !== 'string') {
        yield {
          name: inZip,
          lastModified: entry.time,
          input: counted(result.body as ReadableStream<Uint8Array>),
        };
      }
      done++;
      report();
    }
    const Papa = await loadPapa();
    const index = Papa.unparse(
      rows.map((row) => row.map(neutraliseFormula)),
      { newline: '\r\n' },
    );
    yield { name: indexName, lastModified: new Date(), input: `\uFEFF${index}\r\n` };
  }

  return makeZip(files());
}
