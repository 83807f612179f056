'use client';
import { memo } from 'react';
import type { ReactNode } from 'react';
import type { ChatEntry, ChatStore } from '@natter/core';
import { useMessage } from '@natter/hooks';
import { Message } from '../Message/Message';
import type { Mentions } from '../Message/mentions';
import type { MessageProps } from '../Message/Message';
import { useStrings } from '../strings';
import { sameDay } from '../utils/format';
import { DaySeparator } from './DaySeparator';
import { UnreadDivider } from './UnreadDivider';

/** Messages from one sender less than this apart form a group (one name and avatar). */
export const GROUP_WINDOW_MS = 5 * 60_000;

/** What every row shares; one object per list render that changes only with these values. */
export interface RowShared {
  store: ChatStore;
  selfUserId: string | undefined;
  highlight: string | undefined;
  renderActions: ((entry: ChatEntry) => ReactNode) | undefined;
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
  onOpenImage: (id: string, src: string) => void;
  nameOf: (userId: string) => string | undefined;
  mentions: Mentions | undefined;
  renderCustom: MessageProps['renderCustom'];
  renderDivider: ((place: 'joined' | 'unread') => ReactNode) | undefined;
}

export interface MessageRowProps {
  id: string;
  /** The id shown above (date separators and grouping depend on it). */
  prevId: string | undefined;
  shared: RowShared;
  highlighted: boolean;
  unread: boolean;
  /** The first message after the history that was there when the reader joined. */
  joined: boolean;
  /** The last message of the history that was there when the reader joined. */
  joinEnd: boolean;
  tabbable: boolean;
}

/**
 * One row of the list: date separator, unread divider, message. Memoized: a new message changes
 * no existing row's props, so no existing row re-renders; an edit re-renders only its row.
 */
export const MessageRow = memo(function MessageRow({
  id,
  prevId,
  shared,
  highlighted,
  unread,
  joined,
  joinEnd,
  tabbable,
}: MessageRowProps) {
  const { strings } = useStrings();
  const entry = useMessage({ id, store: shared.store });
  const prev = useMessage({ id: prevId ?? '', store: shared.store });
  if (!entry) return null;
  const newDay = !prev || !sameDay(prev.time, entry.time);
  const groupStart =
    newDay ||
    unread ||
    joined ||
    prev.userId !== entry.userId ||
    prev.type === 'custom' ||
    (entry.timeMs ?? 0) - (prev.timeMs ?? 0) > GROUP_WINDOW_MS;
  const isOwn =
    entry.status !== 'sent' ||
    (shared.selfUserId !== undefined && entry.userId === shared.selfUserId);
  return (
    <>
      {newDay ? <DaySeparator date={entry.time} /> : null}
      {joined ? (
        <div className="natter-day" data-divider="joined">
          <span>{strings.joinedHere}</span>
        </div>
      ) : null}
      {unread ? <UnreadDivider /> : null}
      {unread ? shared.renderDivider?.('unread') : null}
      <Message
        message={entry}
        origin={isOwn ? 'local' : 'remote'}
        groupStart={groupStart}
        highlight={shared.highlight}
        highlighted={highlighted}
        actions={shared.renderActions?.(entry)}
        onRetry={shared.onRetry}
        onDiscard={shared.onDiscard}
        onOpenImage={shared.onOpenImage}
        nameOf={shared.nameOf}
        mentions={shared.mentions}
        renderCustom={shared.renderCustom}
        tabIndex={tabbable ? 0 : -1}
        data-natter-message=""
      />
      {joinEnd ? shared.renderDivider?.('joined') : null}
    </>
  );
});
