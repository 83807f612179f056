'use client';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { ChatEntry } from '@natter/core';
import { useStrings } from '../strings';
import { cx } from '../utils/cx';
import { cleanName, shownName } from '../utils/displayName';
import { MessageContent } from './MessageContent';
import type { CustomEntry } from './MessageContent';
import { mentionsSelf } from './mentions';
import type { Mentions } from './mentions';
import { MessageTime } from './MessageTime';

export type MessageOrigin = 'local' | 'remote';

export interface MessageProps extends Omit<ComponentPropsWithoutRef<'article'>, 'children'> {
  /** The message as the store holds it (`useMessage({ id })`), with its send status. */
  message: ChatEntry;
  /** Own message or someone else's: `data-origin`. Default `remote`. */
  origin?: MessageOrigin | undefined;
  /** First message of a run from one sender: shows the name and avatar. Default true. */
  groupStart?: boolean | undefined;
  /** Search term to mark in the text. */
  highlight?: string | undefined;
  /** Briefly set after a jump to this message: `data-highlighted`. */
  highlighted?: boolean | undefined;
  /** Per-message controls (the message-actions menu). */
  actions?: ReactNode;
  /** Retry a failed send (`store.retry`). */
  onRetry?: ((id: string) => void) | undefined;
  /** Cancel a pending upload (`store.discard`). */
  onDiscard?: ((id: string) => void) | undefined;
  /** Open an image in a lightbox; without it, images open their own. */
  onOpenImage?: ((id: string, src: string) => void) | undefined;
  /** Display names for user ids (private-message recipients); ids are shown when it returns nothing. */
  nameOf?: ((userId: string) => string | undefined) | undefined;
  /**
   * The names of the people in the room and yours (`mentionsOf(names, self)`): their `@Name` is
   * shown as a mention, and a message from someone else that mentions you is marked
   * ("Mentions you", `data-mentioned="self"`).
   */
  mentions?: Mentions | undefined;
  /**
   * Renders a custom message (`type: 'custom'`: a poll, a system note) your way. Return
   * `undefined` for the default: its text, any HTML as text (never parsed), its attachments.
   */
  renderCustom?: ((entry: CustomEntry) => ReactNode) | undefined;
}

/** Up to two initials of a display name, by user-perceived characters. */
export function initialsOf(name: string): string {
  const words = cleanName(name).split(' ').filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

/**
 * One chat message: sender (name and avatar initials on the first of a group), time, content by
 * kind, edited and pinned markers, and the send status. State is in `data-origin`, `data-status`,
 * `data-kind`, `data-state` (pinned|unpinned), `data-edited`, `data-highlighted`.
 *
 * @example
 * ```tsx
 * <Message message={entry} origin={entry.userId === selfId ? 'local' : 'remote'} onRetry={store.retry} />
 * ```
 */
export const Message = forwardRef<HTMLElement, MessageProps>(function Message(
  {
    message: entry,
    origin = 'remote',
    groupStart = true,
    highlight,
    highlighted,
    actions,
    onRetry,
    onDiscard,
    onOpenImage,
    nameOf,
    mentions,
    renderCustom,
    className,
    ...rest
  },
  ref,
) {
  const { strings } = useStrings();
  // Untrusted: cleaned of direction-changing characters and capped (the full name in `title`).
  const sender = shownName(entry.displayName || (origin === 'local' ? strings.you : entry.userId));
  const name = sender.text;
  const isPrivate = (entry.targetUserIds?.length ?? 0) > 0;
  // The SDKs add the sender to the recipients: name only the others.
  const recipients = (entry.targetUserIds ?? []).filter((id) => id !== entry.userId);
  const mentionsYou =
    origin === 'remote' &&
    (entry.type === 'text' || entry.type === 'custom') &&
    mentionsSelf(entry.message, mentions);
  return (
    <article
      ref={ref}
      {...rest}
      className={cx('natter-message', className)}
      data-origin={origin}
      data-status={entry.status}
      data-kind={entry.type}
      data-state={entry.pinned ? 'pinned' : 'unpinned'}
      data-group={groupStart ? 'start' : 'continue'}
      data-edited={entry.isEdited ? '' : undefined}
      data-private={isPrivate ? '' : undefined}
      data-mentioned={mentionsYou ? 'self' : undefined}
      data-highlighted={highlighted ? '' : undefined}
      aria-busy={entry.status === 'sending' || undefined}
      data-waiting={entry.status === 'sending' && entry.waiting ? '' : undefined}
    >
      <div className="natter-avatar" aria-hidden="true">
        {groupStart ? initialsOf(name) : null}
      </div>
      <div className="natter-bubble">
        <div className="natter-message__meta">
          <bdi
            className={cx('natter-sender', !groupStart && 'natter-visually-hidden')}
            title={sender.text === sender.full ? undefined : sender.full}
          >
            {name}
          </bdi>
          <MessageTime className={cx(!groupStart && 'natter-time--quiet')} date={entry.time} />
          {isPrivate ? (
            <span className="natter-marker" data-marker="private">
              {origin === 'remote'
                ? strings.privateToYou
                : strings.privateTo(
                    recipients.map((id) => shownName(nameOf?.(id) || id).text).join(', '),
                  )}
            </span>
          ) : null}
          {mentionsYou ? (
            <span className="natter-marker" data-marker="mention">
              {strings.mentionsYou}
            </span>
          ) : null}
          {entry.isEdited ? (
            <span className="natter-marker" data-marker="edited">
              {strings.edited}
            </span>
          ) : null}
          {entry.pinned ? (
            <span className="natter-marker" data-marker="pinned">
              {strings.pinned}
            </span>
          ) : null}
        </div>
        <MessageContent
          message={entry}
          senderName={name}
          highlight={highlight}
          mentions={mentions?.names}
          renderCustom={renderCustom}
          onOpenImage={onOpenImage}
          onRetry={onRetry}
          onDiscard={onDiscard}
        />
        {entry.status === 'sending' ? (
          <span className="natter-message__status">
            {entry.waiting ? strings.waitingForConnection : strings.sending}
          </span>
        ) : null}
        {entry.status === 'failed' ? (
          <div className="natter-message__error">
            <span>{strings.failedReason(entry.error?.message ?? strings.failed)}</span>
            {entry.type !== 'file' && onRetry ? (
              <button type="button" className="natter-control" onClick={() => onRetry(entry.id)}>
                {strings.retry}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {actions !== undefined && actions !== null ? (
        <div className="natter-message__actions">{actions}</div>
      ) : null}
    </article>
  );
});
