import { build } from '/work/wt/meeting/node_modules/.pnpm/esbuild@0.28.2/node_modules/esbuild/lib/main.js';
const r = await build({
  stdin: {
    contents: "export { ChatPanel } from './packages/ui/src/index.ts'",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  metafile: true,
  conditions: ['natter-source'],
  external: [
    'react',
    'react-dom',
    'react/jsx-runtime',
    'react-dom/client',
    '@tanstack/react-query',
  ],
  plugins: [
    {
      name: 'lazy',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (a) =>
          a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined,
        );
      },
    },
  ],
  logLevel: 'error',
});
const out = Object.values(r.metafile.outputs)[0];
const rows = Object.entries(out.inputs)
  .map(([k, v]) => [v.bytesInOutput, k])
  .sort((a, b) => b[0] - a[0]);
for (const [b, k] of rows.slice(0, 70)) console.log(b, k);
