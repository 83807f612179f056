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
