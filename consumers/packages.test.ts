// Every packed tarball as npm would publish it: @arethetypeswrong/cli (ESM-only profile, the CSS
// entry excluded) and publint --strict report nothing, and the tarball holds dist, a README and
// the LICENSE, and no tests or sources.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { PUBLISHED } from './globalSetup';
import { run } from './helpers';

const repo = resolve(import.meta.dirname, '..');

describe.each(PUBLISHED)('the @natter/%s tarball', (name) => {
  const tarball = () => inject('tarballs')[name];

  it('has no problems for @arethetypeswrong/cli (esm-only profile)', async () => {
    const args = ['attw', '--pack', tarball(), '--profile', 'esm-only', '--format', 'json'];
    if (name === 'ui') args.push('--exclude-entrypoints', 'styles.css');
    // attw exits non-zero on any problem the profile counts; the esm-only profile ignores only
    // the node10 and CommonJS-importer resolutions, which an ESM-only package cannot serve.
    const { output } = await run('npx', args, repo);
    const report = JSON.parse(output.slice(output.indexOf('{'))) as {
      analysis: { problems: { kind: string; resolutionKind?: string }[] };
    };
    const counted = report.analysis.problems.filter(
      (p) => p.resolutionKind !== 'node10' && p.resolutionKind !== 'node16-cjs',
    );
    expect(counted).toEqual([]);
  });

  it('has no problems for publint --strict', async () => {
    const { output } = await run('npx', ['publint', '--strict', tarball()], repo);
    expect(output).toContain('All good!');
  });

  it('ships dist, README and LICENSE (and the bin launcher), and no tests or TypeScript sources', () => {
    const files = execFileSync('tar', ['-tzf', tarball()], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((f) => f.replace(/^package\//, ''));
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
    expect(
      files.filter(
        (f) => !/^(dist\/|bin\/[\w-]+\.js$|package\.json$|README\.md$|LICENSE$)/.test(f),
      ),
    ).toEqual([]);
    expect(files.filter((f) => /\.test\.|\.test-d\.|\.stories\.|(^|\/)test\//.test(f))).toEqual([]);
    expect(files.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
  });
});

describe('@natter/dev-server/client', () => {
  it('is browser-safe: it imports @natter/core and nothing of Node', () => {
    const code = execFileSync(
      'tar',
      ['-xzOf', inject('tarballs')['dev-server'], 'package/dist/client.js'],
      {
        encoding: 'utf8',
      },
    );
    const specifiers = [...code.matchAll(/\bfrom\s+"([^"]+)"|\bimport\s*\(\s*"([^"]+)"/g)].map(
      (m) => m[1] ?? m[2],
    );
    expect(specifiers.length).toBeGreaterThan(0);
    expect(new Set(specifiers)).toEqual(new Set(['@natter/core']));
    expect(code).toContain('connectDevChat');
  });
});
