'use client';
import { forwardRef, memo, useMemo, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useStrings } from '../strings';
import { cx } from '../utils/cx';
import { clampPoint, linkify, splitHighlight } from './linkify';
import { splitMentions } from './mentions';
import type { TextPart } from './linkify';

export interface MessageTextProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Untrusted message text: rendered as text, never as HTML. */
  text: string;
  /** A search term to mark (case-insensitive) with `<mark>`. */
  highlight?: string | undefined;
  /**
   * Longer text is cut (at this many characters, or 20 lines) with a "Show more" button.
   * Default 1000; `Infinity` never cuts.
   */
  clampLength?: number | undefined;
  /**
   * Names of the people in the room, longest first (`mentionsOf`): `@Name` of one of them is
   * shown as a mention (`<strong class="natter-mention">`, plain text, never a link).
   */
  mentions?: readonly string[] | undefined;
}

/** Text with its mentions in `<strong>` (inert: the text itself, nothing else). */
function WithMentions({
  text,
  term,
  names,
}: {
  text: string;
  term: string | undefined;
  names: readonly string[] | undefined;
}) {
  if (!names?.length || !text.includes('@')) return <Highlighted text={text} term={term} />;
  return (
    <>
      {splitMentions(text, names).map((part, i) =>
        part.name === undefined ? (
          <Highlighted key={i} text={part.text} term={term} />
        ) : (
          <strong key={i} className="natter-mention">
            <Highlighted text={part.text} term={term} />
          </strong>
        ),
      )}
    </>
  );
}

function Highlighted({ text, term }: { text: string; term: string | undefined }) {
  const parts = splitHighlight(text, term);
  if (parts.length === 1 && !parts[0]?.match) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        part.match ? (
          <mark key={i} className="natter-mark">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/**
 * Message text as plain text: newlines kept, long words wrapped, direction from the content
 * (`dir="auto"`), http/https/mailto links made clickable (external ones open in a new tab with
 * `rel="noopener noreferrer"`), optional search highlight. Long text is cut with a "Show more"
 * button (`aria-expanded`). Never interprets HTML.
 *
 * @example
 * ```tsx
 * <MessageText text={message.message} highlight={searchTerm} />
 * ```
 */
export const MessageText = memo(
  forwardRef<HTMLDivElement, MessageTextProps>(function MessageText(
    { text, highlight, clampLength = 1000, mentions, className, ...rest },
    ref,
  ) {
    const { strings } = useStrings();
    const [expanded, setExpanded] = useState(false);
    const parts = useMemo(() => linkify(text), [text]);
    const cut = clampPoint(text, clampLength);
    const long = cut < text.length;
    // A part the cut goes through is shown as text (a cut link is not the link); the rest waits
    // for "Show more".
    const visible: TextPart[] = [];
    let room = expanded ? Infinity : cut;
    for (const part of parts) {
      if (room <= 0) break;
      visible.push(
        room < part.text.length ? { kind: 'text', text: part.text.slice(0, room) } : part,
      );
      room -= part.text.length;
    }
    return (
      <div ref={ref} dir="auto" {...rest} className={cx('natter-text', className)}>
        {visible.map((part, i) =>
          part.kind === 'link' ? (
            <a
              key={i}
              className="natter-link"
              href={part.href}
              target={part.external ? '_blank' : undefined}
              rel={part.external ? 'noopener noreferrer' : undefined}
            >
              <Highlighted text={part.text} term={highlight} />
            </a>
          ) : (
            <WithMentions key={i} text={part.text} term={highlight} names={mentions} />
          ),
        )}
        {long ? (
          <button
            type="button"
            className="natter-text__more"
            aria-expanded={expanded}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? strings.showLess : strings.showMore}
          </button>
        ) : null}
      </div>
    );
  }),
);
