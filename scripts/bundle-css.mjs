#!/usr/bin/env node
// Inlines `@import './x.css';` lines into one stylesheet: `bundle-css.mjs <in> <out>`.
// Users import one file (`@natter/ui/styles.css`); the sources stay split by component.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

function inline(file) {
  return readFileSync(file, 'utf8').replace(/^@import\s+['"](.+?)['"];\s*$/gm, (_, path) =>
    inline(resolve(dirname(file), path)),
  );
}

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: bundle-css.mjs <in.css> <out.css>');
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, inline(resolve(input)));
