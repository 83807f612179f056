'use client';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { ChatLike } from '@natter/core';
import { EVERYONE, useChatStore, useConversations, useParticipants } from '@natter/hooks';
import { useStrings } from '../strings';
import { cx } from '../utils/cx';
import { shownName } from '../utils/displayName';

export interface ConversationSwitcherProps extends ComponentPropsWithoutRef<'nav'> {
  /** An explicit chat, overriding the `ChatProvider`'s. */
  chat?: ChatLike | undefined;
}

/**
 * The conversations of the chat: Everyone and each private conversation, each with its unread
 * count; the open one is `aria-current`. Plain buttons in a labelled `nav`: Tab reaches them,
 * Enter or Space opens one, and a screen reader reads the name and "N unread". Opening a private
 * conversation fetches its history (`fetchPrivateMessages`) where the chat has it.
 *
 * @example
 * ```tsx
 * <ChatProvider meeting={meeting}>
 *   <ConversationSwitcher />
 *   <MessageList ids={useConversations().current.ids} />
 * </ChatProvider>
 * ```
 */
export const ConversationSwitcher = forwardRef<HTMLElement, ConversationSwitcherProps>(
  function ConversationSwitcher({ chat, className, ...rest }, ref) {
    const { strings } = useStrings();
    const store = useChatStore({ chat });
    const { conversations, active, setActive } = useConversations({ store });
    const { get } = useParticipants();
    const nameOf = (key: string) => {
      const state = store.getState();
      const last = state.byUser.get(key)?.last();
      const known = get(key)?.name || (last && state.byId.get(last)?.displayName) || key;
      return shownName(known).text;
    };
    return (
      <nav
        ref={ref}
        aria-label={strings.conversations}
        {...rest}
        className={cx('natter-switcher', className)}
      >
        <ul className="natter-switcher__list">
          {conversations.map((c) => {
            const left = c.key !== EVERYONE && get(c.key)?.status === 'left';
            return (
              <li key={c.key}>
                <button
                  type="button"
                  className="natter-switcher__item"
                  aria-current={c.key === active ? 'true' : undefined}
                  data-state={left ? 'left' : undefined}
                  onClick={() => setActive(c.key)}
                >
                  <bdi>{c.key === EVERYONE ? strings.everyone : nameOf(c.key)}</bdi>
                  {c.unread > 0 ? (
                    <>
                      <span className="natter-switcher__badge" aria-hidden="true">
                        {c.unread}
                      </span>
                      <span className="natter-visually-hidden">
                        , {strings.unreadCount(c.unread)}
                      </span>
                    </>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
    );
  },
);
