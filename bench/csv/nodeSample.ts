/**
 * One Node sample of bench/csv.bench.ts, in a process of its own: `read`, `natter` or `papa` on
 * one dump file. Prints `{ ms, heap }` as JSON (`heap`: peak growth of the V8 heap, natter only).
 * Run with `--expose-gc`, like the bench itself.
 */
import { openAsBlob } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import Papa from 'papaparse';
import { parseChatDump } from '@natter/core';

const [kind, path, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
// The same number as `process.memoryUsage().heapUsed` without reading the process's RSS too:
// sampled after every parse window, that cost 19 ms of a 100k parse, charged to our side only.
const heapUsed = () => getHeapStatistics().used_heap_size;

async function sample(): Promise<{ ms: number; heap?: number }> {
  if (!path) throw new Error('usage: nodeSample.ts read|natter|papa <file> <rows>');
  if (kind === 'read') {
    gc();
    const t = performance.now();
    const text = new TextDecoder().decode(await readFile(path));
    const ms = performance.now() - t;
    if (text.length === 0) throw new Error('empty fixture');
    return { ms };
  }
  const blob = await openAsBlob(path);
  if (kind === 'papa') {
    gc();
    const t = performance.now();
    const parsed = Papa.parse<Record<string, string>>(await blob.text(), {
      header: true,
      skipEmptyLines: true,
    });
    const ms = performance.now() - t;
    if (parsed.data.length !== rows) throw new Error(`papaparse: ${parsed.data.length} rows`);
    return { ms };
  }
  gc();
  const before = heapUsed();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, heapUsed())), 5);
  const t = performance.now();
  const result = await parseChatDump(blob, {
    onProgress: () => (peak = Math.max(peak, heapUsed())),
  });
  const ms = performance.now() - t;
  clearInterval(sampler);
  peak = Math.max(peak, heapUsed());
  if (result.messages.length !== rows || result.errors.length !== 0)
    throw new Error(`natter: ${result.messages.length} rows, ${result.errors.length} errors`);
  return { ms, heap: peak - before };
}

console.log(JSON.stringify(await sample()));
