// Invisible and direction-changing characters: in a name they only serve to disguise it
// (`\u202Eemanyalpsid` displays as "displayname") or to make it look empty. Kept: ZWNJ and ZWJ
// (Persian and Indic names, emoji sequences) and variation selectors (emoji).
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  /[\0-\x1f\x7f-\x9f\xad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff]/g;

/** The longest name shown in full, in characters; longer ones end in "…" (the full name is in `title`). */
export const NAME_MAX_LENGTH = 64;

/** An untrusted display name without invisible and direction-changing characters, spaces collapsed. */
export function cleanName(name: string | undefined | null): string {
  if (!name) return '';
  return name.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * A display name as the kit shows it: cleaned ({@link cleanName}) and capped at
 * {@link NAME_MAX_LENGTH} characters. `full` is the cleaned name, for a `title` when it differs.
 */
export function shownName(name: string | undefined | null): { text: string; full: string } {
  const full = cleanName(name);
  // Whole code points only: never half a surrogate pair.
  const points = Array.from(full.slice(0, NAME_MAX_LENGTH * 2 + 2));
  return {
    text:
      points.length > NAME_MAX_LENGTH ? `${points.slice(0, NAME_MAX_LENGTH - 1).join('')}…` : full,
    full,
  };
}
