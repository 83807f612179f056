#!/usr/bin/env node
// Screenshots of built Storybook stories in headless Chromium, for looking at what we build:
//   node scripts/screenshot.mjs <storybook-static dir> <out dir> <story-id>[:theme[:dir]] ...
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const [staticDir, outDir, ...stories] = process.argv.slice(2);
if (!staticDir || !outDir || stories.length === 0) {
  console.error('usage: screenshot.mjs <storybook-static> <out-dir> <story-id>[:theme[:dir]] ...');
  process.exit(2);
}
const root = resolve(staticDir);
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = join(root, path === '/' ? 'index.html' : path);
  if (!file.startsWith(root)) return void res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res
      .writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' })
      .end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
mkdirSync(outDir, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'natter-shot-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath(),
  headless: true,
  args: chromiumArgs,
  viewport: { width: 480, height: 820 },
});
try {
  for (const spec of stories) {
    const [id, theme = 'light', dir = 'ltr', wait = '1500'] = spec.split(':');
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`${id}: page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && console.error(`${id}: console: ${m.text()}`));
    await page.goto(
      `${base}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme};dir:${dir}`,
    );
    await page.waitForTimeout(Number(wait));
    const file = join(outDir, `${id}--${theme}-${dir}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
