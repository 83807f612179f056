import { afterEach, describe, expect, it, vi } from 'vitest';

/** `./format` as a page loads it, with `requestIdleCallback` as given. */
async function load(idle: ((callback: () => void) => void) | undefined) {
  vi.resetModules();
  vi.stubGlobal('requestIdleCallback', idle);
  return import('./format');
}

const Real = Intl.DateTimeFormat;

/** Counts the `Intl.DateTimeFormat`s made from now on. */
function countFormats(): { made: number } {
  const counter = { made: 0 };
  class Counting extends Real {
    constructor(...args: ConstructorParameters<typeof Real>) {
      super(...args);
      counter.made += 1;
    }
  }
  Intl.DateTimeFormat = Counting as typeof Real;
  return counter;
}

describe('formatFull', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    Intl.DateTimeFormat = Real;
  });

  it("makes the page's first date format when the browser is idle, before any message needs it", async () => {
    const waiting: (() => void)[] = [];
    const { formatFull } = await load((callback) => waiting.push(callback));
    expect(waiting).toHaveLength(1);
    const formats = countFormats();
    waiting[0]?.();
    expect(formats.made).toBe(1);
    // The first message's time then uses it: no new formatter.
    const date = new Date(Date.UTC(2027, 0, 1, 10, 5));
    const text = formatFull(date);
    expect(formats.made).toBe(1);
    expect(text).toBe(new Real(undefined, { dateStyle: 'full', timeStyle: 'short' }).format(date));
  });

  it('waits for nothing where there is no requestIdleCallback (a server, Safari)', async () => {
    const { formatFull } = await load(undefined);
    const formats = countFormats();
    const date = new Date(Date.UTC(2027, 0, 1, 10, 5));
    expect(formatFull(date)).toContain('2027');
    expect(formats.made).toBe(1);
  });
});
