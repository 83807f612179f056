// Shared plumbing for the consumer tests: fixture apps made from a template in a temp dir, npm
// installs of the packed tarballs, child processes, and a static file server on an ephemeral port.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { inject } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import type { Published } from './globalSetup';

const fixtures = resolve(import.meta.dirname, 'fixtures');

export interface RunResult {
  code: number | null;
  output: string;
}

/** Runs a command to completion; rejects with its output when it exits non-zero. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolveRun({ code, output });
      else reject(new Error(`${command} ${args.join(' ')} exited ${code} in ${cwd}:\n${output}`));
    });
  });
}

/** A long-running child (a server) in its own process group, and the first output line matching `ready`. */
export function start(
  command: string,
  args: string[],
  cwd: string,
  ready: RegExp,
  env: NodeJS.ProcessEnv = {},
): Promise<{
  child: ChildProcess;
  match: RegExpMatchArray;
  output: () => string;
  stop: () => void;
}> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      detached: true,
    });
    let output = '';
    let settled = false;
    const stop = (): void => {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    };
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = stripVTControlCharacters(output).match(ready);
      if (match && !settled) {
        settled = true;
        resolveStart({ child, match, output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(
        new Error(`${command} ${args.join(' ')} exited ${code} before it was ready:\n${output}`),
      );
    });
  });
}

/**
 * Copies `fixtures/<template>` to a fresh directory outside the workspace and writes its
 * package.json: the given registry dependencies plus the tarballs, installed with npm.
 */
export async function makeApp(
  name: string,
  template: string,
  packages: {
    dependencies: Record<string, string>;
    devDependencies?: Record<string, string>;
    natter: Published[];
  },
): Promise<string> {
  const tarballs = inject('tarballs');
  const dir = join(inject('consumersDir'), name);
  cpSync(join(fixtures, template), dir, { recursive: true });
  const natter = Object.fromEntries(
    packages.natter.map((p) => [`@natter/${p}`, `file:${tarballs[p]}`]),
  );
  const manifest = {
    name,
    private: true,
    type: 'module',
    dependencies: { ...packages.dependencies, ...natter },
    devDependencies: packages.devDependencies ?? {},
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // JOBS: node-gyp compiles better-sqlite3 on every core (no prebuilt binary is reachable here).
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir, {
    JOBS: 'max',
  });
  return dir;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves a built `dist` folder on 127.0.0.1 and an ephemeral port, as any static host would. */
export async function serveStatic(
  root: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
}
