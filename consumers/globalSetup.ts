// Builds every published package and packs it with `pnpm pack`, once per run, into a temp dir
// outside the workspace; the consumer tests install these tarballs as a user installs from npm.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

export const PUBLISHED = ['core', 'hooks', 'ui', 'dev-server'] as const;
export type Published = (typeof PUBLISHED)[number];

declare module 'vitest' {
  export interface ProvidedContext {
    consumersDir: string;
    tarballs: Record<Published, string>;
  }
}

const repo = resolve(import.meta.dirname, '..');
const pnpm = ['-y', 'pnpm@10'];

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'natter-consumers-'));
  const packs = join(dir, 'tarballs');
  execFileSync('npx', [...pnpm, 'run', 'build'], { cwd: repo, stdio: 'pipe' });
  const tarballs = {} as Record<Published, string>;
  for (const name of PUBLISHED) {
    const cwd = join(repo, 'packages', name);
    execFileSync('npx', [...pnpm, 'pack', '--pack-destination', packs], { cwd, stdio: 'pipe' });
    const file = readdirSync(packs).find((f) => f.startsWith(`natter-${name}-`));
    if (!file) throw new Error(`pnpm pack wrote no tarball for @natter/${name}`);
    tarballs[name] = join(packs, file);
  }
  project.provide('consumersDir', dir);
  project.provide('tarballs', tarballs);
  return () => {
    if (!process.env.NATTER_KEEP_CONSUMERS) rmSync(dir, { recursive: true, force: true });
  };
}
