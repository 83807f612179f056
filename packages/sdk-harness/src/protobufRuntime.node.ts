/**
 * Under Node: every build of `@protobuf-ts/runtime` an SDK could load, found from the SDK's own
 * location (pnpm gives the harness no path to it). Node resolves its CommonJS `main`; a bundler
 * would pick the ES `module` build, so both are returned.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RuntimeModule } from './runtimeModule';

export async function runtimesOf(sdkPackage: string): Promise<RuntimeModule[]> {
  const require = createRequire(import.meta.url);
  const sdkRequire = createRequire(require.resolve(sdkPackage));
  const runtimes = [sdkRequire('@protobuf-ts/runtime') as RuntimeModule];
  const cjsMain = sdkRequire.resolve('@protobuf-ts/runtime');
  const pkgDir = path.resolve(path.dirname(cjsMain), '..', '..');
  const pkg = sdkRequire(path.join(pkgDir, 'package.json')) as { module?: string };
  if (pkg.module) {
    try {
      runtimes.push(
        (await import(/* @vite-ignore */ path.join(pkgDir, pkg.module))) as RuntimeModule,
      );
    } catch {
      // Best effort: under Node the SDK loads the CommonJS build.
    }
  }
  return runtimes;
}
