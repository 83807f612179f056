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
    ],
  },
});
