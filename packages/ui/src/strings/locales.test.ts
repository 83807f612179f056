import { describe, expect, it } from 'vitest';
import { defaultStrings, loadStrings, plural, shippedLocales } from './index';
import type { NatterStrings } from './index';

const keys = Object.keys(defaultStrings).sort();
const REQUIRED = ['ar', 'de', 'en', 'es', 'fr', 'he', 'ja', 'pt', 'zh'];

/** Sample arguments for each string function: names, counts, reasons. */
function render(table: NatterStrings, key: keyof NatterStrings, count: number): string {
  const value = table[key] as unknown;
  if (typeof value === 'string') return value;
  if (typeof value !== 'function') throw new Error(`${key} is neither a string nor a function`);
  const args = Array.from({ length: (value as (...a: unknown[]) => string).length }, (_, i) =>
    key === 'chatFileName' ? (i === 0 ? 'Standup' : '2026-11-30') : i === 0 ? count : 7,
  );
  // Functions of a name or reason get a string; the rest counts.
  const named =
    /Alt|downloadFile|removeAttachment|privateTo|fileSummary|failedReason|chatDumpFailed|announceMessage|messageActions|recipientLeft|privatePlaceholder|mentionedYou|missedFrom|meetingTimeLabel/;
  const text = named.test(key)
    ? (value as (...a: unknown[]) => string)(...args.map(() => 'Ada'))
    : (value as (...a: unknown[]) => string)(...args);
  return text;
}

describe('string tables', () => {
  it('ships a table for each required locale', () => {
    expect([...shippedLocales].sort()).toEqual(REQUIRED);
  });

  it.each(REQUIRED.filter((l) => l !== 'en'))(
    '%s has every key, each of the same kind, translated',
    async (locale) => {
      const table = await loadStrings(locale);
      expect(table).not.toBe(defaultStrings);
      expect(Object.keys(table).sort()).toEqual(keys);
      let same = 0;
      for (const key of keys as (keyof NatterStrings)[]) {
        expect(typeof table[key], key).toBe(typeof defaultStrings[key]);
        for (const count of [0, 1, 2, 3, 11, 100]) {
          const text = render(table, key, count);
          expect(text.trim(), `${locale}.${key}(${count})`).not.toBe('');
          expect(text, `${locale}.${key}`).not.toMatch(/undefined|NaN|#/);
        }
        if (render(table, key, 3) === render(defaultStrings, key, 3)) same++;
      }
      // Real translations: only a few strings may equal English ("Chat", "Type", "Message").
      expect(same, `${locale}: strings identical to English`).toBeLessThan(8);
    },
  );

  it('picks plural forms with Intl.PluralRules and formats the number for the locale', async () => {
    const ar = await loadStrings('ar');
    expect(ar.pinnedMessages(1)).toBe('رسالة مثبّتة واحدة');
    expect(ar.pinnedMessages(2)).toBe('رسالتان مثبّتتان');
    // Digits as the runtime's Arabic number format writes them (CLDR moved ar to Latin digits).
    const arabic = new Intl.NumberFormat('ar');
    expect(ar.pinnedMessages(3)).toBe(`${arabic.format(3)} رسائل مثبّتة`);
    expect(ar.pinnedMessages(11)).toBe(`${arabic.format(11)} رسالة مثبّتة`);
    const fr = await loadStrings('fr-CA');
    expect(fr.newMessages(1)).toBe('1 nouveau message');
    expect(fr.newMessages(1500)).toBe(
      `${new Intl.NumberFormat('fr').format(1500)} nouveaux messages`,
    );
    expect(defaultStrings.newMessages(1)).toBe('1 new message');
    expect(defaultStrings.newMessages(2)).toBe('2 new messages');
    expect(
      plural('pl', 5, { one: '# plik', few: '# pliki', many: '# plików', other: '# pliku' }),
    ).toBe('5 plików');
  });

  it('falls back to English for a locale without a table', async () => {
    expect(await loadStrings('ko')).toBe(defaultStrings);
    expect(await loadStrings(undefined)).toBe(defaultStrings);
  });
});
