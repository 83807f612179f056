/**
 * The `sdk-harness-browser` Vitest project: the harness and the real SDKs in headless Chromium.
 *
 * The harness reaches the SDKs' protobuf types through `@protobuf-ts/runtime`'s `MessageType`
 * (see `src/protoRegistry.ts`), so the harness and the SDK bundles must share one instance of that
 * module. Under Node the harness resolves it from the SDK's own location; in the browser Vite
 * serves modules, so:
 * - `@protobuf-ts/runtime` is aliased, for every importer, to the one ES build both SDKs resolve
 *   (pnpm gives the harness no path to it otherwise, so `resolve.dedupe` alone cannot find it);
 * - the SDKs and the runtime are served as they are, not pre-bundled: a pre-bundled SDK would
 *   carry its own copy of the runtime, and the stack frames that tell the SDK bundles apart
 *   (`dist/index.es.js`, `dist/ClientMock.es.js`) keep their file names;
 * - the SDKs' other dependencies are pre-bundled up front, so no dependency is discovered (and the
 *   page reloaded) in the middle of a run.
 */
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SDKS = ['@cloudflare/realtimekit', '@dytesdk/web-core'];

/** The ES build of `@protobuf-ts/runtime` as the SDKs resolve it (both share one version). */
function protobufRuntimeEsm(): string {
  const entries = SDKS.map((sdk) => {
    const sdkRequire = createRequire(createRequire(path.join(here, 'package.json')).resolve(sdk));
    const pkgJson = realpathSync(sdkRequire.resolve('@protobuf-ts/runtime/package.json'));
    const { module } = sdkRequire(pkgJson) as { module: string };
    return path.join(path.dirname(pkgJson), module);
  });
  if (new Set(entries).size !== 1)
    throw new Error(
      `sdk-harness: the SDKs resolve different @protobuf-ts/runtime builds: ${entries}`,
    );
  return entries[0] as string;
}

export default defineProject({
  // Its own pre-bundle cache, so the project's dependency set is never mixed with another's.
  cacheDir: path.join(here, 'node_modules/.vite/browser'),
  resolve: {
    conditions: ['natter-source'],
    dedupe: ['react', 'react-dom'],
    alias: [{ find: /^@protobuf-ts\/runtime$/, replacement: protobufRuntimeEsm() }],
  },
  optimizeDeps: {
    exclude: [...SDKS, '@protobuf-ts/runtime'],
    include: [
      ...SDKS.flatMap((sdk) =>
        ['bowser', 'sdp-transform', 'uuid', 'worker-timers'].map((dep) => `${sdk} > ${dep}`),
      ),
      'react',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      '@testing-library/react',
      '@tanstack/react-virtual',
      '@natter/core > papaparse',
      '@natter/core > zustand/vanilla',
      '@natter/hooks > @tanstack/react-query',
      '@natter/hooks > use-sync-external-store/shim/with-selector',
    ],
  },
  test: {
    name: 'sdk-harness-browser',
    setupFiles: ['./test/browser/setup.ts'],
    // A hang guard, not a speed limit: joining took over the 15 s default at load average 19.
    testTimeout: 60_000,
    include: [
      'test/conformance.test.ts',
      'test/sdkChat.test.ts',
      'test/rateLimit.test.ts',
      'test/browser/**/*.spec.{ts,tsx}',
    ],
    // Failure screenshots go under node_modules (ignored by git), not next to the tests.
    attachmentsDir: path.join(here, 'node_modules/.vitest/attachments'),
    browser: {
      enabled: true,
      headless: true,
      instances: [{ browser: 'chromium' }],
      screenshotDirectory: path.join(here, 'node_modules/.vitest/screenshots'),
      provider: playwright({
        launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
      }),
    },
  },
});
