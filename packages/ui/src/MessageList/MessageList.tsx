'use client';
import {
  Suspense,
  forwardRef,
  lazy,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type {
  ComponentPropsWithoutRef,
  FocusEvent,
  KeyboardEvent,
  ReactNode,
  UIEvent,
} from 'react';
import type { ChatEntry, ChatLike, ChatStore, IdList } from '@natter/core';
import { useChatSelector, useChatStore, useParticipants, useSelfUserId } from '@natter/hooks';
import { ListControllerContext } from '../listController';
import type { MessageListController } from '../listController';
import { useStrings } from '../strings';
import { composeHandlers } from '../utils/composeHandlers';
import { cx } from '../utils/cx';
import { shownName } from '../utils/displayName';
import type { NatterTheme } from '../utils/theme';
import { useMergedRefs } from '../utils/useMergedRefs';
import { useChatVirtualizer } from './useChatVirtualizer';
import { mentionsOf } from '../Message/mentions';
import type { MessageProps } from '../Message/Message';
import { MessageRow } from './MessageRow';
import type { RowShared } from './MessageRow';
import { useAnnouncer } from './useAnnouncer';
import { useRowTabStops } from './useRowTabStops';

/** Within this distance of the bottom the reader counts as "at the bottom" and the list follows. */
const AT_BOTTOM_PX = 48;
/** Within this distance of the top, older history is loaded. */
const LOAD_OLDER_PX = 240;
const ESTIMATED_ROW_PX = 64;
/** Rows rendered beyond each edge of the viewport, in pixels. */
const OVERSCAN_PX = 400;
const HIGHLIGHT_MS = 2000;
/** How far back from the end new messages are looked for after an update. */
const APPEND_SCAN = 1000;

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
  /** Marks own messages (`data-origin="local"`); defaults to the provider's `selfUserId`. */
  selfUserId?: string | undefined;
  /** Colour scheme of this part (`data-natter-theme`), as on `ChatPanel`; inherited when absent. */
  theme?: NatterTheme | undefined;
  /** `list` (default) or `bubbles`: own messages on the other side in their own colour. */
  layout?: MessageListLayout | undefined;
}

/** The ids appended at the end since `prev` (none when the list was empty: that is history). */
function appendedIds(prev: IdList, next: IdList): string[] {
  const last = prev.last();
  if (last === undefined || next.last() === last) return [];
  const out: string[] = [];
  for (let i = next.length - 1; i >= Math.max(0, next.length - APPEND_SCAN); i--) {
    const id = next.at(i);
    if (id === undefined) break;
    if (id === last) return out.reverse();
    out.push(id);
  }
  return [];
}

/** The lightbox loads when an image is first opened: most chats never open one. */
const ChatLightbox = lazy(() =>
  import('./ChatLightbox').then((m) => ({ default: m.ChatLightbox })),
);

/**
 * Where each chat's reader joined: the last message of the history there when its list was first
 * ready (null: there was none). Kept per store, so switching conversations does not move it.
 */
const joinPoints = new WeakMap<ChatStore, string | null>();

