import { isExternal, safeUrl } from '../utils/safeUrl';

/** A run of message text: plain, or a link whose `href` passed {@link safeUrl}. */
export type TextPart =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string; external: boolean };

// http(s) and mailto only; anything else (javascript:, data:, ...) stays plain text.
const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi;
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '…']);
const OPENER: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/**
 * Drops trailing punctuation and unbalanced closing brackets, as people end sentences with links.
 * One count of the brackets, then one backwards scan: linear in the link's length, so a link
 * followed by thousands of `)` cannot freeze the page.
 */
function trimLink(raw: string): string {
  const counts: Record<string, number> = { '(': 0, ')': 0, '[': 0, ']': 0, '{': 0, '}': 0 };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c in counts) counts[c] = (counts[c] ?? 0) + 1;
  }
  let end = raw.length;
  while (end > 0) {
    const c = raw[end - 1] as string;
    const opener = OPENER[c];
    if (TRAILING.has(c)) end--;
    else if (opener !== undefined && (counts[c] ?? 0) > (counts[opener] ?? 0)) {
      counts[c] = (counts[c] ?? 0) - 1;
      end--;
    } else break;
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
 * Where to cut long text: after `maxChars` characters or before the line that would be line
 * `maxLines + 1`, whichever comes first (never inside a surrogate pair). `text.length` when the
 * whole text fits.
 */
export function clampPoint(text: string, maxChars: number, maxLines: number): number {
  const limit = Math.min(text.length, maxChars);
  let lines = 1;
  for (let i = 0; i < limit; i++) {
    if (text.charCodeAt(i) === 10 && ++lines > maxLines) return i;
  }
  if (limit === text.length) return limit;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** The parts covering the first `cut` characters; a link the cut goes through becomes plain text. */
export function clampParts(parts: readonly TextPart[], cut: number): TextPart[] {
  const out: TextPart[] = [];
  let used = 0;
  for (const part of parts) {
    if (used >= cut) break;
    const room = cut - used;
    if (part.text.length <= room) out.push(part);
    else out.push({ kind: 'text', text: part.text.slice(0, room) });
    used += part.text.length;
  }
  return out;
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
