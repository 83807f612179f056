/**
 * The shared setup of the demo's end-to-end tests: a real demo server (API routes + Vite) and dev
 * server on random ports over a temp data directory, Debian's Chromium driven by playwright-core,
 * and people joining one meeting from separate browser contexts (their own cookies and storage,
 * like separate machines). Every wait is for a condition, bounded by Playwright's timeouts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { startDemo } from '../server/startDemo';
import type { DemoServer } from '../server/startDemo';

export const WAIT_MS = 15_000;

export interface DemoRoom {
  demo: DemoServer;
  browser: Browser;
  /** Uncaught errors of every page, `name: message`. */
  pageErrors: string[];
  /**
   * Opens a fresh browser context, joins the room as `name` and waits to be connected, checking
   * that the cursor starts where the page's one task is (the name, then the message box).
   */
  join(name: string, options?: { host?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts the demo and opens a room named `prefix-<time>`; `prepare` runs on each new browser
 * context before its page opens (init scripts, say).
 */
export async function openDemoRoom(
  prefix: string,
  prepare?: (context: BrowserContext) => Promise<unknown>,
): Promise<DemoRoom> {
  const dir = mkdtempSync(join(tmpdir(), `natter-${prefix}-e2e-`));
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const demo = await startDemo({
    dataDir: join(dir, 'data'),
    cacheDir: join(dir, 'vite-cache'),
    port: 0,
    watch: false,
    log: () => undefined,
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const room = `${prefix}-${Date.now().toString(36)}`;
  return {
    demo,
    browser,
    pageErrors,
    async join(name, options = {}) {
      const context = await browser.newContext({ acceptDownloads: true });
      context.setDefaultTimeout(WAIT_MS);
      await prepare?.(context);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
      await page.goto(`${demo.url}/?room=${room}`);
      // (Checked for each person as they join: a missing focus fails the suite's setup, by name.)
      await focused(page.getByLabel('Your name'), 'the name field');
      await page.getByLabel('Your name').fill(name);
      if (options.host) await page.getByLabel(/Join as host/).check();
      await page.getByRole('button', { name: 'Join' }).click();
      await connected(page);
      await focused(page.getByRole('textbox', { name: /message/i }), 'the message box');
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await demo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until `locator` has the keyboard focus. */
export async function focused(locator: Locator, what: string): Promise<void> {
  await locator
    .and(locator.page().locator(':focus'))
    .waitFor()
    .catch(() => {
      throw new Error(`${what} was not focused when the page opened`);
    });
}

export function connected(page: Page): Promise<unknown> {
  return page.locator('.demo-connection[data-state="connected"]').waitFor();
}

/** The rendered message bubble containing `text`. */
export function message(page: Page, text: string): Locator {
  return page.locator('.natter-message', { hasText: text });
}

/** Sends `text` from the composer and waits for the server's broadcast to confirm it. */
export async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: /message/i });
  await box.fill(text);
  await box.press('Enter');
  await page
    .locator('.natter-message:not([data-status="sending"], [data-status="failed"])', {
      hasText: text,
    })
    .waitFor();
}
