// What a user pays for the kit in a Vite + React 19 app made from the packed tarballs (the
// consumers test's fixture): initial JS and CSS (min + gzip) of a page with ChatPanel over the same
// page without it, and the node_modules bytes added by `npm install @natter/core @natter/hooks
// @natter/ui @tanstack/react-query`. Needs the npm registry (or npm's cache).
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const repo = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'natter-install-bench-'));
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

const base = {
  dependencies: { react: '^19.2.0', 'react-dom': '^19.2.0' },
  devDependencies: { typescript: '~5.9.3', vite: '~8.3.8' },
};

function app(name, extra) {
  const root = join(dir, name);
  cpSync(join(repo, 'consumers/fixtures/vite-react'), root, { recursive: true });
  const manifest = {
    name,
    private: true,
    type: 'module',
    dependencies: { ...base.dependencies, ...extra },
    devDependencies: base.devDependencies,
  };
  writeFileSync(join(root, 'package.json'), JSON.stringify(manifest, null, 2));
  sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], root);
  return root;
}

function du(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + du(join(path, entry)), 0);
}

/** The files a page loads before any dynamic import: its entry chunk and static imports. */
function initial(distDir, entry) {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8'));
  const js = new Set();
  const css = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(entry);
  const gz = (files) =>
    [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f))).length, 0);
  return { js: gz(js), css: gz(css) };
}

try {
  sh('npx', ['-y', 'pnpm@10', 'run', 'build'], repo);
  const packs = join(dir, 'tarballs');
  const tarball = {};
  for (const name of ['core', 'hooks', 'ui']) {
    sh('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', packs], join(repo, 'packages', name));
    tarball[name] = join(
      packs,
      readdirSync(packs).find((f) => f.startsWith(`natter-${name}-`)),
    );
  }
  const without = app('without-natter', {});
  const withNatter = app('with-natter', {
    '@natter/core': `file:${tarball.core}`,
    '@natter/hooks': `file:${tarball.hooks}`,
    '@natter/ui': `file:${tarball.ui}`,
    '@tanstack/react-query': '^5.90.0',
  });
  sh('npx', ['vite', 'build'], withNatter);
  const dist = join(withNatter, 'dist');
  const chat = initial(dist, 'panel.html');
  const withReplay = initial(dist, 'index.html');
  const empty = initial(dist, 'empty.html');
  const row = (name, numbers) =>
    console.log(JSON.stringify({ suite: 'install', name, ...numbers }));
  row('page with ChatProvider + ChatPanel (initial, min+gzip)', {
    js_bytes: chat.js,
    css_bytes: chat.css,
  });
  row('same page without it', { js_bytes: empty.js, css_bytes: empty.css });
  row('added by ChatPanel', { js_bytes: chat.js - empty.js, css_bytes: chat.css - empty.css });
  row('added by ChatPanel + ReplayView (the fixture page)', {
    js_bytes: withReplay.js - empty.js,
    css_bytes: withReplay.css - empty.css,
  });
  const modules = (root) => du(join(root, 'node_modules'));
  row('node_modules added (natter + TanStack Query)', {
    bytes: modules(withNatter) - modules(without),
  });
  for (const pkg of [
    '@natter/core',
    '@natter/hooks',
    '@natter/ui',
    '@tanstack/react-query',
    '@tanstack/query-core',
    'papaparse',
    'zustand',
    'use-sync-external-store',
  ]) {
    row(`node_modules/${pkg}`, { bytes: du(join(withNatter, 'node_modules', pkg)) });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
