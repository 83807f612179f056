#!/usr/bin/env node
// `pnpm bench`: runs every benchmark suite, prints its numbers, and rewrites bench/RESULTS.md with
// the date and machine. `pnpm bench store csv` runs only the named suites.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { chromiumPath } from '../scripts/chromium.mjs';

/** A TypeScript suite run from the sources; `gc` exposes `gc()` (to time without old garbage). */
const tsSuite = (file, { gc = false } = {}) => [
  'node',
  '--conditions=natter-source',
  ...(gc ? ['--expose-gc'] : []),
  '--import',
  'tsx',
  file,
];

const SUITES = {
  csv: {
    title:
      "Chat-dump parsing (Node main thread; Chromium Web Worker), next to papaparse's own header: true parse and to merely decoding the bytes",
    command: tsSuite('bench/csv.bench.ts', { gc: true }),
  },
  size: {
    title: 'Bundle sizes (min + gzip, only React and react-dom external; on-demand chunks apart)',
    command: ['node', 'bench/size.bench.mjs'],
  },
  list: {
    title:
      'Message list over mixed messages in headless Chromium (production React build; median of 3 fresh browsers, each mounting after 1 s idle; mount includes the store hydration)',
    command: tsSuite('bench/list.bench.ts', { gc: true }),
  },
  store: {
    title: 'Store (Node)',
    command: tsSuite('bench/store.bench.ts', { gc: true }),
  },
  filter: {
    title: 'Message filter and missed summary over 100k stored messages (Node)',
    command: tsSuite('bench/filter.bench.ts'),
  },
  install: {
    title: 'What a Vite + React 19 app pays, from the packed tarballs (consumers fixture)',
    command: ['node', 'bench/install.bench.mjs'],
  },
  load: {
    title: 'Dev server load (Node, loopback)',
    command: tsSuite('bench/load.bench.ts'),
  },
};

// The machine is shared: the load average before the run says how much to trust the timings.
const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
/**
 * Milliseconds to first touch 256 MB of fresh memory (best of 3), a page fault per 4 KiB page.
 * Parsing a large dump grows the heap by hundreds of MB, and V8 promotes survivors into fresh
 * pages during its pauses: on a machine whose page faults are slow (a nested VM), every
 * allocation-bound number here is slower, the 500k long tasks most of all.
 */
function firstTouchMs() {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    const bytes = Buffer.allocUnsafeSlow(256 * 2 ** 20);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = 1;
    best = Math.min(best, performance.now() - started);
  }
  return Math.round(best);
}
const touchMs = firstTouchMs();
let browser = 'no Chromium';
try {
  browser = execFileSync(chromiumPath(), ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .trim()
    .replace(/ built on .*/, '');
} catch {
  // The Chromium suites say so themselves.
}
// Arguments after `--` go to every suite run (`pnpm bench list -- --sizes 100000`).
const dashDash = process.argv.indexOf('--');
const passed = dashDash >= 0 ? process.argv.slice(dashDash + 1) : [];
const wanted = (dashDash >= 0 ? process.argv.slice(2, dashDash) : process.argv.slice(2)).filter(
  (a) => !a.startsWith('-'),
);
const names = wanted.length ? wanted : Object.keys(SUITES);
const sections = {};
let failed = false;

for (const name of names) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`unknown suite ${name}; known: ${Object.keys(SUITES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n## ${suite.title}`);
  const [cmd, ...args] = suite.command;
  const run = spawnSync(cmd, [...args, ...passed], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const rows = [];
  for (const line of (run.stdout ?? '').split('\n')) {
    if (!line.startsWith('{')) {
      if (line.trim()) console.log(line);
      continue;
    }
    const row = JSON.parse(line);
    rows.push(row);
    const { suite: _s, name: label, ...numbers } = row;
    console.log(
      `${label.padEnd(48)} ${Object.entries(numbers)
        .map(([k, v]) => `${k}=${v}`)
        .join('  ')}`,
    );
  }
  if (run.status !== 0) {
    failed = true;
    console.error(`suite ${name} exited with ${run.status}`);
  }
  sections[name] = { title: suite.title, rows };
}

// Merge with the sections of suites not run this time, so a partial run keeps the rest.
const resultsPath = 'bench/RESULTS.json';
const previous = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
const date = new Date().toISOString().slice(0, 10);
const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${browser}, load average at start ${load}, first touch of 256 MB ${touchMs} ms`;
for (const [name, section] of Object.entries(sections))
  previous[name] = { ...section, date, machine };
writeFileSync(resultsPath, JSON.stringify(previous, null, 2) + '\n');

let md =
  '# Benchmark results\n\nWritten by `pnpm bench` (bench/run.mjs); each section keeps the date and machine of its last run.\nTargets are in the issues and in DESIGN.md section 4.\n';
for (const section of Object.values(previous)) {
  md += `\n## ${section.title}\n\n${section.date}, ${section.machine}\n\n`;
  const keys = [
    ...new Set(
      section.rows.flatMap((r) => Object.keys(r).filter((k) => k !== 'suite' && k !== 'name')),
    ),
  ];
  md += `| benchmark | ${keys.join(' | ')} |\n|---|${keys.map(() => '---').join('|')}|\n`;
  for (const row of section.rows)
    md += `| ${row.name} | ${keys.map((k) => row[k] ?? '').join(' | ')} |\n`;
}
// A hand-written "## Notes" section (which targets are met, what the numbers mean) is kept as is.
const mdPath = 'bench/RESULTS.md';
const before = existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : '';
const notes = before.indexOf('\n## Notes');
if (notes >= 0) md += before.slice(notes);
writeFileSync(mdPath, md);
console.log('\nwrote bench/RESULTS.md');
process.exit(failed ? 1 : 0);
