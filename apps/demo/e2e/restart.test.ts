/**
 * Restarting the demo, as a person running `pnpm start` does: the demo server process (page, API
 * and chat backend) is killed with SIGKILL mid-meeting and started again over the same data
 * directory. It comes back on the same port; open pages are not reloaded (a window marker
 * survives), they reconnect on their own, and a message typed while the server was down arrives
 * exactly once on both sides. A reload afterwards keeps who you are. Debian's Chromium, a real
 * process, a temp data directory; every wait is for a condition, bounded by Playwright's timeouts.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';

const WAIT_MS = 30_000;
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ROOM = `restart-${Date.now().toString(36)}`;
const SHOTS = process.env.NATTER_SCREENSHOTS;
let dir: string;
let browser: Browser;
const running = new Set<ChildProcess>();
const pageErrors: string[] = [];

/** Starts `apps/demo/server.ts` as `pnpm start` does; resolves with the URL it prints. */
function startProcess(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--conditions=natter-source', '--import', 'tsx', 'apps/demo/server.ts', ...args],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  child.on('exit', () => running.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Natter demo: (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

/** SIGKILL to the process group: no clean shutdown, as in a crash or a killed terminal. */
function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-(child.pid ?? 0), 'SIGKILL');
  return exited;
}

const state = (page: Page, value: string) =>
  page.locator(`.demo-connection[data-state="${value}"]`).waitFor();
const rows = (page: Page, text: string) => page.locator('.natter-message', { hasText: text });
const held = (page: Page, text: string) =>
  page.evaluate(
    (t) =>
      window.__natterDemo?.chat.messages.filter((m) => 'message' in m && m.message === t).length,
    text,
  );

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'natter-demo-restart-'));
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
}, 60_000);

afterAll(async () => {
  for (const child of running) await kill(child);
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

it('comes back on the same port; pages reconnect without reloading; a queued message lands once', async () => {
  const data = ['--data', join(dir, 'data'), '--vite-cache', join(dir, 'vite-cache')];
  const first = await startProcess(['--port', '0', ...data]);

  const enter = async (name: string): Promise<Page> => {
    const context = await browser.newContext();
    context.setDefaultTimeout(WAIT_MS);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
    await page.goto(`${first.url}/?room=${ROOM}`);
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('button', { name: 'Join' }).click();
    await state(page, 'connected');
    // Gone after a reload: proves the page was never reloaded.
    await page.evaluate(() => Object.assign(window, { __loadedOnce: 'still here' }));
    return page;
  };
  const ada = await enter('Ada Restart');
  const grace = await enter('Grace Restart');
  const graceId = await grace.evaluate(() => window.__natterDemo?.userId);
  const box = grace.getByRole('textbox', { name: /message/i });
  await box.fill('Before the restart');
  await box.press('Enter');
  await rows(ada, 'Before the restart').waitFor();

  await kill(first.child);
  await Promise.all([state(ada, 'reconnecting'), state(grace, 'reconnecting')]);
  const text = 'Typed while the demo was down';
  await box.fill(text);
  await box.press('Enter');
  await rows(grace, text).waitFor();
  if (SHOTS) await grace.screenshot({ path: join(SHOTS, 'restart-reconnecting.png') });

  // Started again as `pnpm start` does, without a port: it takes the one it had.
  const second = await startProcess(data);
  expect(second.url).toBe(first.url);
  await Promise.all([state(ada, 'connected'), state(grace, 'connected')]);
  await rows(ada, text).waitFor();
  await grace
    .locator('.natter-message:not([data-status="sending"], [data-status="failed"])', {
      hasText: text,
    })
    .waitFor();
  // A message after the restart, so anything late would have arrived before it.
  await ada.getByRole('textbox', { name: /message/i }).fill('After the restart');
  await ada.getByRole('textbox', { name: /message/i }).press('Enter');
  await rows(grace, 'After the restart').waitFor();
  if (SHOTS) await grace.screenshot({ path: join(SHOTS, 'restart-reconnected.png') });

  for (const page of [ada, grace]) {
    await expect(rows(page, text).count()).resolves.toBe(1);
    await expect(held(page, text)).resolves.toBe(1);
    await expect(
      page.evaluate(() => (window as { __loadedOnce?: string }).__loadedOnce),
    ).resolves.toBe('still here');
  }

  // A reload keeps who you are: same id and name, and your messages are still yours.
  await grace.reload();
  await state(grace, 'connected');
  await expect(grace.evaluate(() => window.__natterDemo?.userId)).resolves.toBe(graceId);
  await grace.getByText('Signed in as Grace Restart').waitFor();
  const row = rows(grace, text);
  await row.hover();
  await row.getByRole('button', { name: /^Message actions/ }).click();
  expect(await grace.getByRole('menuitem').allInnerTexts()).toEqual(
    expect.arrayContaining(['Edit', 'Delete']),
  );
  await grace.keyboard.press('Escape');
  await expect(rows(grace, text).count()).resolves.toBe(1);
  expect(pageErrors).toEqual([]);
  await kill(second.child);
}, 240_000);
