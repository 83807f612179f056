import type { Message } from '../types';

/** Replaces people's names and ids with "Participant 1, 2, …", the same number everywhere. */
export interface Anonymiser {
  /** "Participant 3" for a user id (numbered in order of first appearance). */
  name(userId: string): string;
  /** "participant-3": the id written in place of a user id. */
  id(userId: string): string;
  /** Text with every known name (or part of one, like a first name) replaced by its pseudonym. */
  text(value: string): string;
  /** The link, or `''` when it holds a name or a user id (storage URLs may carry either). */
  link(url: string): string;
}

export interface CreateAnonymiserOptions {
  /** More names per user id (participants who wrote nothing but were addressed). */
  names?: ReadonlyMap<string, string>;
  /** The pseudonym for number `n`. Default `Participant ${n}`. */
  label?: (n: number) => string;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Lower case, with separators and spaces removed: "Ada_Lovelace" and "ada lovelace" match. */
const squash = (value: string) =>
  value
    .toLowerCase()
    .replace(/%20/g, '')
    .replace(/[\s_.+-]+/g, '');

/**
 * Numbers every sender and recipient in order of first appearance, and builds one matcher for all
 * their names (whole names first, then each part of 2+ letters, whole words only, any case).
 *
 * @example
 * ```ts
 * const anon = createAnonymiser(messages)
 * anon.name('user-ada') // 'Participant 1'
 * anon.text('Thanks Ada!') // 'Thanks Participant 1!'
 * ```
 */
export function createAnonymiser(
  messages: readonly Message[],
  { names = new Map(), label = (n) => `Participant ${n}` }: CreateAnonymiserOptions = {},
): Anonymiser {
  const numbers = new Map<string, number>();
  const known = new Map<string, Set<string>>();
  const add = (userId: string, name?: string) => {
    if (!numbers.has(userId)) numbers.set(userId, numbers.size + 1);
    const set = known.get(userId) ?? new Set<string>();
    known.set(userId, set);
    if (name?.trim()) set.add(name.trim());
  };
  for (const message of messages) {
    add(message.userId, message.displayName);
    for (const target of message.targetUserIds ?? []) add(target, names.get(target));
  }
  for (const [userId, name] of names) if (numbers.has(userId)) add(userId, name);

  const name = (userId: string) => {
    if (!numbers.has(userId)) add(userId);
    return label(numbers.get(userId) as number);
  };
  // Every name and every word of a name, longest first, pointing at its pseudonym.
  const byWord = new Map<string, string>();
  for (const [userId, set] of known) {
    for (const full of set) {
      const words = [full, ...full.split(/[\s\-_.,]+/u).filter((w) => w.length >= 2)];
      for (const word of words) {
        const key = word.toLocaleLowerCase();
        if (!byWord.has(key)) byWord.set(key, name(userId));
      }
    }
  }
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length);
  const matcher =
    words.length === 0
      ? null
      : new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
          'giu',
        );
  const squashed = [
    ...words.filter((w) => w.length >= 3).map(squash),
    ...[...numbers.keys()].filter((id) => id.length >= 3).map((id) => id.toLowerCase()),
  ].filter((w) => w.length >= 3);

  return {
    name,
    id: (userId) => `participant-${name(userId).replace(/\D+/g, '') || '0'}`,
    text: (value) =>
      matcher
        ? value.replace(matcher, (match) => byWord.get(match.toLocaleLowerCase()) ?? label(0))
        : value,
    link(url) {
      let decoded = url;
      try {
        decoded = decodeURIComponent(url);
      } catch {
        // kept as is: the raw URL is checked too
      }
      const haystacks = [squash(url), squash(decoded), url.toLowerCase(), decoded.toLowerCase()];
      return squashed.some((needle) => haystacks.some((h) => h.includes(needle))) ? '' : url;
    },
  };
}
