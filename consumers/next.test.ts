// A Next.js App Router app installs the packed tarballs. `next build` (Turbopack, then webpack)
// passes with no secrets set; the page prerenders ChatPanel, hydrates without a warning, sends a
// message; a Server Component calls @natter/ui's pure helpers; and the replay route mounted with
// createReplayHandler answers a JSON error naming the missing setting instead of crashing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, makeApp, run, start } from './helpers';

const noSecrets = {
  NEXT_TELEMETRY_DISABLED: '1',
  CLOUDFLARE_ACCOUNT_ID: '',
  REALTIMEKIT_APP_ID: '',
  CLOUDFLARE_API_TOKEN: '',
};

let browser: Browser;
let app: string;
beforeAll(async () => {
  browser = await launchChromium();
  app = await makeApp('next-app', 'next-app', {
    natter: ['core', 'hooks', 'ui'],
    dependencies: {
      next: '^16.0.0',
      react: '^19.2.0',
      'react-dom': '^19.2.0',
      '@tanstack/react-query': '^5.90.0',
    },
    devDependencies: {
      '@types/node': '^20.19.0',
      '@types/react': '^19.2.0',
      '@types/react-dom': '^19.2.0',
      typescript: '~5.9.3',
    },
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('Next.js App Router, from the packed tarballs', () => {
  it('builds with webpack with no secrets set', async () => {
    const { output } = await run('npx', ['next', 'build', '--webpack'], app, noSecrets);
    expect(output).toMatch(/○ \/\s/);
  });

  it('builds with Turbopack, prerenders, hydrates, chats, and the replay route answers JSON', async () => {
    const { output } = await run('npx', ['next', 'build'], app, noSecrets);
    // "○ /" is Next's mark for a page prerendered as static content.
    expect(output).toMatch(/○ \/\s/);
    const server = await start(
      'npx',
      ['next', 'start', '-p', '0', '-H', '127.0.0.1'],
      app,
      /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/,
      noSecrets,
    );
    const url = server.match[1] ?? '';
    const page = await browser.newPage();
    try {
      const html = await (await fetch(`${url}/`)).text();
      // The server renders the panel with its composer; history arrives on the client.
      expect(html).toContain('Write a message…');
      expect(html).toContain('Loading messages…');

      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${url}/`);
      await expect
        .poll(() => page.getByTestId('server-rendered').textContent())
        .toBe('Download chat: 2 kB');
      await expect
        .poll(() => page.getByRole('log').getByText('Good morning from Lisbon!').count(), {
          timeout: 15_000,
        })
        .toBe(1);
      const composer = page.getByRole('textbox', { name: 'Message' });
      await composer.fill('hello from Next.js');
      await composer.press('Enter');
      await expect
        .poll(() => page.getByRole('log').getByText('hello from Next.js').count(), {
          timeout: 15_000,
        })
        .toBe(1);
      expect(problems).toEqual([]);

      const response = await fetch(`${url}/api/chat-replay?sessionId=session-1`);
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({
        error: {
          code: 'misconfigured',
          message: 'createReplayHandler: `accountId` is required for provider "cloudflare".',
        },
      });
    } finally {
      await page.close();
      server.stop();
    }
  });
});
