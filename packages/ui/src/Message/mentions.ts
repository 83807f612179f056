import { cleanName } from '../utils/displayName';

/**
 * How a mention travels: as plain text, `@` followed by the person's display name exactly as the
 * kit shows it ("@Ada Lovelace"), the way RealtimeKit's own UI writes it. Nothing else is sent,
 * so a mention survives both SDKs, the CSV dump and a replay unchanged, and reads as what it is
 * anywhere else. Reading it back needs the names of the people in the room: an `@` at the start
 * or after a non-word character, then a known name (the longest that fits), then no further
 * letter or digit. Two people with the same name are mentioned together.
 */
export interface Mentions {
  /** Known names (cleaned), longest first. */
  names: readonly string[];
  /** Your own name: a mention of it marks the message. */
  self?: string | undefined;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;

/** Known names for {@link splitMentions}: cleaned, unique, non-empty, longest first. */
export function mentionsOf(names: Iterable<string>, self?: string): Mentions {
  const unique = new Set<string>();
  for (const name of names) {
    const clean = cleanName(name);
    if (clean) unique.add(clean);
  }
  const clean = cleanName(self);
  if (clean) unique.add(clean);
  return { names: [...unique].sort((a, b) => b.length - a.length), self: clean || undefined };
}

/** `text` cut into plain parts and mentions (`name` set), in order. */
export function splitMentions(
  text: string,
  names: readonly string[],
): { text: string; name?: string }[] {
  const parts: { text: string; name?: string }[] = [];
  let from = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0 && WORD.test(text[at - 1] ?? '')) continue;
    const name = names.find(
      (n) => text.startsWith(n, at + 1) && !WORD.test(text[at + 1 + n.length] ?? ''),
    );
    if (name === undefined) continue;
    if (at > from) parts.push({ text: text.slice(from, at) });
    parts.push({ text: `@${name}`, name });
    from = at + 1 + name.length;
    at = from - 1;
  }
  if (from < text.length || parts.length === 0) parts.push({ text: text.slice(from) });
  return parts;
}

/** Whether `text` mentions `self` (false without a name for you). */
export function mentionsSelf(text: string | undefined, mentions: Mentions | undefined): boolean {
  const self = mentions?.self;
  if (!text || !self || !text.includes(`@${self}`)) return false;
  return splitMentions(text, mentions.names).some((part) => part.name === self);
}
