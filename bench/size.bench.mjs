// Bundle sizes (min + gzip). First the size-limit checks (budgets in .size-limit.js, enforced by
// `pnpm size` in CI); then what a consumer app pays: a Vite production build of
// bench/size/panel.ts (ChatProvider + ChatPanel + the stylesheet, only React and react-dom
// external), split into the initial JS (the entry and its static imports), the CSS, and each
// chunk that loads on demand (export, lightbox, papaparse, the parse worker).
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build, defaultClientConditions } from 'vite';

let out;
try {
  out = execFileSync('npx', ['size-limit', '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
} catch (error) {
  out = error.stdout; // size-limit exits 1 when a budget is exceeded; the JSON is still there
}
for (const check of JSON.parse(out)) {
  console.log(
    JSON.stringify({
      suite: 'size',
      name: check.name,
      min_gzip_bytes: check.size,
      budget_bytes: check.sizeLimit,
      within_budget: check.passed,
    }),
  );
}

const root = resolve(import.meta.dirname, 'size');
const result = await build({
  root,
  configFile: false,
  logLevel: 'error',
  mode: 'production',
  resolve: { conditions: ['natter-source', ...defaultClientConditions] },
  build: {
    write: false,
    rollupOptions: {
      input: resolve(root, 'panel.ts'),
      external: [/^react(-dom)?(\/.*)?$/],
      preserveEntrySignatures: 'exports-only',
    },
  },
});
const files = (Array.isArray(result) ? result[0] : result).output;
const byName = new Map(files.map((f) => [f.fileName, f]));
const gz = (f) => gzipSync(f.type === 'chunk' ? f.code : f.source, { level: 9 }).length;
const initial = new Set();
const visit = (name) => {
  const f = byName.get(name);
  if (!f || initial.has(name)) return;
  initial.add(name);
  if (f.type === 'chunk') f.imports.forEach(visit);
};
for (const f of files) if (f.type === 'chunk' && f.isEntry) visit(f.fileName);
const row = (name, list) =>
  console.log(
    JSON.stringify({
      suite: 'size',
      name,
      min_gzip_bytes: list.reduce((sum, f) => sum + gz(f), 0),
      files: list.length,
    }),
  );
row(
  'Vite app: ChatProvider + ChatPanel initial JS',
  [...initial].map((n) => byName.get(n)),
);
row(
  'Vite app: CSS',
  files.filter((f) => f.fileName.endsWith('.css')),
);
for (const f of files) {
  if (initial.has(f.fileName) || f.fileName.endsWith('.css') || f.fileName.endsWith('.json'))
    continue;
  const label = f.fileName.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '');
  row(`Vite app, on demand: ${label}`, [f]);
}
