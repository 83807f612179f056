// A Vite + React app installs the packed tarballs from npm, type-checks strictly against our
// .d.ts (skipLibCheck off), builds, and works in Chromium: ChatPanel over createLocalChat sends a
// message, "Download chat" saves a CSV holding it, and that CSV opened in ReplayView is parsed in
// the chat-dump Web Worker, with no console error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, makeApp, run, serveStatic, start } from './helpers';

const react = {
  19: { react: '^19.2.0', types: '^19.2.0' },
  18: { react: '^18.3.1', types: '^18.3.0' },
} as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Drives the page as a user: send, download, replay. Returns the downloaded CSV. */
async function useTheChat(page: Page, url: string, text: string): Promise<string> {
  const errors: string[] = [];
  const workers: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('worker', (worker) => workers.push(worker.url()));

  await page.goto(url);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  const log = page.getByRole('log').first();
  await expect.poll(() => log.getByText(text).count(), { timeout: 15_000 }).toBe(1);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download chat' }).click(),
  ]);
  const path = await download.path();
  const csv = readFileSync(path, 'utf8');
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  expect(csv).toContain(text);

  await page.getByLabel('Open a chat export (.csv)').setInputFiles({
    name: 'chat.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  const replay = page.getByRole('region', { name: 'Chat replay' });
  await expect.poll(() => replay.getByText(text).count(), { timeout: 15_000 }).toBe(1);
  expect(workers.some((w) => /chatDumpWorker/.test(w))).toBe(true);
  expect(errors).toEqual([]);
  return csv;
}

for (const version of [19, 18] as const) {
  describe(`Vite + React ${version}, from the packed tarballs`, () => {
    let app: string;
    beforeAll(async () => {
      app = await makeApp(`vite-react-${version}`, 'vite-react', {
        natter: ['core', 'hooks', 'ui'],
        dependencies: {
          react: react[version].react,
          'react-dom': react[version].react,
          '@tanstack/react-query': '^5.90.0',
        },
        devDependencies: {
          '@types/react': react[version].types,
          '@types/react-dom': react[version].types,
          typescript: '~5.9.3',
          vite: '~8.3.8',
        },
      });
    });

    it('type-checks strictly against the published .d.ts (skipLibCheck off)', async () => {
      const config = JSON.parse(readFileSync(join(app, 'tsconfig.json'), 'utf8')) as {
        compilerOptions: Record<string, unknown>;
      };
      expect(config.compilerOptions).toMatchObject({ strict: true, skipLibCheck: false });
      await run('npx', ['tsc', '-p', '.'], app);
    });

    it('builds with vite build and works in Chromium: send, download, replay in the worker', async () => {
      await run('npx', ['vite', 'build'], app);
      const server = await serveStatic(join(app, 'dist'));
      const page = await browser.newPage({ acceptDownloads: true });
      try {
        await useTheChat(page, `${server.url}/`, `hello from a Vite ${version} build`);
      } finally {
        await page.close();
        await server.close();
      }
    });

    if (version === 19) {
      it('works on the Vite dev server too (the worker and papaparse served from node_modules)', async () => {
        const dev = await start(
          'npx',
          ['vite', '--port', '0', '--strictPort', 'false', '--host', '127.0.0.1'],
          app,
          /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/,
        );
        const page = await browser.newPage({ acceptDownloads: true });
        try {
          await useTheChat(page, dev.match[1] ?? '', 'hello from the Vite dev server');
        } finally {
          await page.close();
          dev.stop();
        }
      });
    }
  });
}
