'use client';
import { forwardRef, memo, useMemo, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useStrings } from '../strings';
import { cx } from '../utils/cx';
import { clampParts, clampPoint, linkify, splitHighlight } from './linkify';

export interface MessageTextProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Untrusted message text: rendered as text, never as HTML. */
  text: string;
  /** A search term to mark (case-insensitive) with `<mark>`. */
  highlight?: string | undefined;
  /**
   * Longer text is cut (at this many characters or `clampLines` lines) with a "Show more" button.
   * Default 1000; `Infinity` never cuts.
   */
  clampLength?: number | undefined;
  /** Most lines shown before "Show more". Default 20. */
  clampLines?: number | undefined;
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
    { text, highlight, clampLength = 1000, clampLines = 20, className, ...rest },
    ref,
  ) {
    const { strings } = useStrings();
    const [expanded, setExpanded] = useState(false);
    const all = useMemo(() => linkify(text), [text]);
    const cut = useMemo(
      () => clampPoint(text, clampLength, clampLines),
      [text, clampLength, clampLines],
    );
    const parts = useMemo(() => (expanded ? all : clampParts(all, cut)), [all, cut, expanded]);
    const long = cut < text.length;
    return (
      <div
        ref={ref}
        dir="auto"
        {...rest}
        className={cx('natter-text', className)}
        data-clamped={long ? (expanded ? 'expanded' : 'collapsed') : undefined}
      >
        {parts.map((part, i) =>
          part.kind === 'link' ? (
            <a
              key={i}
              className="natter-link"
              href={part.href}
              {...(part.external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
            >
              <Highlighted text={part.text} term={highlight} />
            </a>
          ) : (
            <Highlighted key={i} text={part.text} term={highlight} />
          ),
        )}
        {long ? (
          <>
            {expanded ? ' ' : '… '}
            <button
              type="button"
              className="natter-text-more"
              aria-expanded={expanded}
              onClick={() => setExpanded((open) => !open)}
            >
              {expanded ? strings.showLess : strings.showMore}
            </button>
          </>
        ) : null}
      </div>
    );
  }),
);
