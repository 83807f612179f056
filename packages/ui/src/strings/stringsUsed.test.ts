/**
 * Every visible string is shown somewhere: a key of the English table that no component reads is
 * a translation in nine languages that nobody sees (issue 14 found `unsafeLink` and
 * `messageLabel`, then `openImage`, hidden by a function of that name). Reads the sources, so it
 * needs no rendering.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultStrings } from './defaultStrings';

// This file's folder is `src/strings` (vitest gives every module its `__dirname`, jsdom or not).
const src = dirname(__dirname);

/** The ui sources outside `strings/`, tests and type tests left out, comments stripped. */
function componentSources(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== join(src, 'strings')) walk(path);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test(-d)?\.tsx?$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/^\s*\/\/.*$/gm, '');
        files.set(path, text);
      }
    }
  };
  walk(src);
  return files;
}

describe('string tables', () => {
  it('has no key that no component reads', () => {
    const files = componentSources();
    const all = [...files.values()].join('\n');
    // The export menu reads `export<Word>` by its words (`WORDS` in ExportMenu.tsx).
    const exportMenu = files.get(join(src, 'DownloadChatButton', 'ExportMenu.tsx')) ?? '';
    // Read means read as a string: `strings.key`, `t.key` or `'key'`. A bare word is not enough, or
    // a function of the same name (`openImage`) hides an unread string.
    const unread = Object.keys(defaultStrings).filter((key) => {
      if (new RegExp(`(\\.${key}\\b|['"]${key}['"])`).test(all)) return false;
      const word = /^export([A-Z]\w*)$/.exec(key)?.[1];
      const asWord = word && `'${word[0]?.toLowerCase()}${word.slice(1)}'`;
      return !(asWord && exportMenu.includes(asWord));
    });
    expect(files.size).toBeGreaterThan(50);
    expect(unread).toEqual([]);
  });
});
