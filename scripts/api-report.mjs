#!/usr/bin/env node
// The public API of every published entry point, as API Extractor reads it from the built .d.ts,
// in a checked-in report: api/<package>[-<subpath>].api.md. A change to what users can import
// shows up in review as a diff of these files.
//
//   pnpm api          rebuild the packages and rewrite the reports
//   pnpm api --check  rebuild and fail when a report differs from the checked-in one (CI)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const repo = resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const packages = ['core', 'hooks', 'ui', 'dev-server'];

execFileSync('npx', ['-y', 'pnpm@10', 'run', 'build'], { cwd: repo, stdio: 'inherit' });

mkdirSync(join(repo, 'api'), { recursive: true });
const temp = mkdtempSync(join(tmpdir(), 'natter-api-'));
const changed = [];
try {
  for (const name of packages) {
    const dir = join(repo, 'packages', name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const exports = manifest.publishConfig?.exports ?? manifest.exports;
    for (const [subpath, target] of Object.entries(exports)) {
      const types = typeof target === 'object' ? target.types : undefined;
      if (!types) continue; // ./package.json, ./styles.css
      const report = subpath === '.' ? name : `${name}-${subpath.slice(2).replace(/\//g, '-')}`;
      const config = ExtractorConfig.prepare({
        packageJsonFullPath: join(dir, 'package.json'),
        configObjectFullPath: undefined,
        configObject: {
          projectFolder: dir,
          mainEntryPointFilePath: join(dir, types),
          compiler: {
            overrideTsconfig: {
              compilerOptions: {
                target: 'es2022',
                module: 'esnext',
                moduleResolution: 'bundler',
                jsx: 'react-jsx',
                lib: ['es2023', 'dom', 'dom.iterable'],
                types: ['node'],
                strict: true,
                skipLibCheck: true,
              },
            },
          },
          apiReport: {
            enabled: true,
            reportFolder: join(repo, 'api'),
            reportTempFolder: temp,
            reportFileName: `${report}.api.md`,
          },
          docModel: { enabled: false },
          dtsRollup: { enabled: false },
          tsdocMetadata: { enabled: false },
          messages: {
            compilerMessageReporting: { default: { logLevel: 'warning' } },
            // Internal types reachable from public ones are listed in the report either way.
            extractorMessageReporting: { default: { logLevel: 'none' } },
            tsdocMessageReporting: { default: { logLevel: 'none' } },
          },
        },
      });
      const result = Extractor.invoke(config, { localBuild: !check, showVerboseMessages: false });
      if (!result.succeeded && !result.apiReportChanged)
        throw new Error(`API Extractor failed on @natter/${name} ${subpath}`);
      if (result.apiReportChanged) changed.push(`api/${report}.api.md`);
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

if (check && changed.length > 0) {
  console.error(
    `\nThe public API changed: ${changed.join(', ')}.\n` +
      'Run `npx -y pnpm@10 api` and commit the reports, so the change is visible in review.',
  );
  process.exit(1);
}
console.log(
  check
    ? 'API reports match.'
    : `API reports written${changed.length ? `: ${changed.join(', ')}` : ' (unchanged)'}.`,
);
