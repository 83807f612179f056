/**
 * The baseline for the Chromium worker path: papaparse's own `header: true` parse of the same
 * Blob in a worker of our own, posting its rows back to the main thread chunk by chunk, as
 * papaparse's `worker: true` mode does. (That mode cannot run inside a bundle: papaparse loads the
 * bundle itself as its worker script and fails with "reading 'skipEmptyLines'".)
 */
import Papa from 'papaparse';

self.addEventListener('message', ({ data }: MessageEvent<Blob>) => {
  Papa.parse<Record<string, string>>(data as File, {
    header: true,
    skipEmptyLines: true,
    chunk: (results) => self.postMessage({ type: 'rows', rows: results.data }),
    complete: () => self.postMessage({ type: 'done' }),
    error: (error) => self.postMessage({ type: 'failed', message: error.message }),
  });
});
