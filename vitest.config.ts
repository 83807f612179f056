import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

const resolve = { conditions: ['natter-source'] };

export default defineConfig({
  resolve,
  test: {
    projects: [
      {
        plugins: [
          storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) }),
        ],
        test: {
          name: 'storybook',
          setupFiles: ['./.storybook/vitest.setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            instances: [{ browser: 'chromium' }],
            provider: playwright({
              launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
            }),
          },
        },
      },
      {
        resolve,
        test: {
          name: 'core',
          root: 'packages/core',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          typecheck: { enabled: false },
        },
      },
      {
        resolve,
        test: {
          name: 'hooks',
          root: 'packages/hooks',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
        },
      },
      {
        resolve,
        test: {
          name: 'ui',
          root: 'packages/ui',
          environment: 'jsdom',
          // The first test of a file pays for jsdom, imports and axe: on a loaded 2-core machine
          // that alone can pass 5 s.
          testTimeout: 15_000,
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['./test/setup.ts'],
        },
      },
      {
        resolve,
        // Node-environment tests resolve workspace packages through the SSR conditions.
        ssr: { resolve: { conditions: ['natter-source'] } },
        test: {
          name: 'dev-server',
          root: 'packages/dev-server',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        },
      },
      {
        resolve,
        ssr: { resolve: { conditions: ['natter-source'] } },
        test: {
          name: 'e2e',
          root: 'apps/demo',
          environment: 'node',
          include: ['e2e/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve,
        test: {
          name: 'sdk-harness',
          root: 'packages/sdk-harness',
          environment: 'jsdom',
          include: [
            'src/**/*.test.ts',
            'test/**/*.test.ts',
            'src/**/*.test.tsx',
            'test/**/*.test.tsx',
          ],
        },
      },
      // The harness and the real SDKs once more, in headless Chromium (its own Vite config).
      'packages/sdk-harness/vitest.browser.config.ts',
    ],
  },
});
