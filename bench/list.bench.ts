/**
 * List benchmarks in headless Chromium: builds bench/list (production React) with Vite, serves it
 * on loopback, and for each implementation and size reads the numbers the page measured.
 * `--sizes 1000,10000` and `--impls natter,tanstack` narrow the run.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { build, defaultClientConditions } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const sizes = arg('sizes', '1000,10000,50000,100000').split(',').map(Number);
const impls = arg('impls', 'natter,tanstack,virtuoso,naive').split(',');
const NAIVE_MAX = 10_000; // 50k+ rows without virtualization take 10+ s to mount: not worth the wait

const root = resolve(import.meta.dirname, 'list');
const outDir = resolve(import.meta.dirname, '.out/list');
await build({
  root,
  logLevel: 'error',
  mode: 'production',
  resolve: { conditions: ['natter-source', ...defaultClientConditions] },
  build: { outDir, emptyOutDir: true, sourcemap: false },
});

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};
const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
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

const userDataDir = mkdtempSync(join(tmpdir(), 'natter-bench-'));
const browser = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath(),
  headless: true,
  args: [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  viewport: { width: 420, height: 800 },
});
try {
  for (const n of sizes) {
    for (const impl of impls) {
      if (impl === 'naive' && n > NAIVE_MAX) {
        console.log(
          JSON.stringify({
            suite: 'list',
            name: `${impl} ${n.toLocaleString('en')}`,
            impl,
            n,
            skipped: `over ${NAIVE_MAX}`,
          }),
        );
        continue;
      }
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}/?impl=${impl}&n=${n}`);
      await page.waitForFunction(() => window.__benchResult || window.__benchError, undefined, {
        timeout: 240_000,
        polling: 250,
      });
      const { result, error } = await page.evaluate(() => ({
        result: window.__benchResult,
        error: window.__benchError,
      }));
      await page.close();
      if (error || errors.length) throw new Error(`${impl} ${n}: ${error ?? errors.join('\n')}`);
      const { impl: _i, n: _n, ...numbers } = result as Record<string, unknown>;
      console.log(
        JSON.stringify({
          suite: 'list',
          name: `${impl} ${n.toLocaleString('en')}`,
          impl,
          n,
          ...numbers,
        }),
      );
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

declare global {
  interface Window {
    __benchResult?: Record<string, unknown>;
    __benchError?: string;
  }
}
