'use client';
import { Suspense, forwardRef, lazy, useCallback, useId, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { ChatEntry, ChatLike } from '@natter/core';
import { EVERYONE, useChatSelector, useChatStore, useConversations } from '@natter/hooks';
import { Composer } from '../Composer/Composer';
import { ComposerContext, useComposerControllerRef } from '../Composer/ComposerContext';
import { useComposerDropZone } from '../Composer/useComposerDropZone';
import { ListControllerContext, useListControllerRef } from '../listController';
import { MessageActions } from '../MessageActions/MessageActions';
import { MeetingTimeProvider } from '../Message/meetingTime';
import type { MessageFilterMatches } from '../MessageFilter/MessageFilter';
import { MessageList } from '../MessageList/MessageList';
import type { MessageListLayout, MessageListProps } from '../MessageList/MessageList';
import { StringsProvider, useStrings } from '../strings';
import type { NatterStrings } from '../strings';
import { cx } from '../utils/cx';
import { ConversationSwitcher, PanelPinBar, resolve, useShallowStable } from './panelParts';
import type { PanelSlot } from './panelParts';

export type { PanelSlot } from './panelParts';

export interface ChatPanelProps extends ComponentPropsWithoutRef<'section'> {
  /**
   * Colour scheme, as `data-natter-theme`: `light`, `dark`, or `system` (follows
   * `prefers-color-scheme`). Without it the panel takes the theme of the nearest
   * `[data-natter-theme]` ancestor, or light when there is none.
   */
  theme?: 'light' | 'dark' | 'system';
  /** Overrides any visible string. */
  strings?: Partial<NatterStrings>;
  /** BCP 47 locale for dates and sizes. */
  locale?: string;
  /**
   * Offer Pin / Unpin (message menu and pin bar). Default: as the meeting's rule allows (see
   * `useChatPermissions`); off for a bare chat.
   */
  canPin?: boolean;
  /** Offer Edit on others' messages. Default: as the meeting's rule allows. */
  canEditOthers?: boolean;
  /** Offer Delete on others' messages. Default: as the meeting's rule allows. */
  canDeleteOthers?: boolean;
  /** An explicit chat, overriding the `ChatProvider`'s. */
  chat?: ChatLike;
  /** The meeting's name: the default name of the downloaded chat (`<name> chat <date>.csv`). */
  meetingName?: string | undefined;
  /**
   * How messages are laid out: `list` (everyone's on one side, the default) or `bubbles` (own
   * messages on the other side, in their own colour).
   */
  layout?: MessageListLayout | undefined;
  /** Keeps the composer's draft in `sessionStorage` under this key (see `useComposer`). */
  draftKey?: string;
  /** The header (title and download button): `null` removes it, a node replaces it, a function `(part) => node` wraps it. */
  header?: PanelSlot;
  /** The pin bar, as `header`: `null`, a node, or a function that wraps it. */
  pinBar?: PanelSlot;
  /** The conversation switcher, shown once there is a private conversation; as `header`. */
  switcher?: PanelSlot;
  /** Renders custom messages (polls, system notes) in the list; see `MessageList`. */
  renderCustom?: MessageListProps['renderCustom'];
  /** The message list, as `header`: `null`, a node, or a function that wraps it. */
  list?: PanelSlot;
  /** The composer, as `header`: `null`, a node (your own `<Composer peerIds={...} />`), or a function that wraps it. */
  composer?: PanelSlot;
  /**
   * "What you missed" at the list's divider (loaded on demand): for a late joiner the history
   * before they joined ("Before you joined"), after the panel was closed and opened again what
   * others wrote meanwhile ("While you were away", at the unread divider). Default true.
   */
  missed?: boolean | undefined;
  /**
   * A "Filter" button in the header that opens the filter bar (participant, type, pinned only and
   * text; loaded on demand): the list shows only the matches. Default true.
   */
  filter?: boolean | undefined;
  /** `absolute` (default) or `meeting`: every time as "+12:30" from the meeting's start, as `ReplayView`. */
  timeFormat?: 'absolute' | 'meeting' | undefined;
  /** The meeting's start for `timeFormat="meeting"`; default the first listed message's time. */
  meetingStartedAt?: Date | number | undefined;
}

/**
 * The download button's machinery (export state, progress, the options menu) loads right after
 * first paint; until then a disabled twin holds its place.
 */
const DownloadChatButton = lazy(() =>
  import('../DownloadChatButton/DownloadChatButton').then((m) => ({
    default: m.DownloadChatButton,
  })),
);

/** "What you missed" loads after first paint; the filter bar when it is first opened. */
const PanelMissed = lazy(() => import('./PanelMissed'));
const PanelFilter = lazy(() => import('./PanelFilter'));

/**
 * The ready meeting chat: header (title and download), pin bar, message list and composer. The
 * whole panel is a drop target for files. Every part can be replaced through a slot.
 *
 * @example
 * ```tsx
 * import '@natter/ui/styles.css'
 * <ChatProvider chat={meeting.chat} selfUserId={meeting.self.userId}>
 *   <ChatPanel theme="dark" canPin />
 * </ChatProvider>
 * ```
 */
export const ChatPanel = forwardRef<HTMLElement, ChatPanelProps>(function ChatPanel(
  { strings, locale, ...rest },
  ref,
) {
  const stableStrings = useShallowStable(strings);
  return (
    <StringsProvider strings={stableStrings} locale={locale}>
      <PanelBody ref={ref} {...rest} />
    </StringsProvider>
  );
});

const PanelBody = forwardRef<HTMLElement, Omit<ChatPanelProps, 'strings' | 'locale'>>(
  function PanelBody(
    {
      theme,
      canPin,
      canEditOthers,
      canDeleteOthers,
      chat,
      draftKey,
      meetingName,
      layout,
      renderCustom,
      header,
      pinBar,
      switcher,
      list,
      composer,
      missed,
      filter,
      timeFormat,
      meetingStartedAt,
      className,
      children,
      ...rest
    },
    ref,
  ) {
    const { strings } = useStrings();
    const titleId = useId();
    const listController = useListControllerRef();
    const composerController = useComposerControllerRef();
    const chatProps = { chat };
    const store = useChatStore(chatProps);
    const { conversations, current } = useConversations({ store });
    // One list per conversation (its own scroll and unread state); the whole history while the
    // chat has no private conversation.
    const everyoneOnly = conversations.length === 1 && current.key === EVERYONE;
    const [divider, setDivider] = useState<MessageListProps['renderDivider']>();
    const [matches, setMatches] = useState<MessageFilterMatches | null>(null);
    const filterButton = useRef<HTMLButtonElement>(null);
    const closeFilter = () => {
      setMatches(null);
      filterButton.current?.focus();
    };
    const firstTime = useChatSelector(store, (s) => s.byId.get(s.ids.first() ?? '')?.time);
    const { isDragging, getDropZoneProps } = useComposerDropZone({
      onFiles: (files) => composerController.current?.addFiles(files),
    });
    const renderActions = useCallback(
      (entry: ChatEntry) => (
        <MessageActions
          message={entry}
          canPin={canPin}
          canEditOthers={canEditOthers}
          canDeleteOthers={canDeleteOthers}
          chat={chat}
        />
      ),
      [canPin, canEditOthers, canDeleteOthers, chat],
    );

    const defaultHeader = (
      <header className="natter-panel__header">
        <h2 className="natter-panel__title" id={titleId}>
          {strings.panelTitle}
        </h2>
        <span className="natter-download">
          {filter === false ? null : (
            <button
              ref={filterButton}
              type="button"
              className="natter-download__button"
              aria-expanded={!!matches}
              onClick={() => (matches ? closeFilter() : setMatches({ ids: undefined, search: '' }))}
            >
              {strings.filterMessages}
            </button>
          )}
          <Suspense
            fallback={
              <span className="natter-download">
                <button type="button" className="natter-download__button" disabled>
                  {strings.downloadChat}
                </button>
              </span>
            }
          >
            <DownloadChatButton {...chatProps} meetingName={meetingName} />
          </Suspense>
        </span>
      </header>
    );
    const labelled =
      rest['aria-label'] !== undefined || rest['aria-labelledby'] !== undefined
        ? {}
        : header === undefined || typeof header === 'function'
          ? { 'aria-labelledby': titleId }
          : { 'aria-label': strings.panelTitle };

    return (
      <ListControllerContext.Provider value={listController}>
        <ComposerContext.Provider value={composerController}>
          <MeetingTimeProvider
            startedAt={timeFormat === 'meeting' ? (meetingStartedAt ?? firstTime) : null}
          >
            <section
              ref={ref}
              {...labelled}
              {...getDropZoneProps(rest)}
              className={cx('natter-panel', className)}
              data-natter-theme={theme}
            >
              {resolve(header, defaultHeader)}
              {matches ? (
                <Suspense fallback={null}>
                  <PanelFilter
                    {...chatProps}
                    within={everyoneOnly ? undefined : current.ids}
                    onMatchesChange={setMatches}
                    onClose={closeFilter}
                  />
                </Suspense>
              ) : null}
              {missed === false ? null : (
                <Suspense fallback={null}>
                  <PanelMissed store={store} onReady={setDivider} />
                </Suspense>
              )}
              {resolve(pinBar, <PanelPinBar canPin={canPin} {...chatProps} />)}
              {everyoneOnly ? null : (
                <Suspense fallback={null}>
                  {resolve(switcher, <ConversationSwitcher {...chatProps} />)}
                </Suspense>
              )}
              {resolve(
                list,
                <MessageList
                  key={current.key}
                  ids={matches?.ids ?? (everyoneOnly ? undefined : current.ids)}
                  highlight={matches?.search}
                  renderDivider={divider}
                  className="natter-panel__list"
                  layout={layout}
                  renderActions={renderActions}
                  renderCustom={renderCustom}
                  {...chatProps}
                />,
              )}
              {resolve(composer, <Composer {...chatProps} draftKey={draftKey} />)}
              {children}
              {isDragging ? (
                <div className="natter-panel__drop" aria-hidden="true">
                  <span className="natter-panel__drop-label">{strings.dropFiles}</span>
                </div>
              ) : null}
            </section>
          </MeetingTimeProvider>
        </ComposerContext.Provider>
      </ListControllerContext.Provider>
    );
  },
);
