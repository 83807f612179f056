'use client';
import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { ChatEntry, MissedSummary as Summary } from '@natter/core';
import { useMissedSummary } from './useMissedSummary';
import type { ChatHookOptions } from '@natter/hooks';
import { useJumpToMessage } from '../listController';
import { MessageTime } from '../Message/MessageTime';
import { pinExcerpt } from '../PinBar/PinBar';
import { useRecordStrings } from '../strings';
import type { NatterStrings } from '../strings';
import { cx } from '../utils/cx';
import { shownName } from '../utils/displayName';

export interface MissedSummaryProps
  extends Omit<ComponentPropsWithoutRef<'section'>, 'children'>, ChatHookOptions {
  /** The reader sees the chat now (default true); see `useMissedSummary`. */
  isRead?: boolean | undefined;
  /** Called with a message id to show; default: jump there in the `MessageList`. */
  onJump?: ((id: string) => void) | undefined;
}

/** Pins and files listed by name at most; the filter finds the rest. */
const LISTED = 3;
/** Characters of a pinned message shown in the summary. */
const EXCERPT = 60;
/** Senders named before "and N others". */
const NAMED = 2;

/** `"Ada, Bob and 3 others"`, each name cleaned and isolated (a right-to-left name cannot reorder the list). */
function senderList(summary: Summary, strings: NatterStrings, locale: string | undefined): string {
  const names = summary.senders.slice(0, NAMED).map((s) => `\u2068${shownName(s.name).text}\u2069`);
  const rest = summary.senders.length - names.length;
  if (rest > 0) names.push(strings.missedOthers(rest));
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}

function Item({ entry, onJump }: { entry: ChatEntry; onJump: (id: string) => void }) {
  const { strings } = useRecordStrings();
  const author = shownName(entry.displayName);
  const excerpt = pinExcerpt(entry, strings);
  return (
    <li>
      <button
        type="button"
        className="natter-control"
        data-variant="quiet"
        onClick={() => onJump(entry.id)}
      >
        <span dir="auto">
          <bdi>{author.text}</bdi>:{' '}
          {excerpt.length > EXCERPT ? `${excerpt.slice(0, EXCERPT)}…` : excerpt}
        </span>
        <MessageTime date={entry.time} />
      </button>
    </li>
  );
}

/**
 * "What you missed", for a late joiner (the history before they opened the chat) or someone
 * coming back to a closed panel: how many messages, from whom, which pins and files, each a jump
 * to its message. A region with a heading, announced politely once, dismissible.
 *
 * @example
 * ```tsx
 * <ChatPanel missed={(summary) => <aside>{summary}</aside>} />  // or on its own:
 * <MissedSummary />
 * ```
 */
export const MissedSummary = forwardRef<HTMLElement, MissedSummaryProps>(function MissedSummary(
  { chat, store, isRead, onJump, className, ...rest },
  ref,
) {
  const { strings, locale } = useRecordStrings();
  const { summary, kind, dismiss } = useMissedSummary({
    chat,
    store,
    isRead,
  });
  const jump = useJumpToMessage();
  const go = onJump ?? ((id: string) => void jump(id));
  const headingId = useId();
  const [announcement, setAnnouncement] = useState('');
  const announced = useRef('');
  const heading = kind === 'joined' ? strings.missedJoined : strings.missedAway;
  const line = summary
    ? `${strings.missedCount(summary.count, summary.more)} ${strings.missedFrom(senderList(summary, strings, locale))}`
    : '';
  // Once per missed stretch, after mounting (a region filled before it exists is not read).
  const key = summary ? `${kind}:${summary.firstId ?? ''}` : '';
  useEffect(() => {
    if (!key || announced.current === key) return;
    announced.current = key;
    setAnnouncement(`${heading}: ${line}`);
    // Only a new stretch is announced; its line changing (a later edit) is not.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- announce once per key
  }, [key]);
  if (!summary) return null;
  const firstId = summary.firstId;
  return (
    <section
      ref={ref}
      aria-labelledby={headingId}
      {...rest}
      className={cx('natter-replay__filters natter-missed', className)}
      data-kind={kind}
    >
      <h3 id={headingId} className="natter-replay__label">
        {heading}
      </h3>
      <p dir="auto">{line}</p>
      {firstId !== undefined ? (
        <button type="button" className="natter-control" onClick={() => go(firstId)}>
          {strings.missedJump}
        </button>
      ) : null}
      {summary.pinned.length > 0 ? (
        <ul aria-label={strings.missedPinned}>
          {summary.pinned.slice(0, LISTED).map((e) => (
            <Item key={e.id} entry={e} onJump={go} />
          ))}
        </ul>
      ) : null}
      {summary.files.length > 0 ? (
        <ul aria-label={strings.typeFile}>
          {summary.files.slice(0, LISTED).map((e) => (
            <Item key={e.id} entry={e} onJump={go} />
          ))}
        </ul>
      ) : null}
      <button type="button" className="natter-control" data-variant="quiet" onClick={dismiss}>
        {strings.missedDismiss}
      </button>
      <span className="natter-visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </section>
  );
});
