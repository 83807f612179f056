/**
 * Cell codecs shared by the reader and the writer of chat dumps.
 *
 * Formula rule (DESIGN.md section 4, "CSV written by the kit neutralises spreadsheet formulas"):
 * a cell is *formula-like* when it starts with any number of `'`, spaces, NBSP and zero-width
 * characters followed by `=`, `+`, `-`, `@` (or their full-width forms), tab or CR. The writer prefixes every formula-like cell with one `'`; the reader removes one
 * leading `'` from a cell whose remainder is formula-like. The writer's output for a formula-like
 * cell always starts with `'` + a formula-like remainder, and its untouched cells never do, so
 * `restoreFormula(neutraliseFormula(s)) === s` for every string `s` (a `'=1` typed by a user is
 * written `''=1` and read back as `'=1`).
 * Caveat for foreign dumps: a cell that literally starts with `'=` in a dump we did not write
 * loses that `'` (pass `restoreFormulas: false` to `parseChatDump` to keep cells verbatim).
 */
// Spreadsheets also run a formula behind leading spaces, NBSP, zero-width characters or a BOM,
// and full-width `＝＋－＠` (U+FF1D, U+FF0B, U+FF0D, U+FF20). `\s` covers the spaces, NBSP, U+3000
// and U+FEFF; the zero-width ones are listed. Anchored, one run: linear on any input.
const FORMULA_LIKE = /^['\s\u200b-\u200d\u2060]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** Prefixes a `'` to a formula-like cell so spreadsheets show it as text. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_LIKE.test(cell) ? `'${cell}` : cell;
}

/** Undoes {@link neutraliseFormula}. */
export function restoreFormula(cell: string): string {
  return cell.charCodeAt(0) === 39 /* ' */ && FORMULA_LIKE.test(cell.slice(1))
    ? cell.slice(1)
    : cell;
}

const TRUE_WORDS = new Set(['true', 't', '1', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', 'f', '0', 'no', 'n']);

/**
 * `true`/`TRUE`/`t`/`1`/`yes` → true, `false`/`f`/`0`/`no` → false (any case, trimmed);
 * a blank cell → `undefined` (flag absent); anything else → `null` (invalid).
 */
export function parseBooleanCell(cell: string): boolean | undefined | null {
  // What the kit and the Replay API write, without the trim + lowercase + lookup.
  if (cell === 'false') return false;
  if (cell === 'true') return true;
  if (cell === '') return undefined;
  const word = cell.trim().toLowerCase();
  if (word === '') return undefined;
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/** Seconds below this, milliseconds at or above it: 1e11 s is the year 5138, 1e11 ms is March 1973. */
const SECONDS_LIMIT = 1e11;

const ISO =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** `Fri, 01 Mar 2024 10:00:00 GMT`, `Fri Mar 01 2024 10:00:00 GMT+0000 (…)`: named day or month, year, time, zone. */
const LONG_FORM = /^[A-Za-z]{3}\b.*\b\d{4}\b.*\b\d{1,2}:\d{2}\b.*\b(?:GMT|UTC|Z)\b/;

/**
 * Parses a `createdAt` cell. Accepted, trimmed:
 * - ISO 8601 / RFC 3339 and the SQL variant: `2024-03-01T10:00:00.123Z`, `2024-03-01 10:00:00+01`,
 *   `2024-03-01T10:00:00.123456+05:30`, `2024-03-01`, expanded years (`+010000-01-01T00:00:00Z`).
 *   **Without an offset the time is UTC** (a server dump has no local time zone), unlike `Date.parse`.
 *   Fractions beyond milliseconds are truncated.
 * - Epoch numbers: seconds when below 1e11, else milliseconds (`1709287200`, `1709287200123`,
 *   `1709287200.5`).
 * - As a last resort, RFC 2822 / `Date#toString` forms with a named day or month, a 4-digit year, a
 *   time and an explicit GMT/UTC zone (so the result never depends on the machine's time zone).
 * Returns `null` when the cell is none of these or the date does not exist (`2024-02-30`).
 */
export function parseDateCell(cell: string): Date | null {
  const exact = parseUtcTimestamp(cell);
  if (exact !== undefined) return exact;
  const text = cell.trim();
  if (text === '') return null;
  if (/^-?\d+(?:\.\d+)?$/.test(text)) {
    const value = Number(text);
    return valid(Math.abs(value) < SECONDS_LIMIT ? Math.round(value * 1000) : Math.trunc(value));
  }
  const iso = ISO.exec(text);
  if (iso) return fromIso(iso);
  if (LONG_FORM.test(text)) return valid(Date.parse(text));
  return null;
}

/** `0`..`9` at `at` as a number, else NaN (so any comparison with it fails). */
function digit(text: string, at: number): number {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The fast path for what `toISOString` and most servers write: `YYYY-MM-DDTHH:MM:SSZ` or
 * `YYYY-MM-DDTHH:MM:SS.sssZ`, untrimmed, read with char codes and `Date.UTC` instead of the regex.
 * `undefined` for anything else, or anything doubtful (years before 100, a day past the month's
 * end): the general path then decides, so the result is always the same as without this.
 */
function parseUtcTimestamp(cell: string): Date | null | undefined {
  const length = cell.length;
  if (length !== 24 && length !== 20) return undefined;
  if (
    cell.charCodeAt(length - 1) !== 90 /* Z */ ||
    cell.charCodeAt(4) !== 45 /* - */ ||
    cell.charCodeAt(7) !== 45 ||
    cell.charCodeAt(10) !== 84 /* T */ ||
    cell.charCodeAt(13) !== 58 /* : */ ||
    cell.charCodeAt(16) !== 58 ||
    (length === 24 && cell.charCodeAt(19) !== 46) /* . */
  ) {
    return undefined;
  }
  const year = digit(cell, 0) * 1000 + digit(cell, 1) * 100 + digit(cell, 2) * 10 + digit(cell, 3);
  const month = digit(cell, 5) * 10 + digit(cell, 6);
  const day = digit(cell, 8) * 10 + digit(cell, 9);
  const hour = digit(cell, 11) * 10 + digit(cell, 12);
  const minute = digit(cell, 14) * 10 + digit(cell, 15);
  const second = digit(cell, 17) * 10 + digit(cell, 18);
  const ms = length === 24 ? digit(cell, 20) * 100 + digit(cell, 21) * 10 + digit(cell, 22) : 0;
  if (
    !(year >= 100) ||
    !(month >= 1 && month <= 12) ||
    !(day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0)) ||
    !(hour <= 23 && minute <= 59 && second <= 59 && ms >= 0)
  ) {
    return undefined;
  }
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
}

function fromIso(match: RegExpExecArray): Date | null {
  const [, y = '', mo = '', d = '', h = '0', mi = '0', s = '0', fraction = '', offset = ''] = match;
  if (y === '-000000') return null;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCDate() !== day) return null; // 2024-02-30 rolled over into March
  date.setUTCHours(hour, minute, second, ms);
  let time = date.getTime();
  if (offset !== '' && offset !== 'Z' && offset !== 'z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = Number(digits.slice(2) || '0');
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    time -= sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return valid(time);
}

function valid(time: number): Date | null {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Writes a date as ISO 8601 in UTC; an invalid date becomes a blank cell (read back as `bad-date`). */
export function formatDateCell(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
