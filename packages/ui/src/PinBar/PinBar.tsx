'use client';
import { forwardRef, useState } from 'react';
import type { ComponentPropsWithoutRef, KeyboardEvent } from 'react';
import { toChatError } from '@natter/core';
import type { ChatEntry } from '@natter/core';
import { useChatPermissions, usePinned } from '@natter/hooks';
import type { ChatHookOptions } from '@natter/hooks';
import { useJumpToMessage } from '../listController';
import { useStrings } from '../strings';
import type { NatterStrings } from '../strings';
import { composeHandlers } from '../utils/composeHandlers';
import { cx } from '../utils/cx';
import { shownName } from '../utils/displayName';
import type { NatterTheme } from '../utils/theme';

export interface PinBarProps extends ComponentPropsWithoutRef<'section'>, ChatHookOptions {
  /**
   * Offer Unpin on the shown message. Default: whoever the meeting's rule lets unpin it
   * (`useChatPermissions().canAct('unpin', message)`); nobody for a bare chat.
   */
  canPin?: boolean | undefined;
  /** Called with the id when the excerpt is activated; default: jump there in the `MessageList`. */
  onJump?: (id: string) => void;
  /** Colour scheme of this part (`data-natter-theme`), as on `ChatPanel`; inherited when absent. */
  theme?: NatterTheme | undefined;
}

const EXCERPT_MAX = 160;

/** What the pin bar shows of a message: a text excerpt, "Image", or the file name. */
export function pinExcerpt(
  message: ChatEntry,
  strings: Pick<NatterStrings, 'imageExcerpt' | 'messageExcerpt'>,
): string {
  switch (message.type) {
    case 'text':
      return message.message.length > EXCERPT_MAX
        ? `${message.message.slice(0, EXCERPT_MAX)}…`
        : message.message;
    case 'image':
      return strings.imageExcerpt;
    case 'file':
      return message.name;
    case 'custom':
      return message.message?.slice(0, EXCERPT_MAX) ?? strings.messageExcerpt;
  }
}

/**
 * The pinned messages above the list: the count, one message at a time (previous / next buttons,
 * or Left / Right arrows), the excerpt jumps to the message, Unpin where allowed. Renders nothing
 * when nothing is pinned, and follows pins and unpins by anyone.
 *
 * @example
 * ```tsx
 * <PinBar canPin={isHost} />
 * ```
 */
export const PinBar = forwardRef<HTMLElement, PinBarProps>(function PinBar(
  { canPin, onJump, chat, store, theme, className, onKeyDown, ...rest },
  ref,
) {
  const { strings } = useStrings();
  const { pinned, unpin } = usePinned({ chat, store });
  const jump = useJumpToMessage();
  const permissions = useChatPermissions();
  // A refusal that still happens (the backend's rule is stricter than ours) is said, readably.
  const [refusal, setRefusal] = useState('');
  // Follow the shown message by id, so others' pins and unpins do not move it; when it is
  // unpinned, stay at the same position (clamped).
  const [shown, setShown] = useState<{ id: string | undefined; index: number }>({
    id: undefined,
    index: -1,
  });
  // What cycling announces (the focus stays on the arrow button).
  // Kept with the pin count it was made for: after a pin or unpin, "2 of 3" is stale and goes.
  const [announced, setAnnounced] = useState({ text: '', count: 0 });
  const found = shown.id === undefined ? -1 : pinned.findIndex((m) => m.id === shown.id);
  const count = pinned.length;
  // Default: the latest pin.
  const index = found >= 0 ? found : shown.index < 0 ? count - 1 : Math.min(shown.index, count - 1);
  const current = pinned[index];
  if (!current) return null;

  const show = (to: number) => {
    const wrapped = (to + count) % count;
    const target = pinned[wrapped];
    setShown({ id: target?.id, index: wrapped });
    if (target) {
      setAnnounced({
        text: `${strings.pinPosition(wrapped + 1, count)}: ${shownName(target.displayName).text}: ${pinExcerpt(target, strings)}`,
        count,
      });
    }
  };
  const previous = () => show(index - 1);
  const next = () => show(index + 1);

  const handleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (count < 2 || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const dir = event.currentTarget.closest('[dir]')?.getAttribute('dir');
    const rtl =
      dir === 'rtl' || (dir !== 'ltr' && getComputedStyle(event.currentTarget).direction === 'rtl');
    event.preventDefault();
    if ((event.key === 'ArrowRight') !== rtl) next();
    else previous();
  };

  const excerpt = pinExcerpt(current, strings);
  const author = shownName(current.displayName);
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Left/Right from any of the bar's buttons, delegated
    <section
      ref={ref}
      aria-label={strings.pinnedMessages(count)}
      {...rest}
      className={cx('natter-pinbar', className)}
      data-natter-theme={theme}
      data-count={count}
      onKeyDown={composeHandlers(onKeyDown, handleKeyDown)}
    >
      {/* dir="auto": the count reads in its own language's direction ("1 pinned message" in an RTL page). */}
      <span className="natter-pinbar__count" aria-hidden="true" dir="auto">
        {count > 1 ? strings.pinPosition(index + 1, count) : strings.pinnedMessages(1)}
      </span>
      <button
        type="button"
        className="natter-pinbar__excerpt"
        data-kind={current.type}
        onClick={() => (onJump ? onJump(current.id) : void jump(current.id))}
      >
        <span className="natter-visually-hidden">
          {strings.jumpToPinned}
          {count > 1 ? ` (${strings.pinPosition(index + 1, count)})` : ''}:{' '}
        </span>
        <bdi
          className="natter-pinbar__author"
          title={author.text === author.full ? undefined : author.full}
        >
          {author.text}
        </bdi>
        <span className="natter-pinbar__text" dir="auto">
          {excerpt}
        </span>
      </button>
      {count > 1 ? (
        <span className="natter-pinbar__nav">
          <button
            type="button"
            className="natter-pinbar__icon-button"
            aria-label={strings.previousPin}
            data-direction="previous"
            onClick={previous}
          >
            <span aria-hidden="true" className="natter-pinbar__chevron" />
          </button>
          <button
            type="button"
            className="natter-pinbar__icon-button"
            aria-label={strings.nextPin}
            data-direction="next"
            onClick={next}
          >
            <span aria-hidden="true" className="natter-pinbar__chevron" />
          </button>
        </span>
      ) : null}
      <span className="natter-visually-hidden" role="status">
        {announced.count === count ? announced.text : ''}
      </span>
      {(canPin ?? permissions.canAct('unpin', current)) ? (
        <button
          type="button"
          className="natter-pinbar__unpin"
          onClick={() => {
            setRefusal('');
            unpin(current.id).catch((caught: unknown) => setRefusal(toChatError(caught).message));
          }}
        >
          {strings.unpin}
        </button>
      ) : null}
      <span className="natter-pinbar__error" role="alert">
        {refusal}
      </span>
    </section>
  );
});
