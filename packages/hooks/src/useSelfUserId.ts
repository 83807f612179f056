'use client';
import { useOptionalChatContext } from './ChatContext';

/**
 * The local participant's user id given to `ChatProvider` (`selfUserId`), or `undefined` outside
 * a provider or when none was given. Components use it to tell own messages from others'.
 *
 * @example
 * ```tsx
 * const self = useSelfUserId()
 * const origin = message.userId === self ? 'local' : 'remote'
 * ```
 */
export function useSelfUserId(): string | undefined {
  return useOptionalChatContext()?.selfUserId;
}
