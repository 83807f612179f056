import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { explainNativeBindingError } from '../src/nativeBindingError';
import { openDatabase } from '../src/openDatabase';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a missing better-sqlite3 binding', () => {
  it('fails to open the database with an error that names the pnpm 10 and npm fixes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'natter-binding-'));
    dirs.push(dir);
    // What a skipped build script leaves behind: no compiled better_sqlite3.node where expected.
    const missing = join(dir, 'build', 'Release', 'better_sqlite3.node');
    let thrown: unknown;
    try {
      openDatabase(dir, missing);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const message = (thrown as Error).message;
    expect(message).toContain('onlyBuiltDependencies');
    expect(message).toContain('pnpm rebuild better-sqlite3');
    expect(message).toContain('npm rebuild better-sqlite3');
    expect((thrown as Error).cause).toBeInstanceOf(Error);
  });

  it('explains the bindings package\'s own "Could not locate the bindings file" error', () => {
    const original = new Error(
      'Could not locate the bindings file. Tried:\n → /app/node_modules/better-sqlite3/build/better_sqlite3.node',
    );
    const explained = explainNativeBindingError(original) as Error;
    expect(explained.message).toMatch(/^@natter\/dev-server could not load better-sqlite3/);
    expect(explained.message).toContain('Could not locate the bindings file.');
    expect(explained.cause).toBe(original);
  });

  it('leaves other errors alone', () => {
    const other = new Error('SQLITE_CANTOPEN: unable to open database file');
    expect(explainNativeBindingError(other)).toBe(other);
  });
});
