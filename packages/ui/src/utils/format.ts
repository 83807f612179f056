const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

/** `14:05`, in the locale's style. */
export function formatClock(date: Date, locale?: string): string {
  return cached(
    `clock:${locale}`,
    () => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }),
  ).format(date);
}

/**
 * A page's first `Intl.DateTimeFormat` costs 20-25 ms (ICU loads its locale data; each one after
 * it, in any locale, about 1 ms; measured in Chromium 156), and every message row formats its
 * time: the list's first paint would pay for it. A chat usually opens after its page has loaded,
 * so the page pays it when the browser is next idle after this module loads instead (not on a
 * server, nor where there is no `requestIdleCallback`).
 */
if (typeof requestIdleCallback == 'function') requestIdleCallback(() => formatFull(new Date(0)));

/** Full date and time, for titles and tooltips. */
export function formatFull(date: Date, locale?: string): string {
  return cached(
    `full:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }),
  ).format(date);
}

/** A day heading: `Monday, 3 March 2026`. */
export function formatDay(date: Date, locale?: string): string {
  return cached(
    `day:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
  ).format(date);
}

/** `5 minutes ago` for the last hour, the clock time after that. */
export function formatRelative(date: Date, now: number, locale?: string): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const rtf = cached(
    `rel:${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  ) as Intl.RelativeTimeFormat;
  if (Math.abs(seconds) < 60) return rtf.format(0, 'second');
  if (Math.abs(seconds) < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  return formatClock(date, locale);
}

/** `1.5 MB`, with Intl unit formatting. */
export function formatBytes(bytes: number, locale?: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  const unit = units[i] ?? 'byte';
  const digits = value < 10 && i > 0 ? 1 : 0;
  return cached(
    `bytes:${locale}:${unit}:${digits}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        // `short` bytes read "786 byte" next to "3.2 kB"; `narrow` gives "786B".
        unitDisplay: unit === 'byte' ? 'narrow' : 'short',
        maximumFractionDigits: digits,
      }),
  ).format(value);
}

/** Whether two dates fall on the same local day. */
export function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}
