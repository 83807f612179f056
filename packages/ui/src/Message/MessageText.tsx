'use client';
import { forwardRef, memo, useMemo } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { cx } from '../utils/cx';
import { linkify, splitHighlight } from './linkify';

export interface MessageTextProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Untrusted message text: rendered as text, never as HTML. */
  text: string;
  /** A search term to mark (case-insensitive) with `<mark>`. */
  highlight?: string | undefined;
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
 * `rel="noopener noreferrer"`), optional search highlight. Never interprets HTML.
 *
 * @example
 * ```tsx
 * <MessageText text={message.message} highlight={searchTerm} />
 * ```
 */
export const MessageText = memo(
  forwardRef<HTMLDivElement, MessageTextProps>(function MessageText(
    { text, highlight, className, ...rest },
    ref,
  ) {
    const parts = useMemo(() => linkify(text), [text]);
    return (
      <div ref={ref} dir="auto" {...rest} className={cx('natter-text', className)}>
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
      </div>
    );
  }),
);
