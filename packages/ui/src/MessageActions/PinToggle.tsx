'use client';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { ChatHookOptions } from '@natter/hooks';
import { useStrings } from '../strings';
import { cx } from '../utils/cx';
import { usePinToggle } from './usePinToggle';

export interface PinToggleProps extends ComponentPropsWithoutRef<'button'>, ChatHookOptions {
  /** The message to pin or unpin. */
  messageId: string;
}

/**
 * A toggle button pinning or unpinning a message (`aria-pressed`, `data-state="pinned|unpinned"`).
 *
 * @example
 * ```tsx
 * <PinToggle messageId={message.id} />
 * ```
 */
export const PinToggle = forwardRef<HTMLButtonElement, PinToggleProps>(function PinToggle(
  { messageId, chat, store, className, children, ...rest },
  ref,
) {
  const { strings } = useStrings();
  const { getToggleProps } = usePinToggle({
    messageId,
    chat,
    store,
    isDisabled: rest.disabled,
  });
  return (
    <button ref={ref} {...getToggleProps(rest)} className={cx('natter-pin-toggle', className)}>
      {children ?? strings.pin}
    </button>
  );
});
