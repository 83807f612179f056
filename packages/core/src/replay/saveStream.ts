import { saveBlob, sanitizeFilename } from './saveBlob';

/** A file picked to save into (`showSaveFilePicker`'s `FileSystemFileHandle`). */
export interface SaveFileHandle {
  createWritable(): Promise<WritableStream<Uint8Array>>;
  remove?: () => Promise<void>;
}
type SavePicker = (options: { suggestedName: string }) => Promise<SaveFileHandle>;

export interface SaveStreamOptions {
  signal?: AbortSignal;
  /** The saved Blob's type when the Blob path is taken. */
  type?: string;
  /**
   * Where the browser has `showSaveFilePicker` (Chromium), ask where to save and stream into the
   * file, so a large zip never sits in memory. Default true; false always takes the Blob path.
   */
  picker?: boolean;
  /** Overrides `window.showSaveFilePicker` (tests). */
  showSaveFilePicker?: SavePicker | undefined;
  /**
   * The file already asked for with `pickSaveFile` (undefined inside: no picker, take the Blob
   * path). Without it `saveStream` asks now.
   */
  target?: Promise<SaveFileHandle | undefined> | undefined;
}

/**
 * Asks where to save, now: the browser shows its save dialog only while the click's user
 * activation lasts, so call this in the click (before fetching anything), then hand the result to
 * `saveStream` as `target`. Resolves undefined where there is no picker (or it may not open here:
 * the Blob path then); rejects with an `AbortError` when the person closes the dialog.
 *
 * @example
 * ```ts
 * const target = pickSaveFile('files.zip') // in the click handler
 * await saveStream(await makeZip(), 'files.zip', { target })
 * ```
 */
export function pickSaveFile(
  filename: string,
  options: Pick<SaveStreamOptions, 'picker' | 'showSaveFilePicker'> = {},
): Promise<SaveFileHandle | undefined> {
  const picker =
    options.picker === false
      ? undefined
      : (options.showSaveFilePicker ??
        (globalThis as { showSaveFilePicker?: SavePicker }).showSaveFilePicker);
  if (typeof picker !== 'function') return Promise.resolve(undefined);
  const asked = picker({ suggestedName: sanitizeFilename(filename) }).catch((error: unknown) => {
    // The person closed the dialog: nothing to save. Anything else (no user gesture left, a
    // sandboxed frame): fall back to the Blob.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return undefined;
  });
  // Handled here too: a dialog closed while the export is still gathering is reported when it
  // saves, not as an unhandled rejection.
  asked.catch(() => undefined);
  return asked;
}

/**
 * Saves a stream as a file and leaves nothing half-written behind:
 * - with `showSaveFilePicker`, the bytes stream into the chosen file; on an abort or an error the
 *   writable is aborted (the browser discards its temporary file) and the file the picker created
 *   is removed;
 * - otherwise the whole stream is read into a Blob first and saved with `saveBlob` only once it is
 *   complete: an abort before then saves nothing.
 * Cancelling the picker rejects with an `AbortError`. Resolves once the file is saved.
 */
export async function saveStream(
  stream: ReadableStream<Uint8Array>,
  filename: string,
  options: SaveStreamOptions = {},
): Promise<void> {
  const { signal } = options;
  const handle = await (options.target ?? pickSaveFile(filename, options));
  if (handle) {
    try {
      await stream.pipeTo(await handle.createWritable(), { signal });
    } catch (error) {
      await handle.remove?.().catch(() => undefined);
      throw error;
    }
    return;
  }
  const blob = await new Response(stream).blob();
  signal?.throwIfAborted();
  saveBlob(options.type ? new Blob([blob], { type: options.type }) : blob, filename);
}
