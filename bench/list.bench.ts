/**
 * List benchmarks in headless Chromium: builds bench/list (production React) with Vite, serves it
 * on loopback, and for each implementation and size runs the page in 3 fresh browsers and
 * reports the median of each number (and in how many runs a jump to the top reached the first
 * message). `--sizes 10000,100000`, `--impls natter,tanstack,virtuoso,naive,store` (store: the
 * store hydrated alone, no list) and `--runs 3`
 * choose what runs. `--profile FILE` records Chromium's CPU profile of the mount alone (the page
 * waits with `&wait=1` until the profiler runs, and stops after the mount with `&stop=mount`),
 * writes it to FILE (open it in Chrome DevTools' Performance panel) and prints the functions that
 * took the most time.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { build, defaultClientConditions } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const sizes = arg('sizes', '10000,100000').split(',').map(Number);
const impls = arg('impls', 'natter,tanstack,virtuoso').split(',');
const runs = Number(arg('runs', '3'));
const profile = arg('profile', '');
const NAIVE_MAX = 10_000; // 50k+ rows without virtualization take 10+ s to mount: not worth the wait

const root = resolve(import.meta.dirname, 'list');
const outDir = resolve(import.meta.dirname, '.out/list');
await build({
  root,
  logLevel: 'error',
  mode: 'production',
  resolve: { conditions: ['natter-source', ...defaultClientConditions] },
  // Profiling keeps the names readable (unminified, still the production React build).
  build: { outDir, emptyOutDir: true, sourcemap: false, minify: !profile },
});
// The build's garbage, collected now rather than by this process during a timed mount (2 cores).
(globalThis as { gc?: () => void }).gc?.();

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};
// A 1x1 PNG for every image message (the page asks for /img/N.png), a few bytes per file link.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path.startsWith('/img/'))
    return void res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
  if (path.startsWith('/files/')) return void res.writeHead(200).end('file');
  const file = join(outDir, path === '/' ? 'index.html' : path);
  if (!file.startsWith(outDir)) return void res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res
      .writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' })
      .end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** One run: a fresh browser (profile, caches, heap), one page, the numbers it measured. */
async function measure(impl: string, n: number): Promise<Record<string, number>> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'natter-bench-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
    viewport: { width: 420, height: 800 },
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    if (profile) {
      await page.goto(`${base}/?impl=${impl}&n=${n}&wait=1&stop=mount`);
      await page.waitForFunction(() => typeof window.__go === 'function', undefined, {
        timeout: 240_000,
      });
      const cdp = await browser.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await page.evaluate(() => window.__go?.());
      await page.waitForFunction(() => window.__benchResult || window.__benchError);
      const { profile: recorded } = await cdp.send('Profiler.stop');
      writeFileSync(profile, JSON.stringify(recorded));
      printProfile(recorded);
    } else await page.goto(`${base}/?impl=${impl}&n=${n}`);
    await page.waitForFunction(() => window.__benchResult || window.__benchError, undefined, {
      timeout: 240_000,
      polling: 250,
    });
    const { result, error } = await page.evaluate(() => ({
      result: window.__benchResult,
      error: window.__benchError,
    }));
    if (error || errors.length) throw new Error(`${impl} ${n}: ${error ?? errors.join('\n')}`);
    const { impl: _i, n: _n, ...numbers } = result as Record<string, number>;
    return numbers;
  } finally {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time per function (and per source file) of a CPU profile, the largest first. */
function printProfile(recorded: CpuProfile): void {
  const byNode = new Map(recorded.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const samples = recorded.samples ?? [];
  samples.forEach((id, i) => {
    const frame = byNode.get(id);
    const ms = (recorded.timeDeltas?.[i] ?? 0) / 1000;
    if (!frame) return;
    const file = frame.url.split('/').pop() || '(native)';
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  });
  const top = (map: Map<string, number>, count: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
  for (const [name, ms] of top(byFunction, 30))
    console.error(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  for (const [file, ms] of top(byFile, 8))
    console.error(`${ms.toFixed(1).padStart(8)} ms  [file] ${file}`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

try {
  for (const n of sizes) {
    for (const impl of impls) {
      const name = `${impl} ${n.toLocaleString('en')}`;
      if (impl === 'naive' && n > NAIVE_MAX) {
        console.log(JSON.stringify({ suite: 'list', name, impl, n, skipped: `over ${NAIVE_MAX}` }));
        continue;
      }
      const results: Record<string, number>[] = [];
      for (let r = 0; r < runs; r++) results.push(await measure(impl, n));
      const row: Record<string, unknown> = { suite: 'list', name, impl, n, runs };
      for (const key of Object.keys(results[0] ?? {})) {
        const values = results.map((x) => x[key] ?? NaN);
        row[key] =
          key === 'reached_top'
            ? `${values.filter((v) => v === 1).length} of ${runs}`
            : Math.round(median(values) * 100) / 100;
      }
      console.log(JSON.stringify(row));
    }
  }
} finally {
  server.close();
}

declare global {
  interface Window {
    __benchResult?: Record<string, unknown>;
    __benchError?: string;
    __go?: () => void;
  }
}
