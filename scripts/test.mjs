#!/usr/bin/env node
// Runs every Vitest project and prints the totals as a plain `N passed, N failed` line, which is
// what CI reads (Vitest's own summary is not a format it recognises). Exit code: non-zero when any
// test failed or a file failed to load.
//
// Without arguments it runs two passes: every project but `consumers`, then `consumers` on its
// own. The consumer tests run npm installs, native builds and `next build`; running them beside
// the browser stories would starve both of the machine's cores. With arguments (for example
// `pnpm test --project core`) it runs one pass with those arguments.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

mkdirSync('.vitest-results', { recursive: true });

/** One `vitest run`; returns its exit code and the counts from its JSON report. */
function pass(name, extra) {
  const out = join('.vitest-results', `${name}.json`);
  rmSync(out, { force: true });
  const args = [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
    ...extra,
  ];
  const run = spawnSync('npx', args, { stdio: 'inherit', env: process.env });
  const counts = { code: run.status ?? 1, passed: 0, failed: 0, skipped: 0 };
  if (!existsSync(out)) return { ...counts, failed: 1 };
  const report = JSON.parse(readFileSync(out, 'utf8'));
  counts.passed = report.numPassedTests ?? 0;
  counts.failed = report.numFailedTests ?? 0;
  counts.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that fails to load counts as a failure even though it ran no test.
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) counts.failed++;
  }
  return counts;
}

const given = process.argv.slice(2);
const passes = given.length
  ? [pass('results', given)]
  : [pass('results', ['--project', '!consumers']), pass('consumers', ['--project', 'consumers'])];

const total = passes.reduce(
  (sum, p) => ({
    code: sum.code || p.code,
    passed: sum.passed + p.passed,
    failed: sum.failed + p.failed,
    skipped: sum.skipped + p.skipped,
  }),
  { code: 0, passed: 0, failed: 0, skipped: 0 },
);
const { code, passed, failed, skipped } = total;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(code !== 0 ? code : failed > 0 || passed === 0 ? 1 : 0);
