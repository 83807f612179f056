'use client';
import type { IdList } from '@natter/core';
import { useChatSelector, useChatStore } from './useChatStore';
import type { ChatHookOptions } from './useChatStore';

/**
 * The ordered ids of the loaded history (an immutable `IdList`: `length`, `at(i)`). Changes only
 * when a message is added or removed, not when one is edited: the list re-renders on new
 * messages, each row (with {@link useMessage}) on its own edits.
 */
export function useMessageIds(options: ChatHookOptions = {}): IdList {
  const store = useChatStore(options);
  return useChatSelector(store, (s) => s.ids);
}
