'use client';
import type { ChatEntry } from '@natter/core';
import { useChatSelector, useChatStore } from './useChatStore';
import type { ChatHookOptions } from './useChatStore';

export interface UseMessageOptions extends ChatHookOptions {
  /** The message's id (what `useMessageIds()` lists). */
  id: string;
}

/**
 * One message by id; re-renders only when that message changes. `undefined` once deleted.
 *
 * @example
 * ```tsx
 * const message = useMessage({ id })
 * return message?.type === 'text' ? <p>{message.message}</p> : null
 * ```
 */
export function useMessage(options: UseMessageOptions): ChatEntry | undefined {
  const store = useChatStore(options);
  const { id } = options;
  return useChatSelector(store, (s) => s.byId.get(id));
}
