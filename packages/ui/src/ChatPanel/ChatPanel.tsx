'use client';
import { Suspense, forwardRef, lazy, useCallback, useId, useState } from 'react';
import type { ComponentPropsWithoutRef, ReactElement, ReactNode } from 'react';
import type { ChatEntry, ChatLike } from '@natter/core';
import { EVERYONE, useChatStore, useConversations, usePinned } from '@natter/hooks';
import { Composer } from '../Composer/Composer';
import { ComposerContext, useComposerControllerRef } from '../Composer/ComposerContext';
import { useComposerDropZone } from '../Composer/useComposerDropZone';
import { DownloadChatButton } from '../DownloadChatButton/DownloadChatButton';
import { ListControllerContext, useListControllerRef } from '../listController';
import { MessageActions } from '../MessageActions/MessageActions';
import { MessageList } from '../MessageList/MessageList';
import type { MessageListLayout, MessageListProps } from '../MessageList/MessageList';
import type { PinBarProps } from '../PinBar/PinBar';
import { StringsProvider, useStrings } from '../strings';
import type { NatterStrings } from '../strings';
import { cx } from '../utils/cx';

/**
 * A replaceable part of the panel: `undefined` keeps the default, `null` removes it, a node
 * replaces it, a function receives the default element (to wrap or decorate it).
 */
export type PanelSlot = ReactNode | ((defaultPart: ReactElement) => ReactNode);

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
}

/** The pin bar's code loads with the first pin: many meetings never pin anything. */
const PinBar = lazy(() => import('../PinBar/PinBar').then((m) => ({ default: m.PinBar })));

/** The switcher loads with the first private conversation: many meetings have none. */
const ConversationSwitcher = lazy(() =>
  import('../ConversationSwitcher/ConversationSwitcher').then((m) => ({
    default: m.ConversationSwitcher,
  })),
);

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

function resolve(slot: PanelSlot | undefined, fallback: ReactElement): ReactNode {
  if (slot === undefined) return fallback;
  return typeof slot === 'function' ? slot(fallback) : slot;
}

function shallowEqual(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/** Keeps the previous object while the new one is shallowly equal (inline `strings={{…}}`). */
function useShallowStable<T extends object | undefined>(value: T): T {
  const [kept, setKept] = useState(value);
  if (kept === value || shallowEqual(kept, value)) return kept;
  setKept(value);
  return value;
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
      renderCustom,
      header,
      pinBar,
      switcher,
      list,
      composer,
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
    const store = useChatStore(chatProps);
    const { conversations, current } = useConversations({ store });
    // One list per conversation (its own scroll and unread state); the whole history while the
    // chat has no private conversation.
    const everyoneOnly = conversations.length === 1 && current.key === EVERYONE;
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
        <DownloadChatButton {...chatProps} meetingName={meetingName} />
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
            {resolve(
              list,
              <MessageList
                key={current.key}
                {...(everyoneOnly ? {} : { ids: current.ids })}
                className="natter-panel__list"
                layout={layout}
                renderActions={renderActions}
                renderCustom={renderCustom}
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
    );
  },
);
