// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReplayError } from './ReplayError';
import { sanitizeFilename, saveBlob } from './saveBlob';

describe('saveBlob', () => {
  const created: Blob[] = [];
  const revoked: string[] = [];
  const clicked: { download: string; href: string; inDocument: boolean; hidden: boolean }[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    created.length = 0;
    revoked.length = 0;
    clicked.length = 0;
    // jsdom has no object URLs: define them on the test's window.
    Object.defineProperty(window.URL, 'createObjectURL', {
      configurable: true,
      value: (blob: Blob) => {
        created.push(blob);
        return `blob:http://localhost/object-${created.length}`;
      },
    });
    Object.defineProperty(window.URL, 'revokeObjectURL', {
      configurable: true,
      value: (url: string) => revoked.push(url),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({
        download: this.download,
        href: this.href,
        inDocument: document.body.contains(this),
        hidden: this.hidden,
      });
    });
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('clicks a hidden download link to an object URL, removes it, then revokes the URL', () => {
    const blob = new Blob(['id,payload\r\n'], { type: 'text/csv' });
    saveBlob(blob, 'chat-s1.csv');

    expect(created).toEqual([blob]);
    expect(clicked).toEqual([
      {
        download: 'chat-s1.csv',
        href: 'blob:http://localhost/object-1',
        inDocument: true,
        hidden: true,
      },
    ]);
    expect(document.querySelector('a')).toBeNull();
    // Not revoked in the same task as the click, or the browser could lose the download.
    expect(revoked).toEqual([]);
    vi.runAllTimers();
    expect(revoked).toEqual(['blob:http://localhost/object-1']);
  });

  it('defaults the name to chat.csv and sanitises hostile names', () => {
    saveBlob(new Blob(['x']));
    saveBlob(new Blob(['x']), '../../etc/passwd');
    saveBlob(new Blob(['x']), 'report\u202Evsc.exe');
    expect(clicked.map((c) => c.download)).toEqual(['chat.csv', '_.._etc_passwd', 'reportvsc.exe']);
  });

  it('still removes the link and revokes the URL when the click throws', () => {
    vi.mocked(HTMLAnchorElement.prototype.click).mockImplementation(() => {
      throw new Error('blocked');
    });
    expect(() => saveBlob(new Blob(['x']), 'a.csv')).toThrow('blocked');
    expect(document.querySelector('a')).toBeNull();
    vi.runAllTimers();
    expect(revoked).toEqual(['blob:http://localhost/object-1']);
  });

  it('uses an explicit document', () => {
    const other = document.implementation.createHTMLDocument('other');
    const appended = vi.spyOn(other.body, 'append');
    saveBlob(new Blob(['x']), 'b.csv', { document: other });
    expect(appended).toHaveBeenCalledTimes(1);
    expect(other.querySelector('a')).toBeNull();
    expect(clicked.map((c) => c.download)).toEqual(['b.csv']);
  });

  it('throws a typed error without a document', () => {
    expect(() => saveBlob(new Blob(['x']), 'a.csv', { document: {} as Document })).toThrow(
      ReplayError,
    );
  });
});

describe('sanitizeFilename', () => {
  it.each([
    ['chat.csv', 'chat.csv'],
    ['', 'chat.csv'],
    ['...', 'chat.csv'],
    ['a/b\\c.csv', 'a_b_c.csv'],
    ['line\r\nbreak\u0000.csv', 'linebreak.csv'],
    ['what?*<>.csv', 'what____.csv'],
    ['  .hidden.csv. ', 'hidden.csv'],
    // Windows refuses device names as file names, whatever the extension.
    ['CON.csv', '_CON.csv'],
    ['nul', '_nul'],
    ['Lpt1.2026-11-30.csv', '_Lpt1.2026-11-30.csv'],
    ['Console 2026-11-30.csv', 'Console 2026-11-30.csv'],
    ['Team standup 2026-11-30.csv', 'Team standup 2026-11-30.csv'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFilename(input)).toBe(expected);
  });

  it('keeps the extension when shortening a long name', () => {
    const name = sanitizeFilename(`${'x'.repeat(500)}.csv`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.csv')).toBe(true);
  });
});
