'use client';
import { useCallback, useState } from 'react';
import type { ComponentPropsWithRef, MouseEvent } from 'react';
import { toChatError } from '@natter/core';
import type { ChatError } from '@natter/core';
import { useChatSelector, useChatStore } from '@natter/hooks';
import type { ChatHookOptions } from '@natter/hooks';
import { composeHandlers } from '../utils/composeHandlers';

export interface UsePinToggleOptions extends ChatHookOptions {
  /** The message to pin or unpin. */
  messageId: string;
  isDisabled?: boolean;
}

export interface UsePinToggleResult {
  isPinned: boolean;
  state: 'pinned' | 'unpinned';
  /** A pin or unpin is waiting for the server. */
  isPending: boolean;
  /** Why the last pin or unpin failed. */
  error: ChatError | null;
  toggle(): Promise<void>;
  /** Props for a toggle button: `aria-pressed`, `aria-busy`, `data-state`, the click handler. */
  getToggleProps(props?: ComponentPropsWithRef<'button'>): ComponentPropsWithRef<'button'>;
}

/**
 * Pin state and a toggle for message `messageId`, as a prop bag for your own button.
 *
 * @example
 * ```tsx
 * const { getToggleProps } = usePinToggle({ messageId: message.id })
 * <button {...getToggleProps({ className: 'my-pin' })}>📌</button>
 * ```
 */
export function usePinToggle(options: UsePinToggleOptions): UsePinToggleResult {
  const id = options.messageId;
  const store = useChatStore(options);
  const isPinned = useChatSelector(store, (s) => s.byId.get(id)?.pinned === true);
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<ChatError | null>(null);
  const isDisabled = options.isDisabled === true;

  const toggle = useCallback(async () => {
    setPending(true);
    setError(null);
    try {
      await (store.getState().byId.get(id)?.pinned === true ? store.unpin(id) : store.pin(id));
    } catch (caught) {
      // After an unmount these do nothing (React 18+), so no "is mounted" flag is needed.
      setError(toChatError(caught));
    } finally {
      setPending(false);
    }
  }, [store, id]);

  const state = isPinned ? 'pinned' : 'unpinned';
  const getToggleProps = (props: ComponentPropsWithRef<'button'> = {}) => ({
    type: 'button' as const,
    'aria-pressed': isPinned,
    'aria-busy': isPending || undefined,
    'data-state': state,
    disabled: isDisabled,
    ...props,
    onClick: composeHandlers(props.onClick, (_event: MouseEvent<HTMLButtonElement>) => {
      if (!isPending) void toggle();
    }),
  });

  return { isPinned, state, isPending, error, toggle, getToggleProps };
}
