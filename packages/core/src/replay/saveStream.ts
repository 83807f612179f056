import { saveBlob, sanitizeFilename } from './saveBlob';

interface WritableFileHandle {
  createWritable(): Promise<WritableStream<Uint8Array>>;
  remove?: () => Promise<void>;
}
type SavePicker = (options: { suggestedName: string }) => Promise<WritableFileHandle>;

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
  const picker =
    options.picker === false
      ? undefined
      : (options.showSaveFilePicker ??
        (globalThis as { showSaveFilePicker?: SavePicker }).showSaveFilePicker);
  if (typeof picker === 'function') {
    let handle: WritableFileHandle | undefined;
    try {
      handle = await picker({ suggestedName: sanitizeFilename(filename) });
    } catch (error) {
      // The person closed the dialog: nothing to save. Anything else (no user gesture left, a
      // sandboxed frame): fall back to the Blob.
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
    }
    if (handle) {
      try {
        await stream.pipeTo(await handle.createWritable(), signal ? { signal } : {});
      } catch (error) {
        await handle.remove?.().catch(() => undefined);
        throw error;
      }
      return;
    }
  }
  const blob = await new Response(stream).blob();
  signal?.throwIfAborted();
  saveBlob(options.type ? new Blob([blob], { type: options.type }) : blob, filename);
}
