// Shared build settings for the published packages (`pnpm build`). tsdown (rolldown + the
// TypeScript declaration emitter) writes one ESM file per source module, with explicit `.js`
// extensions and no directory imports, so Node, Vite, webpack and Turbopack all load `dist`; the
// `.d.ts` files resolve under both `nodenext` and `bundler`. The source keeps extensionless imports.
import type { UserConfig } from 'tsdown';

/** The worker is spawned with `new URL('./chatDumpWorker.ts', import.meta.url)` in the source. */
const workerUrlToJs = {
  name: 'natter:worker-url-to-js',
  renderChunk(code: string) {
    const rewritten = code.replace(/new URL\((['"])\.\/([\w-]+)\.ts\1,/g, 'new URL($1./$2.js$1,');
    return rewritten === code ? null : { code: rewritten, map: null };
  },
};

export function packageConfig(options: {
  entry: Record<string, string>;
  platform?: 'node' | 'neutral';
}): UserConfig {
  return {
    entry: options.entry,
    format: 'esm',
    platform: options.platform ?? 'neutral',
    target: 'es2022',
    unbundle: true,
    fixedExtension: false,
    tsconfig: 'tsconfig.build.json',
    dts: { sourcemap: false },
    sourcemap: false,
    clean: true,
    plugins: [workerUrlToJs],
  };
}

/**
 * The chat-dump worker as one self-contained file, papaparse included. A worker is loaded by URL,
 * so whatever it imports must work wherever the file is served: Vite's dev server serves
 * node_modules files as they are, and papaparse (UMD) breaks as a raw ES module
 * ("Cannot set properties of undefined (setting 'Papa')"). Bundled, it needs no bundler at all.
 */
export function workerConfig(entry: Record<string, string>): UserConfig {
  return {
    entry,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    unbundle: false,
    fixedExtension: false,
    tsconfig: 'tsconfig.build.json',
    deps: { alwaysBundle: ['papaparse'], onlyBundle: ['papaparse'] },
    dts: false,
    sourcemap: false,
    clean: false,
    outputOptions: { codeSplitting: false },
  };
}
