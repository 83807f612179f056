'use client';
import { forwardRef, useCallback, useRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { ChatEntry, ChatLike, ChatStore, IdList } from '@natter/core';
import { useChatSelector, useChatStore } from '@natter/hooks';
import { useStrings } from '../strings';
import { composeHandlers } from '../utils/composeHandlers';
import { cx } from '../utils/cx';
import type { NatterTheme } from '../utils/theme';
import { useMergedRefs } from '../utils/useMergedRefs';
import { useSelfOf } from '../utils/useSelfOf';
import type { MessageProps } from '../Message/Message';
import { joinPointOf } from './joinPoint';
import { ListEmpty } from './ListEmpty';
import { MessageRow } from './MessageRow';
import { useAnnouncer } from './useAnnouncer';
import { useChatVirtualizer } from './useChatVirtualizer';
import { useFollowBottom } from './useFollowBottom';
import { useJumpTo } from './useJumpTo';
import { useListLightbox } from './useListLightbox';
import { useOlderPages } from './useOlderPages';
import { useRovingFocus } from './useRovingFocus';
import { useRowShared } from './useRowShared';
import { useUnreadMessages } from './useUnreadMessages';

/** Within this distance of the bottom the reader counts as "at the bottom" and the list follows. */
const AT_BOTTOM_PX = 48;
const ESTIMATED_ROW_PX = 64;
/** Rows rendered beyond each edge of the viewport, in pixels. */
const OVERSCAN_PX = 400;

/** `list`: every message on one side; `bubbles`: own messages on the other side, coloured. */
export type MessageListLayout = 'list' | 'bubbles';

export interface MessageListProps extends ComponentPropsWithoutRef<'div'> {
  /** An explicit chat, overriding the provider's (like the hooks' `{ chat }`). */
  chat?: ChatLike | undefined;
  /** An explicit store (a replay's read-only store), overriding `chat` and the provider. */
  store?: ChatStore | undefined;
  /** The ids to show instead of the whole history, for filtered views. */
  ids?: IdList | undefined;
  /** A search term marked in message text. */
  highlight?: string | undefined;
  /**
   * Per-message controls (the message-actions menu). Called when a row renders; the latest
   * function is used without re-rendering rows, so an inline arrow costs nothing.
   */
  renderActions?: ((entry: ChatEntry) => ReactNode) | undefined;
  /**
   * Renders custom messages (`sendCustom`: polls, system notes); `undefined` from it keeps the
   * default. Keep it stable (`useCallback`): a new function re-renders the visible rows.
   */
  renderCustom?: MessageProps['renderCustom'];
  /** Colour scheme of this part (`data-natter-theme`), as on `ChatPanel`; inherited when absent. */
  theme?: NatterTheme | undefined;
  /** `list` (default) or `bubbles`: own messages on the other side in their own colour. */
  layout?: MessageListLayout | undefined;
  /**
   * Content shown at a divider (`ChatPanel` puts "what you missed" there): `unread` below the
   * unread divider, `joined` below the last message that was there when the reader joined.
   */
  renderDivider?: ((place: 'joined' | 'unread') => ReactNode) | undefined;
}

/**
 * The chat's messages, virtualized (DOM size independent of history length) with variable row
 * heights. A `role="log"` labelled from strings; new messages are announced politely (throttled)
 * and followed only when the reader is at the bottom, else counted on a "N new messages" button.
 * Scrolling near the top loads older history with the visible message kept in place. Date
 * separators, sender grouping, an unread divider, roving focus (arrow keys, Home, End), and
 * jump-to-message through `ListControllerContext`.
 *
 * Each concern has its own hook or part beside this file: `useChatVirtualizer` (rows, sizes,
 * follow-bottom), `useFollowBottom`, `useUnreadMessages` (count, divider, own sends),
 * `useAnnouncer`, `useRovingFocus`, `useJumpTo` (and the list controller), `useOlderPages`, `useListLightbox`,
 * `useRowShared`, `MessageRow` (`UnreadDivider`, `DaySeparator`), `ListEmpty`.
 *
 * @example
 * ```tsx
 * <ChatProvider chat={meeting.chat} selfUserId={meeting.self.userId}>
 *   <MessageList renderActions={(entry) => <MessageActions message={entry} />} />
 * </ChatProvider>
 * ```
 */
export const MessageList = forwardRef<HTMLDivElement, MessageListProps>(function MessageList(
  {
    chat,
    store: storeProp,
    ids: idsProp,
    highlight,
    renderActions,
    renderCustom,
    theme,
    layout = 'list',
    renderDivider,
    className,
    onKeyDown,
    onFocus,
    ...rest
  },
  forwardedRef,
) {
  const { strings } = useStrings();
  const store = useChatStore({ chat, store: storeProp });
  const storeIds = useChatSelector(store, (s) => s.ids);
  const ids = idsProp ?? storeIds;
  const status = useChatSelector(store, (s) => s.status);
  // Own messages (`data-origin="local"`) are those of the store's self (see `ChatStore.getSelf`).
  const selfUserId = useSelfOf(store);
  const joinedAfter = joinPointOf(store, status === 'ready', storeIds);
  const scrollRef = useRef<HTMLDivElement>(null);
  const ref = useMergedRefs(forwardedRef, scrollRef);

  const keyOf = useCallback((id: string) => store.clientKeyOf(id), [store]);
  // Our own virtualizer (sizes in a Fenwick tree): general-purpose ones rebuild every offset
  // after a change, which is O(n) per message or measured row at 100k messages.
  const virtualizer = useChatVirtualizer({
    ids,
    keyOf,
    scrollRef,
    estimateSize: ESTIMATED_ROW_PX,
    overscanPx: OVERSCAN_PX,
    followThresholdPx: AT_BOTTOM_PX,
  });
  const atBottom = useFollowBottom(virtualizer, ids);
  const isLoadingOlder = useOlderPages(store, virtualizer);
  const { openImage, lightbox } = useListLightbox(store);
  const { shared, mentions } = useRowShared(
    store,
    selfUserId,
    highlight,
    renderActions,
    renderCustom,
    openImage,
    renderDivider,
  );
  const { text: announcement, announce } = useAnnouncer(mentions);
  const { newCount, unreadId, scrollToBottom } = useUnreadMessages(
    store,
    ids,
    storeIds,
    selfUserId,
    virtualizer,
    announce,
  );
  const focus = useRovingFocus(scrollRef, ids, keyOf, virtualizer);
  const highlightKey = useJumpTo(store, ids, virtualizer, focus.focusKey, scrollToBottom);

  const items = virtualizer.getVirtualItems();
  const focusedKey = focus.focusedKey;
  const focusedRendered =
    focusedKey !== null && items.some((item) => String(item.key) === focusedKey);
  const empty = ids.length === 0;

  return (
    <div
      className="natter-list"
      data-state={atBottom ? 'at-bottom' : 'scrolled'}
      data-natter-theme={theme}
      data-natter-layout={layout}
    >
      {isLoadingOlder ? (
        <div className="natter-list__loading" role="status">
          {strings.loadingOlder}
        </div>
      ) : null}
      {/* The log is a roving-focus container: arrow keys move between its messages. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- roving focus: arrow keys between the log's messages */}
      <div
        ref={ref}
        role="log"
        // Rows mount and unmount as the reader scrolls: announce through the region below instead.
        aria-live="off"
        aria-label={strings.messageListLabel}
        aria-busy={isLoadingOlder || status === 'loading' || undefined}
        tabIndex={focusedRendered ? -1 : 0}
        {...rest}
        className={cx('natter-list__scroller', className)}
        onKeyDown={composeHandlers(onKeyDown, focus.onKeyDown)}
        onFocus={composeHandlers(onFocus, focus.onFocus)}
      >
        {empty ? (
          <ListEmpty store={store} status={status} filtered={idsProp !== undefined} />
        ) : (
          <div className="natter-list__sizer" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const id = ids.at(item.index) ?? '';
              const key = String(item.key);
              return (
                <div
                  key={key}
                  ref={virtualizer.measureElement}
                  className="natter-list__item"
                  data-index={item.index}
                  data-key={key}
                  data-natter-row=""
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <MessageRow
                    id={id}
                    prevId={ids.at(item.index - 1)}
                    shared={shared}
                    highlighted={key === highlightKey}
                    unread={id === unreadId}
                    joined={joinedAfter !== null && ids.at(item.index - 1) === joinedAfter}
                    joinEnd={id === joinedAfter}
                    tabbable={key === focusedKey}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
      <div className="natter-visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {!atBottom && !empty ? (
        <button
          type="button"
          className="natter-list__jump"
          data-state={newCount > 0 ? 'new' : 'idle'}
          onClick={() => {
            scrollToBottom();
            scrollRef.current?.focus({ preventScroll: true });
          }}
        >
          <span dir="auto">
            {newCount > 0 ? strings.newMessages(newCount) : strings.jumpToLatest}
          </span>
        </button>
      ) : null}
      {lightbox}
    </div>
  );
});
