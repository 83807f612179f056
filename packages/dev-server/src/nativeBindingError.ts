/** What a user reads when better-sqlite3's compiled module cannot be loaded, and how to fix it. */
export const NATIVE_BINDING_HELP = [
  "@natter/dev-server could not load better-sqlite3's native module: it was not built, or was built for another Node.js version.",
  '- pnpm 10 skips dependency build scripts unless allowed ("Ignored build scripts: better-sqlite3"): add better-sqlite3 to `onlyBuiltDependencies` in pnpm-workspace.yaml (or run `pnpm approve-builds`), then run `pnpm rebuild better-sqlite3`.',
  '- npm or yarn: run `npm rebuild better-sqlite3` (or `yarn rebuild better-sqlite3`).',
  'Without a prebuilt binary for your platform it compiles from source, which needs python3, make and a C++ compiler.',
].join('\n');

const BINDING_FAILURE =
  /Could not locate the bindings file|better_sqlite3\.node|NODE_MODULE_VERSION|compiled against a different Node\.js version/;

/** Wraps a binding failure in an error that names the fix; any other error is returned as it is. */
export function explainNativeBindingError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (!BINDING_FAILURE.test(message)) return error;
  return new Error(`${NATIVE_BINDING_HELP}\n(${message.split('\n')[0]})`, { cause: error });
}
