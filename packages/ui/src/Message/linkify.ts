import { isExternal, safeUrl } from '../utils/safeUrl';

/** A run of message text: plain, or a link whose `href` passed {@link safeUrl}. */
export type TextPart =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string; external: boolean };

// http(s) and mailto only; anything else (javascript:, data:, ...) stays plain text.
const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi;
const OPENER: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/**
 * Drops trailing punctuation and unbalanced closing brackets, as people end sentences with links.
 * One count, then one backwards scan: linear in the link's length, so a link followed by
 * thousands of `)` cannot freeze the page.
 */
function trimLink(raw: string): string {
  const n: Record<string, number> = {};
  for (const c of raw) n[c] = (n[c] ?? 0) + 1;
  let end = raw.length;
  for (; end > 0; end--) {
    const c = raw[end - 1] as string;
    const opener = OPENER[c];
    if (opener) {
      if ((n[c] ?? 0) <= (n[opener] ?? 0)) break;
      n[c] = (n[c] ?? 0) - 1;
    } else if (!`.,;:!?'"…`.includes(c)) break;
  }
  return raw.slice(0, end);
}

/**
 * Splits untrusted text into plain runs and links (http, https, mailto). A link that
 * {@link safeUrl} refuses stays plain text. Runs in one pass over the text.
 *
 * @example
 * ```ts
 * linkify('see https://example.com.') // [{ kind: 'text', text: 'see ' }, { kind: 'link', ... }, { kind: 'text', text: '.' }]
 * ```
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index;
    const raw = trimLink(match[0]);
    const href = safeUrl(raw);
    if (!href || raw.length <= raw.indexOf(':') + 1) continue;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', text: raw, href, external: isExternal(href) });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/**
 * Where to cut long text: after `maxChars` characters or before line 21, whichever comes first
 * (never inside a surrogate pair); `text.length` when it all fits.
 */
export function clampPoint(text: string, maxChars: number): number {
  const limit = Math.min(text.length, maxChars);
  let lines = 1;
  for (let i = 0; i < limit; i++) if (text[i] === '\n' && ++lines > 20) return i;
  return limit - (limit < text.length && /[\uD800-\uDBFF]/.test(text[limit - 1] ?? '') ? 1 : 0);
}

/** A run of text, `match` when it equals the search term (case-insensitively). */
export interface HighlightPart {
  text: string;
  match: boolean;
}

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits `text` around every case-insensitive occurrence of `term`. */
export function splitHighlight(text: string, term: string | undefined): HighlightPart[] {
  const needle = term?.trim();
  if (!needle) return [{ text, match: false }];
  const parts: HighlightPart[] = [];
  const re = new RegExp(escape(needle), 'giu');
  let last = 0;
  for (const match of text.matchAll(re)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), match: false });
    parts.push({ text: match[0], match: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
