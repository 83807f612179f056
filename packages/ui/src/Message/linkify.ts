import { isExternal, safeUrl } from '../utils/safeUrl';

/** A run of message text: plain, or a link whose `href` passed {@link safeUrl}. */
export type TextPart =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string; external: boolean };

// http(s) and mailto only; anything else (javascript:, data:, ...) stays plain text.
const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?'"…]+$/;

/** Drops trailing punctuation and an unbalanced closing bracket, as people end sentences with links. */
function trimLink(raw: string): string {
  let link = raw.replace(TRAILING, '');
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
  ] as const) {
    while (link.endsWith(close) && count(link, close) > count(link, open)) {
      link = link.slice(0, -1).replace(TRAILING, '');
    }
  }
  return link;
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
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

/** Removes bidi embedding/override/isolate controls, which can disguise a file name's extension. */
export function stripBidiControls(text: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, '');
}
