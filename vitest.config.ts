import { defineConfig } from 'vitest/config';

const resolve = { conditions: ['natter-source'] };

export default defineConfig({
  resolve,
  test: {
    projects: [
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
          name: 'sdk-harness',
          root: 'packages/sdk-harness',
          environment: 'jsdom',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.tsx'],
        },
      },
    ],
  },
});