/** No unseen messages: one constant, so a reset while none are counted re-renders nothing. */
const NONE: readonly string[] = [];

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The chat's messages, virtualized (DOM size independent of history length) with variable row
 * heights. A `role="log"` labelled from strings; new messages are announced politely (throttled)
 * and followed only when the reader is at the bottom, else counted on a "N new messages" button.
 * Scrolling near the top loads older history with the visible message kept in place. Date
 * separators, sender grouping, an unread divider, roving focus (arrow keys, Home, End), and
 * jump-to-message through `ListControllerContext`.
 *
 * @example
 * ```tsx
 * <ChatProvider chat={meeting.chat} selfUserId={meeting.self.userId}>
 *   <MessageList renderActions={(entry) => <MessageActions entry={entry} />} />
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
    selfUserId: selfProp,
    theme,
    layout = 'list',
    className,
    onKeyDown,
    onScroll,
    onFocus,
    ...rest
  },
  forwardedRef,
) {
  const { strings } = useStrings();
  const store = useChatStore(storeProp ? { store: storeProp } : chat ? { chat } : {});
  const storeIds = useChatSelector(store, (s) => s.ids);
  const ids = idsProp ?? storeIds;
  const status = useChatSelector(store, (s) => s.status);
  const isLoadingOlder = useChatSelector(store, (s) => s.isLoadingOlder);
  const contextSelf = useSelfUserId();
  const selfUserId = selfProp ?? contextSelf;
  if (status === 'ready' && !joinPoints.has(store)) joinPoints.set(store, storeIds.last() ?? null);
  const joinedAfter = joinPoints.get(store) ?? null;
  const scrollRef = useRef<HTMLDivElement>(null);
  const ref = useMergedRefs(forwardedRef, scrollRef);

  const keyOf = useCallback((id: string) => store.clientKeyOf(id), [store]);
  const getItemKey = useCallback((index: number) => keyOf(ids.at(index) ?? ''), [ids, keyOf]);
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

  const [atBottom, setAtBottom] = useState(true);
  const atBottomRef = useRef(true);
  // The unseen messages themselves, not a number: one deleted meanwhile no longer counts.
  const [newIds, setNewIds] = useState<readonly string[]>(NONE);
  const [unreadId, setUnreadId] = useState<string | null>(null);
  /** True while the reader is away and the unread divider marks where they left. */
  const away = useRef(false);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const [highlightKey, setHighlightKey] = useState<string | null>(null);
  const [lightbox, setLightbox] = useState<{ id: string; src: string; alt: string } | null>(null);
  // The names a message may mention (`@Name`, see mentions.ts): everyone the meeting knows.
  const participants = useParticipants();
  const people = participants.participants;
  const mentions = useMemo(
    () =>
      people.length === 0
        ? undefined
        : mentionsOf(
            people.map((p) => p.name),
            people.find((p) => p.isSelf || p.userId === selfUserId)?.name,
          ),
    [people, selfUserId],
  );
  const { text: announcement, announce } = useAnnouncer(mentions);
  const olderArmed = useRef(true);

  // Start at the newest message once there is history.
  const startedAtEnd = useRef(false);
  useLayoutEffect(() => {
    if (startedAtEnd.current || ids.length === 0) return;
    startedAtEnd.current = true;
    virtualizer.scrollToEnd();
  }, [ids.length, virtualizer]);

  const loadOlder = useCallback(() => {
    const state = store.getState();
    if (!olderArmed.current || !state.hasOlder || state.isLoadingOlder) return;
    olderArmed.current = false;
    store
      .loadOlder()
      .catch(() => undefined)
      .finally(() => {
        olderArmed.current = true;
      });
  }, [store]);

  const handleScroll = (event: UIEvent<HTMLDivElement>) => {
    const el = event.currentTarget;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight <= AT_BOTTOM_PX;
    atBottomRef.current = bottom;
    setAtBottom(bottom);
    if (bottom) {
      setNewIds(NONE);
      away.current = false;
    }
    if (el.scrollTop <= LOAD_OLDER_PX) loadOlder();
  };

  // New messages: announce others', count them when the reader is scrolled up, mark where an
  // away reader left off, and bring the reader down to their own send.
  const prevIds = useRef(ids);
  const prevStoreIds = useRef(storeIds);
  useLayoutEffect(() => {
    const prev = prevIds.current;
    const storeChanged = prevStoreIds.current !== storeIds;
    prevIds.current = ids;
    prevStoreIds.current = storeIds;
    // A filter changing what is shown (no new message in the store) adds nothing new.
    if (prev === ids || !storeChanged) return;
    const byId = store.getState().byId;
    const added = appendedIds(prev, ids)
      .map((id) => byId.get(id))
      .filter((e): e is ChatEntry => e !== undefined);
    if (added.length === 0) return;
    const isOwn = (e: ChatEntry) =>
      e.status !== 'sent' || (selfUserId !== undefined && e.userId === selfUserId);
    if (added.some((e) => isOwn(e) && e.status === 'sending')) {
      virtualizer.scrollToEnd();
      setNewIds(NONE);
      setUnreadId(null);
      away.current = false;
      return;
    }
    const remote = added.filter((e) => !isOwn(e));
    if (remote.length === 0) return;
    announce(remote);
    const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    if (!atBottomRef.current) setNewIds((seen) => [...seen, ...remote.map((e) => e.id)]);
    if ((!atBottomRef.current || hidden) && !away.current) {
      away.current = true;
      setUnreadId(remote[0]?.id ?? null);
    }
  }, [ids, storeIds, store, selfUserId, virtualizer, announce]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible' && atBottomRef.current) away.current = false;
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  // Roving focus: move focus to a row, scrolling it into view (rendering it) first if needed.
  const focusRow = useCallback((key: string): boolean => {
    const rows = scrollRef.current?.querySelectorAll<HTMLElement>('[data-natter-row]') ?? [];
    for (const row of rows) {
      if (row.dataset.key !== key) continue;
      row.querySelector<HTMLElement>('[data-natter-message]')?.focus({ preventScroll: true });
      return true;
    }
    return false;
  }, []);
  useLayoutEffect(() => {
    const key = pendingFocus.current;
    if (key !== null && focusRow(key)) pendingFocus.current = null;
  });
  const focusIndex = useCallback(
    (index: number) => {
      if (ids.length === 0) return;
      const i = Math.min(Math.max(index, 0), ids.length - 1);
      const key = String(getItemKey(i));
      setFocusedKey(key);
      virtualizer.scrollToIndex(i, { align: 'auto' });
      if (!focusRow(key)) pendingFocus.current = key;
    },
    [ids.length, getItemKey, virtualizer, focusRow],
  );

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const onRow = target.hasAttribute('data-natter-message');
    // Keys inside a message's own controls (links, menus) are theirs.
    if (!onRow && target !== event.currentTarget) return;
    const current = onRow
      ? Number(target.closest('[data-index]')?.getAttribute('data-index') ?? -1)
      : -1;
    const last = ids.length - 1;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = current < 0 ? last : current + 1;
        break;
      case 'ArrowUp':
        next = current < 0 ? last : current - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      default:
        return;
    }
    event.preventDefault();
    focusIndex(next);
  };

  const handleFocus = (event: FocusEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    // Focus anywhere in a row (its message, a link, its actions) makes it the current row.
    const key = target.closest<HTMLElement>('[data-natter-row]')?.dataset.key;
    if (key !== undefined) setFocusedKey(key);
  };

  const scrollToBottom = useCallback(() => {
    virtualizer.scrollToEnd();
    setNewIds(NONE);
  }, [virtualizer]);

  // Jump to a message: load older history until it is listed (when the store knows it), scroll
  // it to the middle, focus and briefly highlight it.
  const idsRef = useRef(ids);
  const commitWaiters = useRef<(() => void)[]>([]);
  useLayoutEffect(() => {
    idsRef.current = ids;
    for (const resolve of commitWaiters.current.splice(0)) resolve();
  }, [ids]);
  const nextCommit = useCallback(
    () =>
      Promise.race([
        new Promise<void>((resolve) => commitWaiters.current.push(resolve)),
        delay(250),
      ]),
    [],
  );
  const jumpTo = useCallback(
    async (id: string): Promise<boolean> => {
      let index = idsRef.current.indexOf(id);
      for (let page = 0; index < 0 && page < 200; page++) {
        const state = store.getState();
        if (!state.byId.has(id) || !state.hasOlder) break;
        await store.loadOlder().catch(() => undefined);
        if (store.getState().ids.indexOf(id) >= 0) {
          await nextCommit();
          index = idsRef.current.indexOf(id);
          break;
        }
      }
      if (index < 0) return false;
      const key = String(store.getState().byId.get(id)?.clientKey ?? id);
      virtualizer.scrollToIndex(index, { align: 'center' });
      setHighlightKey(key);
      setFocusedKey(key);
      if (!focusRow(key)) pendingFocus.current = key;
      return true;
    },
    [store, virtualizer, focusRow, nextCommit],
  );
  useEffect(() => {
    if (highlightKey === null) return undefined;
    const timer = setTimeout(() => setHighlightKey(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightKey]);

  const controllerRef = useContext(ListControllerContext);
  useEffect(() => {
    if (!controllerRef) return undefined;
    const controller: MessageListController = { jumpTo, scrollToBottom };
    controllerRef.current = controller;
    return () => {
      if (controllerRef.current === controller) controllerRef.current = null;
    };
  }, [controllerRef, jumpTo, scrollToBottom]);

  // The latest renderActions, read by a stable function so rows never re-render for it.
  const actionsRef = useRef(renderActions);
  useLayoutEffect(() => {
    actionsRef.current = renderActions;
  }, [renderActions]);
  const hasActions = renderActions !== undefined;
  const callActions = useCallback((entry: ChatEntry) => actionsRef.current?.(entry), []);
  const stringsRef = useRef(strings);
  useLayoutEffect(() => {
    stringsRef.current = strings;
  }, [strings]);
  // The meeting names people (recipients who never wrote included); read through a ref so a join
  // or leave re-renders no row.
  const participantsRef = useRef(participants);
  useLayoutEffect(() => {
    participantsRef.current = participants;
  }, [participants]);
  const shared = useMemo<RowShared>(
    () => ({
      store,
      selfUserId,
      highlight,
      renderActions: hasActions ? callActions : undefined,
      onRetry: (id) => void store.retry(id).catch(() => undefined),
      onDiscard: (id) => store.discard(id),
      nameOf: (userId) => {
        const known = participantsRef.current.get(userId)?.name;
        if (known) return known;
        const state = store.getState();
        const last = state.byUser.get(userId)?.last();
        return last === undefined ? undefined : state.byId.get(last)?.displayName || undefined;
      },
      onOpenImage: (id, src) => {
        const entry = store.getState().byId.get(id);
        const alt = stringsRef.current.imageAlt(
          shownName(entry?.displayName || entry?.userId || '').text,
        );
        setLightbox({ id, src, alt });
      },
      mentions,
      renderCustom,
    }),
    [store, selfUserId, highlight, hasActions, callActions, mentions, renderCustom],
  );

  useRowTabStops(scrollRef, focusedKey);
  const byId = store.getState().byId;
  const newCount = newIds.reduce((n, id) => (byId.has(id) ? n + 1 : n), 0);

  const items = virtualizer.getVirtualItems();
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
        <div className="natter-list-loading" role="status">
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
        className={cx('natter-list-scroller', className)}
        onScroll={composeHandlers(onScroll, handleScroll)}
        onKeyDown={composeHandlers(onKeyDown, handleKeyDown)}
        onFocus={composeHandlers(onFocus, handleFocus)}
      >
        {empty ? (
          <div className="natter-list-empty">
            {status === 'error' && !idsProp ? (
              <>
                <p>{strings.historyFailed}</p>
                <button
                  type="button"
                  className="natter-list-button"
                  onClick={() => void store.resync()}
                >
                  {strings.retry}
                </button>
              </>
            ) : (
              <p>{status === 'ready' || idsProp ? strings.emptyList : strings.loadingHistory}</p>
            )}
          </div>
        ) : (
          <div className="natter-list-sizer" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const id = ids.at(item.index) ?? '';
              const key = String(item.key);
              return (
                <div
                  key={key}
                  ref={virtualizer.measureElement}
                  className="natter-list-item"
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
          className="natter-jump-button"
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
      {lightbox ? (
        <Suspense fallback={null}>
          <ChatLightbox store={store} start={lightbox} onClose={() => setLightbox(null)} />
        </Suspense>
      ) : null}
    </div>
  );
});
