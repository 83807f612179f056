// Bundle sizes (min + gzip, peers external, lazy chunks not counted) from size-limit, as bench
// lines. The budgets themselves are in .size-limit.js and enforced by `pnpm size` in CI.
import { execFileSync } from 'node:child_process';

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
