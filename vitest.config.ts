import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

const resolve = { conditions: ['natter-source'] };
// Time limits guard against hangs, not speed: on a loaded 2-core machine a jsdom test that types
// with user-event can take several seconds, and a test that times out keeps typing into the next
// one. Inline projects do not inherit the root's test options, so each one spreads these.
// The ReplayView HostileInput story took 34.6 s at load average 19 (it passes; it is not a hang).
const limits = { testTimeout: 90_000, hookTimeout: 120_000 };

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
          ...limits,
          // ChatPanel's HostileInput renders a 100 kB message and took 25-29 s of the 30 s under
          // load (on main as well): the limit is for hangs, so stories get more room.
          testTimeout: 90_000,
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

          ...limits,
          root: 'packages/core',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          typecheck: { enabled: false },
        },
      },
      {
        resolve,
        // A Node-environment test (`@vitest-environment node`) resolves them through SSR's.
        ssr: { resolve: { conditions: ['natter-source'] } },
        test: {
          name: 'hooks',

          ...limits,
          root: 'packages/hooks',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
        },
      },
      {
        resolve,
        test: {
          name: 'ui',

          ...limits,
          root: 'packages/ui',
          environment: 'jsdom',
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

          ...limits,
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

          ...limits,
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
      {
        // The packed tarballs installed with npm into Vite, Next.js and plain Node apps in a temp
        // dir (consumers/README.md).
        test: {
          name: 'consumers',
          root: 'consumers',
          environment: 'node',
          include: ['*.test.ts'],
          globalSetup: ['./globalSetup.ts'],
          testTimeout: 600_000,
          hookTimeout: 1_200_000,
        },
      },
      // The harness and the real SDKs once more, in headless Chromium (its own Vite config).
      'packages/sdk-harness/vitest.browser.config.ts',
    ],
  },
});
