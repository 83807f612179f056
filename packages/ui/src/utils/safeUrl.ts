import { isTrustedObjectUrl } from '@natter/core';

const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/**
 * Returns `url` when it is safe to put in an `href`/`src` (http, https, mailto, and `blob:` object
 * URLs the kit made: see `createTrustedObjectUrl`), else `undefined`. Untrusted links
 * (`javascript:`, `data:text/html`, a `blob:` link someone typed into a message, ...) never reach
 * the DOM.
 */
export function safeUrl(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  if (/^blob:/i.test(trimmed)) return isTrustedObjectUrl(trimmed) ? trimmed : undefined;
  try {
    const parsed = new URL(trimmed, 'https://invalid.natter.local/');
    if (!ALLOWED.has(parsed.protocol)) return undefined;
    // A relative link resolves against our placeholder base: refuse it rather than guess.
    if (parsed.host === 'invalid.natter.local') return undefined;
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** Whether `url` leaves the page (gets `target="_blank" rel="noopener noreferrer"`). */
export function isExternal(url: string): boolean {
  return url.startsWith('http:') || url.startsWith('https:');
}
