'use client';
import { Suspense, forwardRef, lazy, useCallback, useId, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { ChatEntry, ChatLike } from '@natter/core';
import {
  EVERYONE,
  useChatSelector,
  useChatStore,
  useConversations,
  usePinned,
} from '@natter/hooks';
import { Composer } from '../Composer/Composer';
import { ComposerContext, useComposerControllerRef } from '../Composer/ComposerContext';
import { useComposerDropZone } from '../Composer/useComposerDropZone';
import { DownloadChatButton } from '../DownloadChatButton/DownloadChatButton';
import { ListControllerContext, useListControllerRef } from '../listController';
import { MessageActions } from '../MessageActions/MessageActions';
import { MeetingTimeProvider } from '../Message/meetingTime';
import type { MessageFilterMatches } from '../MessageFilter/MessageFilter';
import { MessageList } from '../MessageList/MessageList';
import type { MessageListLayout } from '../MessageList/MessageList';
import type { PinBarProps } from '../PinBar/PinBar';
import { StringsProvider, useStrings } from '../strings';
import type { NatterStrings } from '../strings';
import { cx } from '../utils/cx';
import { resolve, useShallowStable } from './panelParts';
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
  /** The message list, as `header`: `null`, a node, or a function that wraps it. */
  list?: PanelSlot;
  /** The composer, as `header`: `null`, a node (your own `<Composer peerIds={...} />`), or a function that wraps it. */
  composer?: PanelSlot;
  /** "What you missed" above the list (late joiners, coming back to the panel), as `header`. */
  missed?: PanelSlot;
  /** Offer the message filter (a header button opening it). Default true. */
  filter?: boolean | undefined;
  /**
   * `absolute` (default) or `meeting`: every time shown as "+12:30" from the meeting's start
   * (`meetingStartedAt`, else the first loaded message's time).
   */
  timeFormat?: 'absolute' | 'meeting' | undefined;
  /** The meeting's start, for `timeFormat="meeting"`. */
  meetingStartedAt?: Date | number | undefined;
}

/** The pin bar's code loads with the first pin: many meetings never pin anything. */
const PinBar = lazy(() => import('../PinBar/PinBar').then((m) => ({ default: m.PinBar })));

/** The switcher loads with the first private conversation: many meetings have none. */
const ConversationSwitcher = lazy(() =>
  import('../ConversationSwitcher/ConversationSwitcher').then((m) => ({
    default: m.ConversationSwitcher,
  })),
);

/** The summary and the filter load after first paint: neither is needed to show the chat. */
const MissedSummary = lazy(() =>
  import('../MissedSummary/MissedSummary').then((m) => ({ default: m.MissedSummary })),
);
const MessageFilter = lazy(() =>
  import('../MessageFilter/MessageFilter').then((m) => ({ default: m.MessageFilter })),
);

const NO_MATCHES: MessageFilterMatches = { ids: undefined, search: '' };

/** The panel's default pin bar: nothing while nothing is pinned (as `PinBar` itself). */
function PanelPinBar(props: PinBarProps) {
  const { pinned } = usePinned(props.chat ? { chat: props.chat } : {});
  if (pinned.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <PinBar {...props} />
    </Suspense>
  );
}

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
    <StringsProvider
      {...(stableStrings ? { strings: stableStrings } : {})}
      {...(locale === undefined ? {} : { locale })}
    >
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
      header,
      pinBar,
      switcher,
      list,
      composer,
      missed,
      filter = true,
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
    const chatProps = chat ? { chat } : {};
    const store = useChatStore(chatProps, 'ChatPanel');
    const { conversations, current } = useConversations({ store });
    // One list per conversation (its own scroll and unread state); the whole history while the
    // chat has no private conversation.
    const everyoneOnly = conversations.length === 1 && current.key === EVERYONE;
    const [filtering, setFiltering] = useState(false);
    const [matches, setMatches] = useState(NO_MATCHES);
    const toggleFilter = () => {
      setFiltering(!filtering);
      setMatches(NO_MATCHES);
    };
    const meetingTime = timeFormat === 'meeting';
    const firstMs = useChatSelector(store, (s) =>
      meetingTime ? s.byId.get(s.ids.first() ?? '')?.timeMs : undefined,
    );
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
          {...(chat ? { chat } : {})}
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
          {filter ? (
            <button
              type="button"
              className="natter-download__button"
              aria-expanded={filtering}
              onClick={toggleFilter}
            >
              {strings.replayFilters}
            </button>
          ) : null}
          <DownloadChatButton {...chatProps} meetingName={meetingName} />
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
      <MeetingTimeProvider startedAt={meetingTime ? (meetingStartedAt ?? firstMs) : null}>
        <ListControllerContext.Provider value={listController}>
          <ComposerContext.Provider value={composerController}>
            <section
              ref={ref}
              {...labelled}
              {...getDropZoneProps(rest)}
              className={cx('natter-panel', className)}
              data-natter-theme={theme}
            >
              {resolve(header, defaultHeader)}
              {resolve(pinBar, <PanelPinBar canPin={canPin} {...chatProps} />)}
              {everyoneOnly ? null : (
                <Suspense fallback={null}>
                  {resolve(switcher, <ConversationSwitcher {...chatProps} />)}
                </Suspense>
              )}
              {filtering ? (
                <Suspense fallback={null}>
                  <MessageFilter
                    key={current.key}
                    {...chatProps}
                    within={everyoneOnly ? undefined : current.ids}
                    onMatchesChange={setMatches}
                    onClose={() => {
                      setFiltering(false);
                      setMatches(NO_MATCHES);
                    }}
                    autoFocusSearch
                  />
                </Suspense>
              ) : null}
              <Suspense fallback={null}>
                {resolve(missed, <MissedSummary {...chatProps} />)}
              </Suspense>
              {resolve(
                list,
                <MessageList
                  key={current.key}
                  {...(matches.ids
                    ? { ids: matches.ids }
                    : everyoneOnly
                      ? {}
                      : { ids: current.ids })}
                  highlight={matches.search || undefined}
                  className="natter-panel__list"
                  layout={layout}
                  renderActions={renderActions}
                  {...chatProps}
                />,
              )}
              {resolve(
                composer,
                <Composer {...chatProps} {...(draftKey === undefined ? {} : { draftKey })} />,
              )}
              {children}
              {isDragging ? (
                <div className="natter-panel__drop" aria-hidden="true">
                  <span className="natter-panel__drop-label">{strings.dropFiles}</span>
                </div>
              ) : null}
            </section>
          </ComposerContext.Provider>
        </ListControllerContext.Provider>
      </MeetingTimeProvider>
    );
  },
);
